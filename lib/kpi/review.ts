import { KPI_CATALOGUE, type KpiMetric, type KpiUnit } from "./catalogue";
import type { KpiOverview } from "./overview";
import type { TargetStatus } from "./status";

/**
 * The performance review's rows (issue #13 item 3): one per indicator, the same numbers on the
 * page, in the XLSX and in the CSV — all three are drawn from these rows. Values are rounded as
 * the page shows them (counts whole, durations and shares to one decimal, VND whole đồng). Pure.
 */
export interface ReviewRow {
  readonly metric: KpiMetric;
  readonly unit: KpiUnit;
  readonly value: number | null;
  readonly previous: number | null;
  readonly change: number | null;
  readonly forecast: number | null;
  readonly target: number | null;
  readonly comparator: "gte" | "lte" | null;
  readonly status: TargetStatus | null;
}

export function roundFor(unit: KpiUnit, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return unit === "count" || unit === "vnd" ? Math.round(value) : Math.round(value * 10) / 10;
}

export function reviewRows(overview: KpiOverview): ReviewRow[] {
  return overview.items.map((item) => {
    const { unit } = KPI_CATALOGUE[item.metric];
    const r = (v: number | null) => roundFor(unit, v);
    return {
      metric: item.metric,
      unit,
      value: r(item.value.value),
      previous: r(item.trend.previous),
      change: r(item.trend.change),
      forecast: r(item.forecast?.value ?? null),
      target: item.target ? r(item.target.target) : null,
      comparator: item.target?.comparator ?? null,
      status: item.target?.status ?? null,
    };
  });
}

/** Counts of each status, for the review's summary line. */
export function statusSummary(rows: readonly ReviewRow[]) {
  return {
    met: rows.filter((r) => r.status === "met").length,
    atRisk: rows.filter((r) => r.status === "at_risk").length,
    missed: rows.filter((r) => r.status === "missed").length,
    none: rows.filter((r) => r.target === null).length,
  };
}
