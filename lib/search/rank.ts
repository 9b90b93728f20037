import type { Params } from "./params";
import { phraseTsQuery, prefixTsQuery, wholeWordsTsQuery } from "./text";

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
  // A relaxed search (any concept of a question) ranks fewer candidates, each costing a test of
  // every alternative of every concept, and walks further: its matches are denser.
  relaxedCandidates: 200,
  relaxedWalk: 4000,
};

export type MatchMode = "words" | "fuzzy";

/**
 * The text side of a search, as the SQL builders read it. Strict ("words"): every query word, as a
 * prefix. "fuzzy": the title is similar to the query. Relaxed: any concept of the query, each as one
 * of its alternatives (itself, its synonyms), ranked by how much of the query a listing covers.
 */
export interface TextQuery {
  /** Folded query words (similarity to titles, the density heuristics of sql.ts). */
  tokens: string[];
  mode: MatchMode | "relaxed";
  /** The to_tsquery('simple', …) text matched in words mode (a relaxed query matches its plan's alternatives). */
  tsquery: string;
  relaxed?: RelaxedPlan;
}

/** What a relaxed search looks for (lib/search/relax.ts builds it). */
export interface RelaxedPlan {
  concepts: {
    /** How rare the concept is: ln(1 + listings / (1 + listings using it)). */
    idf: number;
    /** to_tsquery texts, the concept itself first (weight 1), then its synonyms (weight < 1). */
    alternatives: { tsquery: string; weight: number }[];
  }[];
  /** Listings already shown as strict matches (ranked first, so left out here). */
  exclude: string[];
  /**
   * The share of all listings expected to match in their title and in any text: the concepts'
   * counts in the vocabulary added up (an overestimate). Decides whether the newest candidates are
   * found by walking the newest listings (lib/search/sql.ts).
   */
  density?: { title: number; text: number };
}

/**
 * The full vector, as relaxed ranking reads it: a copy read once per candidate (sql.ts joins it as
 * `fv`) — each `x.search_vector @@ …` would fetch the out-of-line vector anew, once per
 * alternative of every concept not found in the title or head.
 */
export const RELAXED_FULL_VECTOR = "fv.vector";

/** What relaxed ranking joins to each candidate row `x` (see RELAXED_FULL_VECTOR). */
export const RELAXED_FULL_JOIN = "CROSS JOIN LATERAL (SELECT x.search_vector || ''::tsvector AS vector OFFSET 0) fv";

/** Where a concept is found in a listing, and what that counts (relaxed ranking). */
export const COVERAGE = { title: 1, head: 0.6, text: 0.3 };

/**
 * WHERE fragment on the index row `x`. "words": the tsquery matches the whole text — served by the
 * GIN index, with no recheck, so the out-of-line vector is never read. Relaxed: any alternative of
 * any concept matches (see anyOf). "fuzzy": the title is similar to the query (trigrams) — the typo
 * fallback, used only when the words find nothing, because scanning trigrams of common syllables
 * costs far more than words.
 */
export function textMatch(t: TextQuery, p: Params): string {
  if (t.mode === "fuzzy") return `${p.add(t.tokens.join(" "))} <% x.search_title`;
  return t.relaxed
    ? anyOf("x.search_vector", t.relaxed, p)
    : `x.search_vector @@ to_tsquery('simple', ${p.add(t.tsquery)})`;
}

/** The tsquery matches the title: the first tier of candidates (see sql.ts). */
export function titleMatch(t: TextQuery, p: Params): string {
  return t.relaxed
    ? anyOf("x.title_vector", t.relaxed, p)
    : `x.title_vector @@ to_tsquery('simple', ${p.add(t.tsquery)})`;
}

/**
 * A relaxed plan's alternatives, each matched on its own, ORed: the planner ORs one index scan per
 * alternative, each led by its rarest word ("nhựa" of "tái chế nhựa"). As one tsquery of ORs, the
 * index would test every listing having any word of any phrase — "tái", "chế", "vật", "liệu" —: 80 ms
 * against 12 for a question at 100,000 listings. Same matches either way.
 */
function anyOf(vector: string, plan: RelaxedPlan, p: Params): string {
  const alternatives = [...new Set(plan.concepts.flatMap((c) => c.alternatives.map((a) => a.tsquery)))];
  if (!alternatives.length) return "false";
  return `(${alternatives.map((a) => `${vector} @@ to_tsquery('simple', ${p.add(a)})`).join(" OR ")})`;
}

/**
 * The strict text query of folded words, all required, whole but the last, which may be half-typed
 * ("xử lý n"). Ranking still compares every word as a prefix (relevance).
 */
export function strictText(tokens: string[], mode: MatchMode = "words"): TextQuery {
  return { tokens, mode, tsquery: wholeWordsTsQuery(tokens) ?? "" };
}

/** Verification and freshness: they only break near-ties. */
const TIE_BREAKERS = `CASE WHEN x.verified THEN ${RANKING.verified} ELSE 0 END
      + ${RANKING.freshness} * exp(-extract(epoch FROM (now() - x.updated_at)) / ${RANKING.freshnessDays * 86400}.0)`;

/**
 * The relevance score (see RANKING) of the index row `x` joined with its listing row `l` (for the
 * head vector: title, keywords, summary — short and stored inline; ranking never reads the full
 * vector, so a match in the description alone ranks by the tie-breakers).
 */
export function relevance(t: TextQuery, p: Params): string {
  if (t.relaxed) return coverage(t.relaxed, p);
  const r = RANKING;
  const tokens = t.tokens;
  const tsq = p.add(prefixTsQuery(tokens));
  const folded = p.add(tokens.join(" "));
  const phrase = p.add(phraseTsQuery(tokens));
  return `(ts_rank_cd('${r.weights}', l.head_vector, to_tsquery('simple', ${tsq}), 1)
      + CASE WHEN ${phrase}::text IS NOT NULL AND l.head_vector @@ to_tsquery('simple', ${phrase}) THEN ${r.phraseBonus} ELSE 0 END
      + CASE WHEN strpos(x.search_title, ${folded}) > 0 THEN ${r.titleContainsBonus} ELSE 0 END
      + ${r.titleSimilarity} * greatest(word_similarity(${folded}, x.search_title) - ${r.similarityFloor}, 0)
      + ${TIE_BREAKERS})`;
}

/**
 * Relaxed relevance: the share of the query a listing covers, each concept weighted by its rarity
 * (idf) and counted by where it is found (COVERAGE: title, then keywords and summary, then the
 * description only) times the weight of the alternative found (a synonym counts less than the word
 * typed). Between 0 and 1, plus the usual tie-breakers. The description's vector is read only for a
 * concept found neither in the title nor the head.
 */
function coverage(plan: RelaxedPlan, p: Params): string {
  const c = COVERAGE;
  const total = plan.concepts.reduce((sum, concept) => sum + concept.idf, 0) || 1;
  const terms = plan.concepts.map((concept) => {
    const found = concept.alternatives.map(({ tsquery, weight }) => {
      const q = `to_tsquery('simple', ${p.add(tsquery)})`;
      return `CASE WHEN x.title_vector @@ ${q} THEN ${c.title * weight} WHEN l.head_vector @@ ${q} THEN ${c.head * weight}
        WHEN ${RELAXED_FULL_VECTOR} @@ ${q} THEN ${c.text * weight} ELSE 0 END`;
    });
    const best = found.length > 1 ? `greatest(${found.join(", ")})` : found[0]!;
    return `${concept.idf / total} * ${best}`;
  });
  return `(${terms.join(" + ") || "0"} + ${TIE_BREAKERS})`;
}
