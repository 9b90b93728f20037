import type { Params } from "./params";
import { phraseTsQuery, prefixTsQuery } from "./text";

/**
 * Relevance, in one place. Title phrase and title words dominate (A), then keywords (B), summary (C)
 * and description (D) through ts_rank_cd's weights; trigram similarity to the title rescues typos;
 * verification and freshness only break near-ties.
 */
export const RANKING = {
  weights: "{0.05,0.2,0.4,1.0}", // D, C, B, A
  phraseBonus: 0.6,
  titleContainsBonus: 1.0,
  titleSimilarity: 1.0,
  // Below this, trigram similarity between a query and an unrelated title is noise, not evidence.
  similarityFloor: 0.35,
  verified: 0.03,
  freshness: 0.03,
  freshnessDays: 180,
  // A query matching more than this many listings ranks only the first this-many in the prior order
  // (title matches first, newest first): the cost of a search stays bounded (lib/search/sql.ts).
  candidates: 400,
  // Where matches are dense, the newest candidates are found by testing the newest this-many
  // listings one by one instead of collecting every match (lib/search/sql.ts).
  walk: 1500,
};

export type MatchMode = "words" | "fuzzy";

/**
 * WHERE fragment on the index row `x`. "words": every query word (as a prefix) occurs in the text —
 * served by the GIN index, with no recheck, so the out-of-line vector is never read. "fuzzy": the
 * title is similar to the query (trigrams) — the typo fallback, used only when the words find
 * nothing, because scanning trigrams of common syllables costs far more than words.
 */
export function textMatch(tokens: string[], p: Params, mode: MatchMode = "words"): string {
  return mode === "words"
    ? `x.search_vector @@ to_tsquery('simple', ${p.add(prefixTsQuery(tokens))})`
    : `${p.add(tokens.join(" "))} <% x.search_title`;
}

/** Every query word (as a prefix) occurs in the title: the first tier of candidates (see sql.ts). */
export function titleMatch(tokens: string[], p: Params): string {
  return `x.title_vector @@ to_tsquery('simple', ${p.add(prefixTsQuery(tokens))})`;
}

/**
 * The relevance score (see RANKING) of the index row `x` joined with its listing row `l` (for the
 * head vector: title, keywords, summary — short and stored inline; ranking never reads the full
 * vector, so a match in the description alone ranks by the tie-breakers).
 */
export function relevance(tokens: string[], p: Params): string {
  const r = RANKING;
  const tsq = p.add(prefixTsQuery(tokens));
  const folded = p.add(tokens.join(" "));
  const phrase = p.add(phraseTsQuery(tokens));
  return `(ts_rank_cd('${r.weights}', l.head_vector, to_tsquery('simple', ${tsq}), 1)
      + CASE WHEN ${phrase}::text IS NOT NULL AND l.head_vector @@ to_tsquery('simple', ${phrase}) THEN ${r.phraseBonus} ELSE 0 END
      + CASE WHEN strpos(x.search_title, ${folded}) > 0 THEN ${r.titleContainsBonus} ELSE 0 END
      + ${r.titleSimilarity} * greatest(word_similarity(${folded}, x.search_title) - ${r.similarityFloor}, 0)
      + CASE WHEN x.verified THEN ${r.verified} ELSE 0 END
      + ${r.freshness} * exp(-extract(epoch FROM (now() - x.updated_at)) / ${r.freshnessDays * 86400}.0))`;
}
