import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addWorkingDays,
  hasHolidayData,
  HOLIDAYS,
  isWorkingDay,
  vnDateKey,
  workingDaysBetween,
} from "@/lib/calendar/working-days";

/** An instant at the given wall-clock time in Vietnam (UTC+7). */
const vn = (isoDate: string, time = "10:00") => new Date(`${isoDate}T${time}:00+07:00`);

// Run under a server time zone far from Vietnam: results must not depend on it.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/Los_Angeles";
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe("isWorkingDay", () => {
  it("knows Tết Bính Ngọ 2026 (New Year's Day 17 Feb): 14–22 Feb off", () => {
    expect(isWorkingDay(vn("2026-02-13"))).toBe(true);
    for (const day of ["14", "15", "16", "17", "18", "19", "20", "21", "22"]) {
      expect(isWorkingDay(vn(`2026-02-${day}`)), day).toBe(false);
    }
    expect(isWorkingDay(vn("2026-02-23"))).toBe(true);
  });

  it("knows National Day 2025: Mon 1 and Tue 2 Sep off", () => {
    expect(isWorkingDay(vn("2025-08-29"))).toBe(true);
    expect(isWorkingDay(vn("2025-09-01"))).toBe(false);
    expect(isWorkingDay(vn("2025-09-02"))).toBe(false);
    expect(isWorkingDay(vn("2025-09-03"))).toBe(true);
  });

  it("treats bridge days as off and their make-up Saturdays as working days", () => {
    expect(isWorkingDay(vn("2025-05-02"))).toBe(false); // Friday bridge after 30 Apr / 1 May
    expect(isWorkingDay(vn("2025-04-26"))).toBe(true); // Saturday made up
    expect(isWorkingDay(vn("2026-01-02"))).toBe(false);
    expect(isWorkingDay(vn("2026-01-10"))).toBe(true);
    expect(isWorkingDay(vn("2026-01-17"))).toBe(false); // an ordinary Saturday
  });

  it("gives a compensatory day when a holiday falls on a weekend", () => {
    expect(isWorkingDay(vn("2026-04-26"))).toBe(false); // Hùng Kings, a Sunday
    expect(isWorkingDay(vn("2026-04-27"))).toBe(false); // compensatory Monday
    expect(isWorkingDay(vn("2026-04-28"))).toBe(true);
  });

  it("uses the calendar date in Vietnam, not UTC or the server's", () => {
    // Friday 13 Feb 2026 at 17:30 UTC is already Saturday 00:30 in Hanoi.
    expect(isWorkingDay(new Date("2026-02-13T16:59:00Z"))).toBe(true);
    expect(isWorkingDay(new Date("2026-02-13T17:00:00Z"))).toBe(false);
    // Sunday 22 Feb 17:00 UTC is Monday 23 Feb 00:00 in Hanoi: back to work.
    expect(isWorkingDay(new Date("2026-02-22T17:00:00Z"))).toBe(true);
    expect(vnDateKey(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
  });

  it("falls back to the fixed-date holidays for a year not in the table", () => {
    expect(hasHolidayData(2031)).toBe(false);
    expect(isWorkingDay(vn("2031-01-01"))).toBe(false); // Wednesday
    expect(isWorkingDay(vn("2031-04-30"))).toBe(false);
    expect(isWorkingDay(vn("2031-01-02"))).toBe(true);
  });
});

describe("addWorkingDays", () => {
  it("skips weekends and Tết, keeping the time of day", () => {
    expect(addWorkingDays(vn("2026-02-13", "15:45"), 1)).toEqual(vn("2026-02-23", "15:45"));
    // Registration filed Thu 12 Feb 2026: missing papers must be asked for within 3 working days.
    expect(addWorkingDays(vn("2026-02-12"), 3)).toEqual(vn("2026-02-24"));
  });

  it("starts counting from the next working day when started on a day off", () => {
    expect(addWorkingDays(vn("2025-08-30"), 1)).toEqual(vn("2025-09-03")); // Saturday before National Day
    expect(addWorkingDays(vn("2025-04-25"), 1)).toEqual(vn("2025-04-26")); // Friday -> make-up Saturday
  });

  it("goes backwards for negative n and returns the same instant for 0", () => {
    expect(addWorkingDays(vn("2026-02-23"), -1)).toEqual(vn("2026-02-13"));
    const start = vn("2026-03-04", "08:15");
    expect(addWorkingDays(start, 0)).toEqual(start);
  });

  it("refuses a fractional or absurd number of days and an invalid date", () => {
    expect(() => addWorkingDays(vn("2026-03-04"), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(vn("2026-03-04"), 10_000_000)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date("nope"), 1)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts whole working days elapsed, by Vietnamese calendar date", () => {
    expect(workingDaysBetween(vn("2026-03-02", "09:00"), vn("2026-03-02", "17:00"))).toBe(0);
    expect(workingDaysBetween(vn("2026-03-02", "16:00"), vn("2026-03-03", "09:00"))).toBe(1);
    expect(workingDaysBetween(vn("2026-02-13"), vn("2026-02-23"))).toBe(1); // across Tết
    expect(workingDaysBetween(vn("2025-08-29"), vn("2025-09-03"))).toBe(1); // across National Day
    expect(workingDaysBetween(vn("2026-03-06"), vn("2026-03-09"))).toBe(1); // Friday -> Monday
  });

  it("is negative when the end is before the start", () => {
    expect(workingDaysBetween(vn("2026-02-23"), vn("2026-02-13"))).toBe(-1);
  });

  it("undoes addWorkingDays for any start date and n >= 0", () => {
    for (let start = vn("2024-01-01").getTime(); start < vn("2031-01-01").getTime(); start += 11 * 86_400_000) {
      for (const n of [0, 1, 2, 5, 13]) {
        const a = new Date(start);
        expect(workingDaysBetween(a, addWorkingDays(a, n))).toBe(n);
      }
    }
  });
});

describe("holiday table 2024–2030", () => {
  const years = Object.keys(HOLIDAYS).map(Number);
  const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

  it("covers 2024 to 2030", () => {
    expect(years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  });

  it("lists only weekdays as days off and only Saturdays as make-up days, sorted, in their year", () => {
    for (const year of years) {
      const { daysOff, makeUpWorkdays } = HOLIDAYS[year]!;
      expect(
        daysOff.every((d) => d.startsWith(`${year}-`) && weekday(d) >= 1 && weekday(d) <= 5),
        String(year),
      ).toBe(true);
      expect(
        makeUpWorkdays.every((d) => d.startsWith(`${year}-`) && weekday(d) === 6),
        String(year),
      ).toBe(true);
      expect([...daysOff].sort(), String(year)).toEqual(daysOff);
      expect(new Set(daysOff).size).toBe(daysOff.length);
    }
  });

  it("gives the 11 statutory days off each year, plus one per bridge day that is made up", () => {
    // Art. 112: 1 + 5 (Tết) + 1 + 1 + 1 + 2 = 11, weekend ones compensated on working days.
    for (const year of years) {
      const { daysOff, makeUpWorkdays } = HOLIDAYS[year]!;
      expect(daysOff.length, String(year)).toBe(11 + makeUpWorkdays.length);
    }
  });

  it("includes every fixed-date holiday that falls on a weekday", () => {
    for (const year of years) {
      for (const md of ["01-01", "04-30", "05-01", "09-02"]) {
        const date = `${year}-${md}`;
        if (weekday(date) >= 1 && weekday(date) <= 5) expect(HOLIDAYS[year]!.daysOff, date).toContain(date);
      }
    }
  });

  it("closes on the lunar holidays (Tết day 1, Hùng Kings) or on the weekday compensating them", () => {
    // Computed for UTC+7 (Hồ Ngọc Đức's algorithm); Tết 2030 is 2 Feb in Vietnam.
    const lunar: [number, string, string][] = [
      [2024, "2024-02-10", "2024-04-18"],
      [2025, "2025-01-29", "2025-04-07"],
      [2026, "2026-02-17", "2026-04-26"],
      [2027, "2027-02-06", "2027-04-16"],
      [2028, "2028-01-26", "2028-04-04"],
      [2029, "2029-02-13", "2029-04-23"],
      [2030, "2030-02-02", "2030-04-12"],
    ];
    for (const [year, tet, hung] of lunar) {
      for (const date of [tet, hung]) {
        const off = HOLIDAYS[year]!.daysOff.includes(date);
        expect(off || weekday(date) === 0 || weekday(date) === 6, date).toBe(true);
        expect(isWorkingDay(vn(date)), date).toBe(false);
      }
    }
  });
});
