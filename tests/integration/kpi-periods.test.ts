/**
 * The dashboard's trend for long and early periods: the custom-period limit (MAX_CUSTOM_DAYS, ten
 * years) lets the trend's six periods reach before the calendar's first year (2000). The overview
 * shows the earlier periods that exist and never fails (regression: `/admin/performance` answered
 * 500 "Invalid year: 1966" for a custom range of ten years).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { customPeriod, monthPeriod, yearPeriod } from "@/lib/calendar/periods";
import { computeKpis } from "@/lib/kpi/compute";
import { kpiOverview } from "@/lib/kpi/overview";
import { consoleQuery } from "@/lib/kpi/query";
import { createUser } from "../factories";
import { db } from "@/lib/db";

type User = Awaited<ReturnType<typeof createUser>>;
let officer: User;
const NOW = new Date("2026-11-20T12:00:00+07:00");
const seriesOf = async (period: ReturnType<typeof customPeriod>) =>
  (await kpiOverview(officer, period, { now: NOW })).items.find((i) => i.metric === "funnel_contracts_signed")!;

beforeAll(async () => {
  officer = await createUser(db, { roles: ["OFFICER"] });
});

describe("kpiOverview on periods near the calendar's first year", () => {
  it("a ten-year custom range (the longest accepted) shows only the earlier ranges that exist", async () => {
    // 3,652 days: accepted by the console's validation, as the dashboard's URL gives it.
    const query = consoleQuery({ from: "2016-11-21", to: "2026-11-20" }, NOW);
    expect(query.invalid).toBe(false);
    expect(query.period.kind).toBe("custom");
    const item = await seriesOf(query.period);
    // One range back starts in 2006; two back would start in 1996, before the calendar.
    expect(item.series.map((p) => p.period)).toEqual(["2006-11-22..2016-11-20", "2016-11-21..2026-11-20"]);
    expect(item.value.value).toBe(0);
    expect(item.trend.previous).toBe(0);
  });

  it("a 4.5-year range keeps the earlier ranges that start in 2000 or later", async () => {
    const item = await seriesOf(customPeriod("2022-05-01", "2026-10-31"));
    // Each earlier range is as long (1,645 days); the sixth would start in 1999.
    expect(item.series.map((p) => p.period)).toEqual([
      "2004-04-25..2008-10-25",
      "2008-10-26..2013-04-27",
      "2013-04-28..2017-10-28",
      "2017-10-29..2022-04-30",
      "2022-05-01..2026-10-31",
    ]);
    expect(item.forecast).toMatchObject({ kind: "estimate", basis: 5 });
  });

  it("the first month and year of the calendar have a trend of one period and no previous value", async () => {
    for (const period of [monthPeriod(2000, 1), yearPeriod(2000)]) {
      const item = await seriesOf(period);
      expect(item.series.map((p) => p.period)).toEqual([period.key]);
      expect(item.trend.previous).toBeNull();
    }
    const march = await seriesOf(monthPeriod(2000, 3));
    expect(march.series.map((p) => p.period)).toEqual(["2000-01", "2000-02", "2000-03"]);
  });

  it("every period at the calendar's edges renders, with its breakdown", async () => {
    for (const period of [
      customPeriod("2000-01-01", "2010-01-07"), // MAX_CUSTOM_DAYS, from the first day
      customPeriod("2090-12-24", "2100-12-31"), // MAX_CUSTOM_DAYS, to the last day
      yearPeriod(2100),
      monthPeriod(2100, 12),
    ]) {
      const overview = await kpiOverview(officer, period, { now: NOW });
      expect(overview.report.period.key).toBe(period.key);
      expect(overview.items.find((i) => i.metric === "funnel_contracts_signed")!.series.at(-1)?.period).toBe(
        period.key,
      );
      const report = await computeKpis(officer, period, { now: NOW, breakdown: "field" });
      expect(report.breakdown?.rows).toBeDefined();
    }
  });
});
