import type { KpiAggregation } from "./catalogue";
import { elapsedShare, isFinished, type Period } from "@/lib/calendar/periods";

/**
 * Target status (issue #13 item 3: met / at risk / missed). Pure and client-safe.
 *
 * The rule:
 * 1. The value judged is the actual value, except for a "flow" metric (it accumulates: new
 *    listings, signed contracts) in a period still running, where it is the projection to the
 *    period's end: actual ÷ elapsed share of the period (linear pace).
 * 2. met — the value satisfies the target (≥ for "gte", ≤ for "lte").
 * 3. at_risk — it does not, but is within AT_RISK_MARGIN (10%) of the target on the wrong side; or
 *    the period is still running (there is time to recover).
 * 4. missed — the period is over and the value is more than 10% on the wrong side.
 * A period that has not started, or a metric with no value, has no status (null).
 */
export const AT_RISK_MARGIN = 0.1;

export type TargetStatus = "met" | "at_risk" | "missed";
export type Comparator = "gte" | "lte";

export interface TargetLike {
  readonly target: number;
  readonly comparator: string;
}

export function isComparator(value: string): value is Comparator {
  return value === "gte" || value === "lte";
}

/** The value a target is judged on: the actual, or a flow's projection to the end of a running period. */
export function projectedValue(actual: number, aggregation: KpiAggregation, period: Period, now: Date): number {
  if (aggregation !== "flow" || isFinished(period, now)) return actual;
  const elapsed = elapsedShare(period, now);
  return elapsed <= 0 ? actual : actual / elapsed;
}

export function targetStatus(
  target: TargetLike,
  actual: number | null,
  options: { aggregation: KpiAggregation; period: Period; now: Date },
): TargetStatus | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  if (!isComparator(target.comparator)) throw new RangeError(`Invalid comparator: ${target.comparator}`);
  const { period, now } = options;
  if (now.getTime() < period.from.getTime()) return null;
  const value = projectedValue(actual, options.aggregation, period, now);
  const gte = target.comparator === "gte";
  if (gte ? value >= target.target : value <= target.target) return "met";
  const margin = Math.abs(target.target) * AT_RISK_MARGIN;
  const shortBy = gte ? target.target - value : value - target.target;
  // A relative epsilon: 2.2 is within 10% of 2 although 2.2 - 2 > 0.2 in floating point.
  if (shortBy <= margin * (1 + 1e-9)) return "at_risk";
  return isFinished(period, now) ? "missed" : "at_risk";
}
