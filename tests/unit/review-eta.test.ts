import { describe, expect, it } from "vitest";
import { vnDateKey } from "@/lib/calendar/working-days";
import { MODERATION_TARGET_WORKING_DAYS } from "@/lib/kpi/catalogue";
import { reviewEta } from "@/lib/listings/review-eta";

// Instants are written in Vietnam time (UTC+7), as the owner sees them.
const vn = (local: string) => new Date(`${local}+07:00`);
const expected = (submitted: string, now = submitted) => vnDateKey(reviewEta(vn(submitted), vn(now)).expectedBy);

describe("reviewEta", () => {
  it("counts the operator's target of 2 working days", () => {
    expect(MODERATION_TARGET_WORKING_DAYS).toBe(2);
    expect(reviewEta(vn("2026-11-24T09:00:00"), vn("2026-11-24T09:00:00")).targetWorkingDays).toBe(2);
    // Tuesday → Thursday.
    expect(expected("2026-11-24T09:00:00")).toBe("2026-11-26");
  });

  it("skips a weekend", () => {
    // Thursday → Friday (1), Monday (2).
    expect(expected("2026-11-19T10:00:00")).toBe("2026-11-23");
    // Friday → Monday (1), Tuesday (2).
    expect(expected("2026-11-20T16:30:00")).toBe("2026-11-24");
    // Saturday (a submission at the weekend) → Monday (1), Tuesday (2).
    expect(expected("2026-11-21T11:00:00")).toBe("2026-11-24");
  });

  it("uses the Vietnamese date, not the server's UTC date", () => {
    // 23:30 on Friday in Hanoi is still Friday 16:30 UTC; 00:30 on Saturday in Hanoi is Friday in UTC.
    expect(expected("2026-11-20T23:30:00")).toBe("2026-11-24");
    expect(expected("2026-11-21T00:30:00")).toBe("2026-11-24");
  });

  it("skips Vietnamese public holidays", () => {
    // Wed 29 Apr 2026 → 30 Apr and 1 May are holidays, then the weekend: Mon 4 May (1), Tue 5 May (2).
    expect(expected("2026-04-29T09:00:00")).toBe("2026-05-05");
    // Fri 24 Apr 2026 → weekend, Mon 27 Apr (Hùng Kings, compensatory day off): Tue 28 (1), Wed 29 (2).
    expect(expected("2026-04-24T09:00:00")).toBe("2026-04-29");
    // Tết Bính Ngọ: submitted Fri 13 Feb 2026, the Department is closed 14–22 Feb: Mon 23 (1), Tue 24 (2).
    expect(expected("2026-02-13T15:00:00")).toBe("2026-02-24");
  });

  it("counts a make-up Saturday as a working day", () => {
    // Thu 8 Jan 2026 → Fri 9 Jan (1), Sat 10 Jan, worked to make up for 2 Jan (2).
    expect(expected("2026-01-08T09:00:00")).toBe("2026-01-10");
  });

  it("is overdue only once more working days than the target have passed", () => {
    const submitted = vn("2026-11-20T16:30:00"); // a Friday
    expect(reviewEta(submitted, vn("2026-11-23T08:00:00")).overdue).toBe(false); // Monday: 1
    expect(reviewEta(submitted, vn("2026-11-24T17:00:00")).overdue).toBe(false); // Tuesday: 2, the target day
    expect(reviewEta(submitted, vn("2026-11-25T08:00:00")).overdue).toBe(true); // Wednesday: 3
    // Across the 30 Apr – 1 May holidays nothing is overdue before the second working day has passed.
    expect(reviewEta(vn("2026-04-29T09:00:00"), vn("2026-05-05T18:00:00")).overdue).toBe(false);
    expect(reviewEta(vn("2026-04-29T09:00:00"), vn("2026-05-06T08:00:00")).overdue).toBe(true);
  });
});
