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

/**
 * The second kind of typo: every word is real, but together they occur nowhere — "lên mem" (for
 * "lên men"), where "mem" is a word of "phần mềm". One word is replaced by a similar, more usual
 * vocabulary word such that some published title of `kind` contains the whole corrected query;
 * the most similar replacement wins, then the most used. Returns null when there is none.
 */
export async function correctCombination(kind: "offers" | "demands", tokens: string[]): Promise<string[] | null> {
  if (tokens.length < 2) return null;
  const index = kind === "offers" ? "offer_search" : "demand_search";
  const { rows } = await searchPool().query<{ i: string; word: string }>(
    `WITH t AS (SELECT token, i FROM unnest($1::text[]) WITH ORDINALITY AS t(token, i)),
          alt AS (
            SELECT t.i, w.word, similarity(w.word, t.token) AS sim, w.docs FROM t
             CROSS JOIN LATERAL (
               SELECT w.word, w.docs FROM search_words w
                WHERE w.word % t.token AND w.word <> t.token
                ORDER BY similarity(w.word, t.token) DESC, w.docs DESC, w.word LIMIT 5) w
             WHERE length(t.token) >= 3)
     SELECT a.i, a.word FROM alt a
      WHERE EXISTS (
        SELECT 1 FROM ${index} x WHERE x.title_vector @@ to_tsquery('simple', array_to_string(ARRAY(
          SELECT quote_literal(CASE WHEN t.i = a.i THEN a.word ELSE t.token END) || ':*' FROM t ORDER BY t.i), ' & ')))
      ORDER BY a.sim DESC, a.docs DESC, a.word LIMIT 1`,
    [tokens],
  );
  const fix = rows[0];
  if (!fix) return null;
  return tokens.map((token, i) => (i + 1 === Number(fix.i) ? fix.word : token));
}
