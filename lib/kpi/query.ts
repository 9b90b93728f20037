import { KPI_DIMENSIONS, type KpiDimension } from "./catalogue";
import {
  customPeriod,
  lastPeriods,
  parsePeriodKey,
  periodContaining,
  periodDays,
  type Period,
} from "@/lib/calendar/periods";
import { KpiFilterSchema, type KpiFilter } from "./sql";

/**
 * The console pages' URL parameters (issue #13 items 2–3): `?period=2026-11` (also `2026-Q4`,
 * `2026`) or `?from=2026-10-01&to=2026-11-15`, the filters `field`, `district`, `orgType` and a
 * `breakdown`. Anything invalid falls back to the current month (and says so), never to an error
 * page. Pure and client-safe.
 */
export interface ConsoleQuery {
  readonly period: Period;
  readonly invalid: boolean;
  readonly filter: KpiFilter;
  readonly breakdown: KpiDimension | null;
}

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export function consoleQuery(params: Params, now = new Date()): ConsoleQuery {
  const key = one(params.period);
  const from = one(params.from);
  const to = one(params.to);
  let period: Period | null = null;
  // A period chosen from the list wins; the dates are for "custom" (the list's empty choice).
  if (key) period = parsePeriodKey(key);
  else if (from && to) period = parsePeriodKey(`${from}..${to}`);
  const invalid = period === null && Boolean(key || from || to);
  const parsed = KpiFilterSchema.safeParse({
    field: one(params.field) || undefined,
    district: one(params.district) || undefined,
    orgType: one(params.orgType) || undefined,
  });
  const breakdown = one(params.breakdown);
  return {
    period: period ?? periodContaining("month", now),
    invalid: invalid || !parsed.success,
    filter: parsed.success ? parsed.data : {},
    breakdown: (KPI_DIMENSIONS as readonly string[]).includes(breakdown ?? "") ? (breakdown as KpiDimension) : null,
  };
}

/** The URL query of a console page for `period` and `filter` (and anything extra), without empty values. */
export function consoleSearch(period: Period, filter: KpiFilter = {}, extra: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  if (period.kind === "custom") {
    const { first, last } = periodDays(period);
    params.set("from", first);
    params.set("to", last);
  } else params.set("period", period.key);
  for (const [name, value] of Object.entries({ ...filter, ...extra })) if (value) params.set(name, String(value));
  return `?${params}`;
}

/** The periods the picker offers: the last 12 months, 8 quarters and 4 years, newest first. */
export function periodChoices(now = new Date()): { kind: "month" | "quarter" | "year"; periods: Period[] }[] {
  return [
    { kind: "month", periods: lastPeriods(periodContaining("month", now), 12).reverse() },
    { kind: "quarter", periods: lastPeriods(periodContaining("quarter", now), 8).reverse() },
    { kind: "year", periods: lastPeriods(periodContaining("year", now), 4).reverse() },
  ];
}

/** A custom period from two dates of a form, or null. */
export function customFrom(first: string, last: string): Period | null {
  try {
    return customPeriod(first, last);
  } catch {
    return null;
  }
}
