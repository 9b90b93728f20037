import { describe, expect, it } from "vitest";
import { forecastNext, trendOf } from "@/lib/kpi/forecast";
import { monthPeriod } from "@/lib/calendar/periods";
import { projectedValue, targetStatus } from "@/lib/kpi/status";
import { funnelOf, percentile, shareValue } from "@/lib/kpi/values";

const nov = monthPeriod(2026, 11);
const after = new Date("2026-12-05T00:00:00+07:00");
const halfway = new Date("2026-11-16T00:00:00+07:00");

describe("target status", () => {
  const finished = (aggregation: "flow" | "stock" | "level") => ({ aggregation, period: nov, now: after });

  it("a finished period: met on the right side, at risk within 10% on the wrong side, missed beyond", () => {
    const gte = { target: 100, comparator: "gte" };
    expect(targetStatus(gte, 100, finished("flow"))).toBe("met");
    expect(targetStatus(gte, 120, finished("flow"))).toBe("met");
    expect(targetStatus(gte, 90, finished("flow"))).toBe("at_risk");
    expect(targetStatus(gte, 89.9, finished("flow"))).toBe("missed");
    const lte = { target: 2, comparator: "lte" };
    expect(targetStatus(lte, 2, finished("level"))).toBe("met");
    expect(targetStatus(lte, 2.2, finished("level"))).toBe("at_risk");
    expect(targetStatus(lte, 3, finished("level"))).toBe("missed");
    expect(targetStatus(lte, null, finished("level"))).toBeNull();
  });

  it("a running period: a flow is projected to the end; a miss beyond 10% is only at risk while time remains", () => {
    const gte = { target: 100, comparator: "gte" };
    const running = { aggregation: "flow" as const, period: nov, now: halfway };
    expect(projectedValue(50, "flow", nov, halfway)).toBeCloseTo(100, 6);
    expect(targetStatus(gte, 50, running)).toBe("met");
    expect(targetStatus(gte, 30, running)).toBe("at_risk");
    // A level is judged as it is (no projection).
    expect(projectedValue(50, "level", nov, halfway)).toBe(50);
    expect(targetStatus({ target: 90, comparator: "gte" }, 50, { ...running, aggregation: "level" })).toBe("at_risk");
    // Not started: no status.
    expect(targetStatus(gte, 0, { ...running, now: new Date("2026-10-01T00:00:00Z") })).toBeNull();
    expect(() => targetStatus({ target: 1, comparator: "eq" }, 1, running)).toThrow(RangeError);
  });
});

describe("forecast", () => {
  it("extends a least-squares line over the last six periods", () => {
    expect(forecastNext([10, 12, 14, 16])).toEqual({ kind: "estimate", method: "linear_trend", basis: 4, value: 18 });
    // Only the last six count: the first two values (1000) are ignored.
    expect(forecastNext([1000, 1000, 1, 2, 3, 4, 5, 6])?.value).toBeCloseTo(7, 10);
    expect(forecastNext([5, 7, 6])?.value).toBeCloseTo(7, 10);
  });

  it("uses the mean with fewer than three values, skips missing ones, and stays within the unit's range", () => {
    expect(forecastNext([null, 4, null, 8])).toEqual({ kind: "estimate", method: "mean", basis: 2, value: 6 });
    expect(forecastNext([null, null])).toBeNull();
    expect(forecastNext([30, 20, 10])?.value).toBe(0);
    expect(forecastNext([80, 90, 100], "percent")?.value).toBe(100);
  });

  it("trend: the change against the previous period", () => {
    expect(trendOf(12, 10)).toEqual({ previous: 10, change: 2, changePercent: 20 });
    expect(trendOf(5, 0)).toEqual({ previous: 0, change: 5, changePercent: null });
    expect(trendOf(null, 3)).toEqual({ previous: 3, change: null, changePercent: null });
  });
});

describe("values", () => {
  it("percentiles interpolate like PostgreSQL's percentile_cont", () => {
    expect(percentile([3, 1, 2], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([0, 1, 1, 2, 5, 8, 8, 9, 10, 20], 0.9)).toBeCloseTo(11, 10);
    expect(percentile([], 0.5)).toBeNull();
    expect(shareValue(1, 4)).toEqual({ value: 25, numerator: 1, denominator: 4 });
    expect(shareValue(0, 0).value).toBeNull();
  });

  it("the funnel converts each stage against the previous one", () => {
    const stages = funnelOf({
      funnel_listings_published: { value: 10 },
      funnel_matches_suggested: { value: 20 },
      funnel_deals_started: { value: 5 },
      funnel_ndas_accepted: { value: 0 },
      funnel_contracts_signed: { value: 2 },
      funnel_registrations_certified: { value: 1 },
      funnel_deals_completed: { value: 1 },
    });
    expect(stages.map((s) => s.conversion)).toEqual([null, 200, 25, 0, null, 50, 100]);
  });
});
