import "server-only";
import { cachedBody } from "@/lib/cache/cached";
import { tags } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { KPI_CATALOGUE, PUBLIC_METRICS, type KpiAggregation, type KpiMetric, type KpiUnit } from "@/lib/kpi/catalogue";
import { publicKpis } from "@/lib/kpi/compute";
import { isFinished, lastPeriods, periodContaining, periodDays, type Period } from "@/lib/calendar/periods";
import { publishedAtEnd, windowOf } from "@/lib/kpi/sql";
import { funnelOf, type KpiValue } from "@/lib/kpi/values";
import { FIRST_PUBLIC_YEAR } from "./period";

/**
 * The public statistics of one period, as the page, `GET /api/v1/statistics` and the open data
 * downloads give them: the KPI engine's `publicKpis` (the same computation as the Department's
 * dashboard, so both show the same figures for the same period) turned into JSON-safe values (VND
 * amounts as decimal strings, exact beyond 2^53), with each metric's unit, the funnel with its
 * conversions, the breakdown by field and the published listings by TRL. Aggregates only: nothing
 * here names a user or an organization.
 */

export interface PublicMetric {
  readonly unit: KpiUnit;
  readonly aggregation: KpiAggregation;
  /** A count, days, a percentage (0–100) or, for `vnd`, the exact amount as a decimal string; null when nothing was measured. */
  readonly value: number | string | null;
  /** Percent metrics: how many met the condition, out of how many. */
  readonly numerator?: number;
  readonly denominator?: number;
}

/**
 * Keyed by the catalogue's public metrics (`PUBLIC_METRICS`, catalogue `public: true`). Typed by
 * KpiMetric: the engine's `PublicKpiMetric` type resolves to `never` (its catalogue entries are
 * typed `public: boolean`), so the keys are checked at run time by the tests instead.
 */
export type PublicMetrics = Readonly<Partial<Record<KpiMetric, PublicMetric>>>;

export interface PublicPeriodInfo {
  readonly key: string;
  readonly kind: "month" | "quarter" | "year";
  /** First instant (00:00 in Vietnam on the first day) and first instant after the period, ISO 8601. */
  readonly from: string;
  readonly to: string;
  readonly firstDay: string;
  readonly lastDay: string;
}

export interface PublicStatistics {
  readonly period: PublicPeriodInfo;
  /** The instant the figures describe: the period's end, or the time of computation while it runs. */
  readonly asOf: string;
  readonly metrics: PublicMetrics;
  /** listings → matches → EOIs → NDAs → signed → registered → completed; conversion in % of the previous stage. */
  readonly funnel: readonly { metric: string; count: number | null; conversion: number | null }[];
  /** Per field of science and technology with any activity; metrics without a field breakdown are null. */
  readonly byField: readonly { field: FieldName | null; metrics: PublicMetrics }[];
  /** Offers (by their TRL) and demands (by the minimum TRL they ask) published at the end of the period. */
  readonly byTrl: readonly { trl: number; offers: number; demands: number }[];
}

export interface FieldName {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
}

function metricOut(metric: KpiMetric, v: KpiValue): PublicMetric {
  const { unit, aggregation } = KPI_CATALOGUE[metric];
  const value = unit === "vnd" ? (v.amount ?? (v.value === null ? null : BigInt(v.value))) : v.value;
  return {
    unit,
    aggregation,
    value: typeof value === "bigint" ? value.toString() : value,
    ...(v.numerator !== undefined ? { numerator: v.numerator, denominator: v.denominator } : {}),
  };
}

/** The engine's values as JSON-safe public metrics, in catalogue order. */
export function toPublicMetrics(values: Partial<Record<KpiMetric, KpiValue>>): PublicMetrics {
  const out: Partial<Record<KpiMetric, PublicMetric>> = {};
  for (const metric of PUBLIC_METRICS) out[metric] = metricOut(metric, values[metric] ?? { value: null });
  return out;
}

/** One public metric of `metrics` (every public metric is always present). */
export function metricOf(metrics: PublicMetrics, metric: KpiMetric): PublicMetric {
  const found = metrics[metric];
  if (!found) throw new RangeError(`Not a public metric: ${metric}`);
  return found;
}

export function periodInfo(period: Period): PublicPeriodInfo {
  if (period.kind === "custom") throw new RangeError("Public statistics are by month, quarter or year");
  const { first, last } = periodDays(period);
  return {
    key: period.key,
    kind: period.kind,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    firstDay: first,
    lastDay: last,
  };
}

