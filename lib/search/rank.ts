import { phraseTsQuery, prefixTsQuery } from "./text";

/** Anything that registers a value and returns its placeholder ($n): lib/catalog's Params. */
export interface ParamSink {
  add(value: unknown): string;
}

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
};

/** WHERE fragment: every query word (as a prefix) in the text, or a title similar enough (typos). */
export function textMatch(a: string, tokens: string[], p: ParamSink): string {
  return `(${a}.search_vector @@ to_tsquery('simple', ${p.add(prefixTsQuery(tokens))}) OR ${p.add(tokens.join(" "))} <% ${a}.search_title)`;
}

/** The relevance score of a listing row aliased `a` for the query words (see RANKING). */
export function relevance(a: string, tokens: string[], p: ParamSink): string {
  const r = RANKING;
  const tsq = p.add(prefixTsQuery(tokens));
  const folded = p.add(tokens.join(" "));
  const phrase = p.add(phraseTsQuery(tokens));
  return `(ts_rank_cd('${r.weights}', ${a}.search_vector, to_tsquery('simple', ${tsq}), 1)
      + CASE WHEN ${phrase}::text IS NOT NULL AND ${a}.search_vector @@ to_tsquery('simple', ${phrase}) THEN ${r.phraseBonus} ELSE 0 END
      + CASE WHEN strpos(${a}.search_title, ${folded}) > 0 THEN ${r.titleContainsBonus} ELSE 0 END
      + ${r.titleSimilarity} * greatest(word_similarity(${folded}, ${a}.search_title) - ${r.similarityFloor}, 0)
      + CASE WHEN g.verification_status = 'VERIFIED' THEN ${r.verified} ELSE 0 END
      + ${r.freshness} * exp(-extract(epoch FROM (now() - ${a}.updated_at)) / ${r.freshnessDays * 86400}.0))`;
}

