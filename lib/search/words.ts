import "server-only";
import { pool, searchPool } from "@/lib/db";

/** Rebuilds the title vocabulary (search_words) from the search index; see the job registry. */
export async function refreshSearchWords(): Promise<void> {
  await pool().query("SELECT techex_refresh_search_words()");
}

/**
 * Spelling correction of folded query tokens against the title vocabulary. It runs only when the
 * query's words (each also as a prefix) found nothing: a token that is a word, or too short to
 * correct, is kept; any other becomes the most similar known word (trigram similarity, then the
 * most used) — "mem" becomes "men" even though it also starts "membrane". Returns null when nothing was corrected: then the
 * query's words are all real, and an empty result is genuine rather than a typo.
 */
export async function correctTokens(tokens: string[]): Promise<string[] | null> {
  if (!tokens.length) return null;
  const { rows } = await searchPool().query<{ token: string; known: boolean; fix: string | null }>(
    `SELECT t.token,
            (length(t.token) < 3 OR EXISTS (SELECT 1 FROM search_words w WHERE w.word = t.token)) AS known,
            (SELECT w.word FROM search_words w WHERE w.word % t.token
              ORDER BY similarity(w.word, t.token) DESC, w.docs DESC, w.word LIMIT 1) AS fix
       FROM unnest($1::text[]) WITH ORDINALITY AS t(token, i) ORDER BY t.i`,
    [tokens],
  );
  let changed = false;
  const corrected = rows.map((r) => {
    if (r.known || !r.fix) return r.token;
    changed = true;
    return r.fix;
  });
  return changed ? corrected : null;
}
