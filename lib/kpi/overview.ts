import "server-only";
import { assertCan, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { COMPUTED_METRICS, KPI_CATALOGUE, type KpiMetric } from "./catalogue";
import { reportFor } from "./cache";
import { computeKpis, type KpiReport } from "./compute";
import { FORECAST_WINDOW, forecastNext, trendOf, type Forecast, type Trend } from "./forecast";
import { isTargetPeriod, type Period } from "@/lib/calendar/periods";
import type { KpiFilter } from "./sql";
import { trendPeriods } from "./trend-periods";
import { isComparator, projectedValue, targetStatus, type Comparator, type TargetStatus } from "./status";
import type { KpiValue } from "./values";

/**
 * The dashboard's and the review's view of one period (issue #13 items 2–3): each metric with the
 * previous period's value and the change, its last FORECAST_WINDOW periods (fewer near the
 * calendar's start, ./trend-periods.ts), the estimate for the next period (./forecast.ts) and,
 * where the Department set one, its target and status (./status.ts). The periods are computed in parallel by the same computeKpis.
 */

export interface KpiTargetView {
  readonly target: number;
  readonly comparator: Comparator;
  readonly note: string | null;
  /** Null when there is no value to judge yet. */
  readonly status: TargetStatus | null;
}

export interface KpiOverviewItem {
  readonly metric: KpiMetric;
  readonly value: KpiValue;
  readonly trend: Trend;
  /** The last periods ending with this one, oldest first (for the chart). */
  readonly series: readonly { readonly period: string; readonly value: number | null }[];
  /** For the next period; an estimate (say so wherever it is shown). */
  readonly forecast: Forecast | null;
  readonly target: KpiTargetView | null;
}

export interface KpiOverview {
  readonly report: KpiReport;
  readonly items: readonly KpiOverviewItem[];
}

/**
 * Every computed metric of `period` with its trend, forecast and target status, for `oversight:read`.
 * Targets are set on the whole exchange: with a filter, none is shown.
 */
export async function kpiOverview(
  user: Principal | null,
  period: Period,
  options: { filter?: KpiFilter; now?: Date } = {},
): Promise<KpiOverview> {
  assertCan(user, "oversight:read");
  const now = options.now ?? new Date();
  // Fewer when the calendar (from 2000) has not as many earlier periods: never an error.
  const periods = trendPeriods(period, FORECAST_WINDOW);
  const filtered = Object.values(options.filter ?? {}).some((v) => v !== undefined);
  const [reports, targets] = await Promise.all([
    Promise.all(
      periods.map((p) =>
        p.from.getTime() > now.getTime()
          ? null
          : // Finished periods from the data cache (./cache.ts): only the running one is computed.
            reportFor(p, JSON.stringify(options.filter ?? {}), now, () =>
              computeKpis(user, p, { filter: options.filter, now }),
            ),
      ),
    ),
    filtered || !isTargetPeriod(period) ? [] : db.kpiTarget.findMany({ where: { period: period.key } }),
  ]);
  const report = reports.at(-1) ?? (await computeKpis(user, period, { filter: options.filter, now }));
  const previous = reports.at(-2) ?? null;
  const items = COMPUTED_METRICS.map((metric): KpiOverviewItem => {
    const { aggregation, unit } = KPI_CATALOGUE[metric];
    const value = report.values[metric];
    const series = periods.map((p, i) => ({ period: p.key, value: reports[i]?.values[metric].value ?? null }));
    // A running period's flow is projected to its end before it enters the trend line.
    const history = series.map((point, i) =>
      point.value !== null && i === periods.length - 1
        ? projectedValue(point.value, aggregation, period, now)
        : point.value,
    );
    const row = targets.find((t) => t.metric === metric);
    const target: KpiTargetView | null =
      row && isComparator(row.comparator)
        ? {
            target: row.target,
            comparator: row.comparator,
            note: row.note,
            status: targetStatus(row, value.value, { aggregation, period, now }),
          }
        : null;
    return {
      metric,
      value,
      trend: trendOf(value.value, previous?.values[metric].value ?? null),
      series,
      forecast: forecastNext(history, unit),
      target,
    };
  });
  return { report, items };
}
