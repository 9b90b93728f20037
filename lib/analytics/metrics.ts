import "server-only";
import { pool } from "@/lib/db";
import type { ListingKind } from "@/lib/listings/kinds";

/**
 * The statements behind the owner's analytics (./listings.ts, which says what each figure means):
 * per listing and Hanoi week, the count and the part of it in the recent days, folded into one
 * Metric per listing. Callers pass only listings they have scoped to the user's organization.
 */

export interface Metric {
  /** Since the listing was first published. */
  total: number;
  /** In the recent days (RECENT_DAYS in ./listings.ts). */
  recent: number;
  /** Per week of `weeks` (same order). */
  weekly: number[];
}

/** A listing, as the statements need it. */
export interface ListingRef {
  kind: ListingKind;
  id: string;
}

/** One week's count of one listing, as the metric statements answer it. */
export interface WeekCount {
  kind: ListingKind;
  id: string;
  week: string;
  n: number;
  recent: number;
}

/** Ids of `rows` of each kind, for the `= ANY($n::uuid[])` parameters. */
const idsOf = (rows: readonly { kind: ListingKind; id: string }[], kind: ListingKind) =>
  rows.filter((r) => r.kind === kind).map((r) => r.id);

/** Views per listing and week (all time), with the part in the recent days. */
export async function viewCounts(rows: readonly ListingRef[], recentDay: string): Promise<WeekCount[]> {
  const { rows: counts } = await pool().query<WeekCount>(
    `SELECT v.listing_kind AS kind, v.listing_id::text AS id,
            to_char(date_trunc('week', v.day::timestamp), 'YYYY-MM-DD') AS week,
            sum(v.views)::int AS n,
            (coalesce(sum(v.views) FILTER (WHERE v.day >= $3::date), 0))::int AS recent
       FROM listing_view_days v
      WHERE (v.listing_kind = 'offer' AND v.listing_id = ANY($1::uuid[]))
         OR (v.listing_kind = 'demand' AND v.listing_id = ANY($2::uuid[]))
      GROUP BY 1, 2, 3`,
    [idsOf(rows, "offer"), idsOf(rows, "demand"), recentDay],
  );
  return counts;
}

/** A timestamp's Hanoi week, as text, for the deal and match statements. */
const WEEK_OF = (column: string) =>
  `to_char(date_trunc('week', ${column} AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD')`;

/** Interest received per listing and week (see the module comment). */
export async function interestCounts(rows: readonly ListingRef[], recentAt: Date): Promise<WeekCount[]> {
  const { rows: counts } = await pool().query<WeekCount>(
    `SELECT 'offer' AS kind, d.offer_id::text AS id, ${WEEK_OF("d.created_at")} AS week, count(*)::int AS n,
            (count(*) FILTER (WHERE d.created_at >= $3))::int AS recent
       FROM deals d
      WHERE d.offer_id = ANY($1::uuid[]) AND d.origin <> 'PROPOSAL'
      GROUP BY 1, 2, 3
     UNION ALL
     SELECT 'demand', d.demand_id::text, ${WEEK_OF("d.created_at")}, count(*)::int,
            (count(*) FILTER (WHERE d.created_at >= $3))::int
       FROM deals d
      WHERE d.demand_id = ANY($2::uuid[]) AND d.origin = 'PROPOSAL'
      GROUP BY 1, 2, 3`,
    [idsOf(rows, "offer"), idsOf(rows, "demand"), recentAt],
  );
  return counts;
}

/** Current matches per listing and week first suggested, the other listing published. */
export async function matchCounts(rows: readonly ListingRef[], recentAt: Date): Promise<WeekCount[]> {
  const { rows: counts } = await pool().query<WeekCount>(
    `SELECT 'offer' AS kind, m.offer_id::text AS id, ${WEEK_OF("m.created_at")} AS week, count(*)::int AS n,
            (count(*) FILTER (WHERE m.created_at >= $3))::int AS recent
       FROM matches m JOIN demands other ON other.id = m.demand_id AND other.status = 'PUBLISHED'
      WHERE m.offer_id = ANY($1::uuid[])
      GROUP BY 1, 2, 3
     UNION ALL
     SELECT 'demand', m.demand_id::text, ${WEEK_OF("m.created_at")}, count(*)::int,
            (count(*) FILTER (WHERE m.created_at >= $3))::int
       FROM matches m JOIN offers other ON other.id = m.offer_id AND other.status = 'PUBLISHED'
      WHERE m.demand_id = ANY($2::uuid[])
      GROUP BY 1, 2, 3`,
    [idsOf(rows, "offer"), idsOf(rows, "demand"), recentAt],
  );
  return counts;
}

/** Folds week counts into one Metric per listing ("kind:id"). */
export function fold(counts: readonly WeekCount[], weeks: readonly string[]): Map<string, Metric> {
  const position = new Map(weeks.map((week, i) => [week, i]));
  const metrics = new Map<string, Metric>();
  for (const c of counts) {
    const key = `${c.kind}:${c.id}`;
    let metric = metrics.get(key);
    if (!metric) metrics.set(key, (metric = { total: 0, recent: 0, weekly: weeks.map(() => 0) }));
    metric.total += c.n;
    metric.recent += c.recent;
    const at = position.get(c.week);
    if (at !== undefined) metric.weekly[at]! += c.n;
  }
  return metrics;
}
