import { FUNNEL_STAGES, type KpiMetric } from "./catalogue";

/**
 * One computed figure. `value` is what a page shows and a target compares: a count, days, a
 * percentage from 0 to 100, or VND — null when there is nothing to measure (no decision in the
 * period for a median, an empty denominator for a share, a breakdown the metric does not have).
 * Pure and client-safe.
 */
export interface KpiValue {
  readonly value: number | null;
  /** VND metrics: the exact amount (`value` is its Number, for charts; exact below 2^53 đồng). */
  readonly amount?: bigint;
  /** Percent metrics: how many met the condition, out of how many (the drill-down lists the latter). */
  readonly numerator?: number;
  readonly denominator?: number;
  /** Median and percentile metrics: how many items were measured (the drill-down lists them). */
  readonly sample?: number;
}

export const NO_VALUE: KpiValue = { value: null };

export const countValue = (n: number): KpiValue => ({ value: n });

export function amountValue(amount: bigint): KpiValue {
  return { value: Number(amount), amount };
}

/** A share as a percentage (0–100, unrounded), or null when nothing was measured. */
export function shareValue(numerator: number, denominator: number): KpiValue {
  return { value: denominator === 0 ? null : (numerator / denominator) * 100, numerator, denominator };
}

/**
 * The q-quantile (0–1) with linear interpolation between the closest ranks — the definition of
 * PostgreSQL's percentile_cont, so figures computed in SQL and here agree. Null for no values.
 */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Invalid quantile: ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function percentileValue(values: readonly number[], q: number): KpiValue {
  return { value: percentile(values, q), sample: values.length };
}

export interface FunnelStage {
  readonly metric: (typeof FUNNEL_STAGES)[number];
  readonly count: number | null;
  /**
   * This stage's count as a percentage of the previous stage's, in the same period (a flow ratio,
   * not a cohort: a contract signed this month may come from last month's deal). Null for the
   * first stage and when the previous stage is zero.
   */
  readonly conversion: number | null;
}

/** The funnel of a set of computed values, with the conversion at each stage. */
export function funnelOf(values: Partial<Record<KpiMetric, KpiValue>>): FunnelStage[] {
  return FUNNEL_STAGES.map((metric, i) => {
    const count = values[metric]?.value ?? null;
    const previous = i === 0 ? null : (values[FUNNEL_STAGES[i - 1]!]?.value ?? null);
    const conversion = count === null || !previous ? null : (count / previous) * 100;
    return { metric, count, conversion };
  });
}
