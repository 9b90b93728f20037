/**
 * Ranking-quality metrics for the search and matching quality tests (tests/integration/search-quality.test.ts).
 * Pure functions: no I/O, no server imports, so they run anywhere.
 *
 * Conventions (chosen so a buggy ranker can't inflate its own score):
 * - a ranked list is read top-down and an id counts only the first time it appears, so returning the
 *   same listing twice earns nothing the second time;
 * - `k` is a positive integer; anything else is a programming error and throws.
 */

function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
}

/** The first `k` distinct ids of `rankedIds`, in order. */
function topDistinct(rankedIds: readonly string[], k: number): string[] {
  const seen = new Set<string>();
  for (const id of rankedIds) {
    if (seen.size === k) break;
    seen.add(id);
  }
  return [...seen];
}

/** Gain of a graded judgment: 2^rel − 1 (so a 3 is worth 7, a 2 is worth 3, a 1 is worth 1). */
export function gainOf(rel: number): number {
  return rel > 0 ? 2 ** rel - 1 : 0;
}

/**
 * Discounted cumulative gain of the first `k` gains, position i (0-based) discounted by log2(i + 2):
 * DCG@k = Σ_{i<k} gains[i] / log2(i + 2).
 */
export function dcgAt(gains: readonly number[], k: number): number {
  assertK(k);
  let sum = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) sum += (gains[i] ?? 0) / Math.log2(i + 2);
  return sum;
}

/**
 * Normalized DCG@k of a ranking against graded judgments (id → 0..3; unlisted ids are 0).
 * The ideal DCG comes from the judgments themselves (all judged ids, best first), so a ranking that
 * misses a relevant listing is penalised even if it never returned it. Returns a value in [0, 1];
 * 0 when the judgments hold nothing relevant (there is nothing to find, so nothing is credited).
 */
export function ndcgAt(rankedIds: readonly string[], judgments: Readonly<Record<string, number>>, k = 10): number {
  assertK(k);
  const ideal = dcgAt(
    Object.values(judgments)
      .map(gainOf)
      .sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return 0;
  const gains = topDistinct(rankedIds, k).map((id) => gainOf(judgments[id] ?? 0));
  return dcgAt(gains, k) / ideal;
}

/**
 * Precision@k: the share of the first `k` positions holding a relevant id. Always divided by `k`,
 * so returning fewer than `k` results (or having fewer than `k` relevant ids) caps the score below 1.
 */
export function precisionAt(rankedIds: readonly string[], relevantIds: Iterable<string>, k = 5): number {
  assertK(k);
  const relevant = new Set(relevantIds);
  const hits = topDistinct(rankedIds, k).filter((id) => relevant.has(id)).length;
  return hits / k;
}

/** Arithmetic mean; NaN for an empty list (so a threshold check on "no data" fails instead of passing). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
