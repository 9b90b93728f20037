import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  customPeriod,
  elapsedShare,
  isFinished,
  isTargetPeriod,
  lastPeriods,
  monthPeriod,
  parsePeriodKey,
  periodContaining,
  periodDays,
  previousPeriod,
  quarterPeriod,
  shiftPeriod,
  yearPeriod,
} from "@/lib/calendar/periods";

const iso = (d: Date) => d.toISOString();

// Run under a server time zone far from Vietnam: periods must not depend on it.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/New_York";
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe("periods", () => {
  it("cut months, quarters and years at midnight in Vietnam (17:00 UTC the day before)", () => {
    const nov = monthPeriod(2026, 11);
    expect(nov.key).toBe("2026-11");
    expect(iso(nov.from)).toBe("2026-10-31T17:00:00.000Z");
    expect(iso(nov.to)).toBe("2026-11-30T17:00:00.000Z");
    const q4 = quarterPeriod(2026, 4);
    expect(q4.key).toBe("2026-Q4");
    expect(iso(q4.from)).toBe("2026-09-30T17:00:00.000Z");
    expect(iso(q4.to)).toBe("2026-12-31T17:00:00.000Z");
    const year = yearPeriod(2026);
    expect(iso(year.from)).toBe("2025-12-31T17:00:00.000Z");
    expect(iso(year.to)).toBe("2026-12-31T17:00:00.000Z");
    // February of a leap year.
    expect(iso(monthPeriod(2028, 2).to)).toBe("2028-02-29T17:00:00.000Z");
  });

  it("custom ranges include both days", () => {
    const range = customPeriod("2026-10-01", "2026-11-15");
    expect(range.key).toBe("2026-10-01..2026-11-15");
    expect(iso(range.from)).toBe("2026-09-30T17:00:00.000Z");
    expect(iso(range.to)).toBe("2026-11-15T17:00:00.000Z");
    expect(periodDays(range)).toEqual({ first: "2026-10-01", last: "2026-11-15" });
    expect(() => customPeriod("2026-11-15", "2026-11-14")).toThrow(RangeError);
    expect(() => customPeriod("2026-02-30", "2026-03-01")).toThrow(RangeError);
    expect(iso(customPeriod("2026-11-15", "2026-11-15").to)).toBe("2026-11-15T17:00:00.000Z");
  });

  it("parse and format every kind of key, and refuse anything else", () => {
    for (const key of ["2026-11", "2026-01", "2026-Q1", "2026-Q4", "2026", "2026-10-01..2026-11-15"]) {
      expect(parsePeriodKey(key)?.key).toBe(key);
    }
    expect(parsePeriodKey("2026-11")?.kind).toBe("month");
    expect(parsePeriodKey("2026-Q4")?.kind).toBe("quarter");
    expect(parsePeriodKey("2026")?.kind).toBe("year");
    expect(parsePeriodKey("2026-10-01..2026-11-15")?.kind).toBe("custom");
    for (const bad of [
      "2026-13",
      "2026-00",
      "2026-Q5",
      "26",
      "2026-1",
      "1999",
      "2026-11-01",
      "2026-11-31..2026-12-01",
      "x",
    ]) {
      expect(parsePeriodKey(bad), bad).toBeNull();
    }
    // Targets are stored on month, quarter and year keys only (KpiTarget.period holds 10 characters).
    expect(isTargetPeriod(parsePeriodKey("2026-Q4")!)).toBe(true);
    expect(isTargetPeriod(parsePeriodKey("2026-10-01..2026-11-15")!)).toBe(false);
  });

  it("step back to the previous period of the same length, across year boundaries", () => {
    expect(previousPeriod(monthPeriod(2026, 1)).key).toBe("2025-12");
    expect(previousPeriod(quarterPeriod(2026, 1)).key).toBe("2025-Q4");
    expect(previousPeriod(yearPeriod(2026)).key).toBe("2025");
    expect(shiftPeriod(monthPeriod(2026, 11), 3).key).toBe("2027-02");
    // A custom range moves back by its own length: 46 days before 1 Oct – 15 Nov.
    expect(previousPeriod(customPeriod("2026-10-01", "2026-11-15")).key).toBe("2026-08-16..2026-09-30");
    expect(lastPeriods(monthPeriod(2026, 2), 4).map((p) => p.key)).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });

  it("place instants near midnight in Vietnam in the right period", () => {
    // 23:59 on 31 Oct in Vietnam is still October; 00:00 on 1 Nov is November, though both are 31 Oct in UTC.
    expect(periodContaining("month", new Date("2026-10-31T23:59:59+07:00")).key).toBe("2026-10");
    expect(periodContaining("month", new Date("2026-11-01T00:00:00+07:00")).key).toBe("2026-11");
    expect(periodContaining("month", new Date("2026-10-31T17:00:00Z")).key).toBe("2026-11");
    expect(periodContaining("quarter", new Date("2026-12-31T17:30:00Z")).key).toBe("2027-Q1");
    expect(periodContaining("year", new Date("2026-12-31T16:59:59Z")).key).toBe("2026");
    const nov = monthPeriod(2026, 11);
    expect(nov.from.getTime() <= new Date("2026-11-01T00:00:00+07:00").getTime()).toBe(true);
    expect(new Date("2026-12-01T00:00:00+07:00").getTime()).toBe(nov.to.getTime());
  });

  it("know how much of a period has passed", () => {
    const nov = monthPeriod(2026, 11);
    expect(elapsedShare(nov, new Date("2026-10-01T00:00:00Z"))).toBe(0);
    expect(elapsedShare(nov, new Date("2026-11-16T00:00:00+07:00"))).toBeCloseTo(0.5, 10);
    expect(isFinished(nov, new Date("2026-11-30T23:59:59+07:00"))).toBe(false);
    expect(isFinished(nov, new Date("2026-12-01T00:00:00+07:00"))).toBe(true);
    expect(elapsedShare(nov, new Date("2027-01-01T00:00:00Z"))).toBe(1);
  });
});