/** The fields of science and technology (taxonomy level 1), in the taxonomy's order. */
export async function fieldNames(): Promise<FieldName[]> {
  return db.taxonomyNode.findMany({
    where: { level: 1 },
    select: { code: true, nameVi: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
}

/**
 * Published offers and demands at the end of the period by TRL (1–9), counted with the engine's own
 * condition (`publishedAtEnd`), so each column adds up to `offers_published` / `demands_published`.
 */
export async function listingsByTrl(period: Period, now: Date = new Date()) {
  const w = windowOf(period, now);
  const rows = await db.$queryRaw<{ trl: number; offers: number; demands: number }[]>`
    SELECT trl, count(*) FILTER (WHERE kind = 'offer')::int AS offers, count(*) FILTER (WHERE kind = 'demand')::int AS demands
      FROM (SELECT l.trl::int AS trl, 'offer' AS kind FROM offers l WHERE ${publishedAtEnd(w)}
            UNION ALL
            SELECT l.trl_min::int, 'demand' FROM demands l WHERE ${publishedAtEnd(w)}) x
     GROUP BY trl`;
  return Array.from({ length: 9 }, (_, i) => {
    const row = rows.find((r) => r.trl === i + 1);
    return { trl: i + 1, offers: row?.offers ?? 0, demands: row?.demands ?? 0 };
  });
}

/** The public statistics of `period`, computed now (uncached; see `publicStatistics`). */
export async function computePublicStatistics(period: Period, now: Date = new Date()): Promise<PublicStatistics> {
  const [report, byTrl, fields] = await Promise.all([
    publicKpis(period, { byField: true, now }),
    listingsByTrl(period, now),
    fieldNames(),
  ]);
  const names = new Map(fields.map((f) => [f.code, f]));
  return {
    period: periodInfo(period),
    asOf: report.asOf.toISOString(),
    metrics: toPublicMetrics(report.values),
    funnel: funnelOf(report.values).map((s) => ({ metric: s.metric, count: s.count, conversion: s.conversion })),
    byField: (report.byField ?? []).map((row) => ({
      field: row.key === null ? null : (names.get(row.key) ?? { code: row.key, nameVi: row.key, nameEn: row.key }),
      metrics: toPublicMetrics(row.values),
    })),
    byTrl,
  };
}

/**
 * The public statistics of `period` from Next's data cache: tagged `stats` (a publication,
 * withdrawal or verification expires it at once) and at most PUBLIC_PAGE_SECONDS (60 s) old — the
 * bound on what jobs change (deals, contracts and registrations reach the statistics this way).
 * A finished period's figures are cached the same way: only late corrections change them.
 */
export function publicStatistics(period: Period): Promise<PublicStatistics> {
  return cachedBody(["statistics", period.key], [tags.stats], () => computePublicStatistics(period));
}

export interface QuarterResult {
  readonly period: string;
  readonly contracts: number;
  /** VND, exact, as a decimal string. */
  readonly value: string;
  readonly registrationsFiled: number;
  readonly registrationsCertified: number;
}

/** A count metric's number (0 when absent). */
export const countOf = (metrics: PublicMetrics, metric: KpiMetric) => {
  const { value } = metricOf(metrics, metric);
  return typeof value === "number" ? value : 0;
};

/**
 * Contracts signed, their value and registrations in the last `n` quarters up to the one holding
 * the end of `period` (or now, while it runs), oldest first: each quarter's own public statistics.
 */
export async function quarterlyResults(period: Period, n = 8, now: Date = new Date()): Promise<QuarterResult[]> {
  const end = isFinished(period, now) ? new Date(period.to.getTime() - 1) : now;
  const quarters = lastPeriods(periodContaining("quarter", end), n).filter(
    (q) => Number(q.key.slice(0, 4)) >= FIRST_PUBLIC_YEAR,
  );
  const stats = await Promise.all(quarters.map((q) => publicStatistics(q)));
  return stats.map((s) => ({
    period: s.period.key,
    contracts: countOf(s.metrics, "funnel_contracts_signed"),
    value: String(metricOf(s.metrics, "contracts_value_total").value ?? "0"),
    registrationsFiled: countOf(s.metrics, "registrations_filed"),
    registrationsCertified: countOf(s.metrics, "funnel_registrations_certified"),
  }));
}

/** The last `n` months up to the current one (oldest first), each with its public statistics. */
export async function monthlyStatistics(n = 12, now: Date = new Date()): Promise<PublicStatistics[]> {
  return Promise.all(lastPeriods(periodContaining("month", now), n).map((m) => publicStatistics(m)));
}
