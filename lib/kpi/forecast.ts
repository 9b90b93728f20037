import type { KpiUnit } from "./catalogue";

/**
 * The "simple documented forecast for the next period" (issue #13 item 2). Pure and client-safe.
 *
 * Method: over the values of the last periods (at most FORECAST_WINDOW, oldest first, periods with
 * no value skipped), an ordinary least-squares line through (0, v0) … (n-1, vn-1) extended to x = n
 * when there are at least MIN_TREND_POINTS values; otherwise their mean. Counts and amounts are
 * never forecast below zero, percentages stay within 0–100. It is an estimate and typed as one
 * (`kind: "estimate"`), which every page must say.
 */
export const FORECAST_WINDOW = 6;
export const MIN_TREND_POINTS = 3;

export interface Forecast {
  readonly kind: "estimate";
  readonly method: "linear_trend" | "mean";
  /** How many periods it rests on. */
  readonly basis: number;
  readonly value: number;
}

export function forecastNext(history: readonly (number | null)[], unit: KpiUnit = "count"): Forecast | null {
  const values = history.slice(-FORECAST_WINDOW).filter((v): v is number => v !== null && Number.isFinite(v));
  const n = values.length;
  if (n === 0) return null;
  let value: number;
  let method: Forecast["method"];
  if (n < MIN_TREND_POINTS) {
    method = "mean";
    value = values.reduce((a, b) => a + b, 0) / n;
  } else {
    method = "linear_trend";
    const meanX = (n - 1) / 2;
    const meanY = values.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    values.forEach((y, x) => {
      sxy += (x - meanX) * (y - meanY);
      sxx += (x - meanX) ** 2;
    });
    const slope = sxy / sxx;
    value = meanY + slope * (n - meanX);
  }
  if (unit === "percent") value = Math.min(100, Math.max(0, value));
  else value = Math.max(0, value);
  return { kind: "estimate", method, basis: n, value };
}

export interface Trend {
  readonly previous: number | null;
  /** current − previous; null when either is missing. */
  readonly change: number | null;
  /** The change as a percentage of the previous value; null when it is missing or zero. */
  readonly changePercent: number | null;
}

export function trendOf(current: number | null, previous: number | null): Trend {
  if (current === null || previous === null) return { previous, change: null, changePercent: null };
  const change = current - previous;
  return { previous, change, changePercent: previous === 0 ? null : (change / Math.abs(previous)) * 100 };
}
