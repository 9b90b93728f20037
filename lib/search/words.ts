import "server-only";
import { pool, searchPool } from "@/lib/db";
import { oneEditAway, pickCorrection } from "./spelling";

/** Recounts the vocabulary (search_words) from the search index; see the job registry. */
export async function refreshSearchWords(): Promise<void> {
  await pool().query("SELECT techex_refresh_search_words()");
}

/**
 * The vocabulary's rows (alias `w`) for the words in $1 (a text array), looked up in the primary key.
 * Not `word = ANY($1)`: the planner answers that from the trigram index (pg_trgm indexes equality
 * too), which for a few thousand candidate spellings of a long word read 650,000 index pages and
 * took 1.5 s even on a small vocabulary (tests/integration/search-words-lookup.test.ts).
 */
export const VOCABULARY_OF_WORDS = `(SELECT DISTINCT unnest($1::text[]) AS word) c JOIN search_words w ON w.word = c.word`;

/** Each known word of $1, and how many listings use it in any text (the spelling candidates). */
export const KNOWN_WORDS_SQL = `SELECT w.word, w.text_docs AS docs, NULL AS token FROM ${VOCABULARY_OF_WORDS}`;

/**
 * Spelling correction of folded query tokens against the vocabulary of every published listing's
 * words (title, keywords, summary, description; a listing's words are added when it is published).
 * It runs only when the query's words found nothing. A token that is a known word, too short to
 * correct, or in `keep` (question and filler words) is kept; any other becomes the nearest known
 * word by edit distance, then the most used (lib/search/spelling.ts): "thia" → "thai". Candidates
 * are every known word one edit away (looked up exactly) and, for longer words, the most similar
 * by trigrams. Returns null when nothing was corrected: then the query's words are all real, and an
 * empty result is genuine rather than a typo.
 */
export async function correctTokens(tokens: string[], keep: ReadonlySet<string> = new Set()): Promise<string[] | null> {
  const unknown = [...new Set(tokens.filter((t) => t.length >= 3 && !keep.has(t)))];
  if (!unknown.length) return null;
  const near = unknown.flatMap(oneEditAway);
  const { rows } = await searchPool().query<{ word: string; docs: number; token: string | null }>(
    `${KNOWN_WORDS_SQL}
     UNION ALL
     SELECT w.word, w.text_docs, t.token FROM unnest($2::text[]) t(token)
      CROSS JOIN LATERAL (SELECT w.word, w.text_docs FROM search_words w
                           WHERE length(t.token) > 5 AND w.word % t.token
                           ORDER BY similarity(w.word, t.token) DESC, w.text_docs DESC LIMIT 20) w`,
    [[...unknown, ...near], unknown],
  );
  const known = new Set(rows.filter((r) => r.token === null && unknown.includes(r.word)).map((r) => r.word));
  const candidates = rows.map((r) => ({ word: r.word, docs: Number(r.docs) }));
  let changed = false;
  const corrected = tokens.map((token) => {
    if (!unknown.includes(token) || known.has(token)) return token;
    const fix = pickCorrection(token, candidates);
    if (!fix) return token;
    changed = true;
    return fix;
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
