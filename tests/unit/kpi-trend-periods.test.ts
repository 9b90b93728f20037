import { describe, expect, it } from "vitest";
import {
  MAX_CUSTOM_DAYS,
  customPeriod,
  lastPeriods,
  monthPeriod,
  quarterPeriod,
  yearPeriod,
  type Period,
} from "@/lib/calendar/periods";
import { FORECAST_WINDOW } from "@/lib/kpi/forecast";
import { consoleQuery } from "@/lib/kpi/query";
import { trendPeriods } from "@/lib/kpi/trend-periods";

const keys = (periods: Period[]) => periods.map((p) => p.key);
const DAY_MS = 86_400_000;
/** "YYYY-MM-DD" `days` days after a "YYYY-MM-DD" date. */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

describe("trendPeriods", () => {
  it("are the last periods, oldest first, when the calendar has them all", () => {
    for (const period of [
      monthPeriod(2026, 2),
      quarterPeriod(2026, 1),
      yearPeriod(2026),
      customPeriod("2026-10-01", "2026-11-15"),
    ]) {
      expect(keys(trendPeriods(period, FORECAST_WINDOW))).toEqual(keys(lastPeriods(period, FORECAST_WINDOW)));
    }
  });

  it("stop at the calendar's first year (2000) instead of failing", () => {
    // Regression: a ten-year range stepped six back to 1966 ("Invalid year: 1966", a 500 on /admin/performance).
    expect(keys(trendPeriods(customPeriod("2016-11-21", "2026-11-20"), 6))).toEqual([
      "2006-11-22..2016-11-20",
      "2016-11-21..2026-11-20",
    ]);
    expect(keys(trendPeriods(customPeriod("2022-05-01", "2026-10-31"), 6))).toEqual([
      "2004-04-25..2008-10-25",
      "2008-10-26..2013-04-27",
      "2013-04-28..2017-10-28",
      "2017-10-29..2022-04-30",
      "2022-05-01..2026-10-31",
    ]);
    expect(keys(trendPeriods(monthPeriod(2000, 3), 6))).toEqual(["2000-01", "2000-02", "2000-03"]);
    expect(keys(trendPeriods(quarterPeriod(2000, 2), 6))).toEqual(["2000-Q1", "2000-Q2"]);
    expect(keys(trendPeriods(yearPeriod(2000), 6))).toEqual(["2000"]);
    expect(keys(trendPeriods(customPeriod("2000-01-01", "2000-01-31"), 6))).toEqual(["2000-01-01..2000-01-31"]);
    expect(() => trendPeriods(yearPeriod(2026), 0)).toThrow(RangeError);
  });

  it("exist for every period the console accepts: each as long as the chosen one, back to back", () => {
    const accepted: Period[] = [];
    for (let year = 2000; year <= 2100; year += 1) {
      for (const days of [1, 31, 366, 1645, 1700, MAX_CUSTOM_DAYS]) {
        for (const first of [`${year}-01-01`, `${year}-07-15`, `${year}-12-31`]) {
          const query = consoleQuery({ from: first, to: plusDays(first, days - 1) });
          if (!query.invalid) accepted.push(query.period);
        }
      }
      for (const key of [String(year), `${year}-Q1`, `${year}-Q4`, `${year}-01`, `${year}-12`]) {
        const query = consoleQuery({ period: key });
        expect(query.invalid, key).toBe(false);
        accepted.push(query.period);
      }
    }
    // The longest range the validation allows, right at the calendar's start and end.
    expect(consoleQuery({ from: "2000-01-01", to: plusDays("2000-01-01", MAX_CUSTOM_DAYS - 1) }).invalid).toBe(false);
    expect(consoleQuery({ from: plusDays("2100-12-31", 1 - MAX_CUSTOM_DAYS), to: "2100-12-31" }).invalid).toBe(false);
    expect(accepted.length).toBeGreaterThan(2000);
    for (const period of accepted) {
      const periods = trendPeriods(period, FORECAST_WINDOW);
      expect(periods.at(-1)?.key, period.key).toBe(period.key);
      expect(periods.length).toBeGreaterThanOrEqual(1);
      expect(periods.length).toBeLessThanOrEqual(FORECAST_WINDOW);
      // Only whole periods inside the calendar: none starts before 1 January 2000 in Vietnam.
      expect(periods[0]!.from.getTime()).toBeGreaterThanOrEqual(yearPeriod(2000).from.getTime());
      // Either the full window, or the one before the first would leave the calendar.
      if (periods.length < FORECAST_WINDOW) {
        const length = period.to.getTime() - period.from.getTime();
        expect(periods[0]!.from.getTime() - yearPeriod(2000).from.getTime()).toBeLessThan(
          period.kind === "custom" ? length : 366 * DAY_MS,
        );
      }
      for (let i = 1; i < periods.length; i++) {
        expect(periods[i - 1]!.to.getTime(), period.key).toBe(periods[i]!.from.getTime());
        if (period.kind === "custom") {
          expect(periods[i - 1]!.to.getTime() - periods[i - 1]!.from.getTime()).toBe(
            period.to.getTime() - period.from.getTime(),
          );
        }
      }
    }
  });
});
