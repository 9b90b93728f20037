/**
 * Naive reference rankers that put the engines' scores in context (never asserted on their own):
 * - search: the title contains the query (ILIKE), newest first — what a catalog does without search;
 * - matching: offers of the demand's sector, newest first — what a catalog filter gives a seeker;
 * - random: the expected score of shuffling every published offer.
 */
import { ndcgAt } from "../../lib/search/metrics";

export interface Queryable {
  query(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Escapes LIKE wildcards so the user's text is matched literally. */
const likeLiteral = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Published offers whose Vietnamese or English title contains `q` (case-insensitive), newest first. */
export async function titleIlikeSearch(sql: Queryable, q: string, limit = 10): Promise<string[]> {
  const { rows } = await sql.query(
    `SELECT id FROM offers
      WHERE status = 'PUBLISHED' AND (title_vi ILIKE $1 OR title_en ILIKE $1)
      ORDER BY published_at DESC NULLS LAST, id LIMIT $2`,
    [likeLiteral(q), limit],
  );
  return rows.map((r) => String(r.id));
}

/** Published offers of the demand's sector, newest first. */
export async function sameSectorNewest(sql: Queryable, demandId: string, limit = 5): Promise<string[]> {
  const { rows } = await sql.query(
    `SELECT o.id FROM offers o JOIN demands d ON d.id = $1::uuid
      WHERE o.status = 'PUBLISHED' AND o.sector_code = d.sector_code AND o.organization_id <> d.organization_id
      ORDER BY o.published_at DESC NULLS LAST, o.id LIMIT $2`,
    [demandId, limit],
  );
  return rows.map((r) => String(r.id));
}

/** Small seeded PRNG (mulberry32) so the random baseline is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mean nDCG@k of `rounds` seeded shuffles of `ids` (Fisher–Yates). */
export function randomNdcg(
  ids: readonly string[],
  judgments: Readonly<Record<string, number>>,
  k = 10,
  rounds = 200,
  seed = 7,
): number {
  const next = prng(seed);
  let sum = 0;
  for (let r = 0; r < rounds; r++) {
    const shuffled = [...ids];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    sum += ndcgAt(shuffled, judgments, k);
  }
  return sum / rounds;
}
