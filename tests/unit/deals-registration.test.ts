import { describe, expect, it } from "vitest";
import {
  countryOfLocation,
  deadlineStatus,
  decisionDeadline,
  dueReminders,
  filingDeadline,
  papersRequestDeadline,
  registrationDeadlines,
  registrationFee,
  registrationRequirement,
  workingDaysLeft,
} from "@/lib/deals/registration";

/** An instant given as Hanoi wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe("whether registration is mandatory (Law 07/2017 Art. 31)", () => {
  const domestic = { providerCountry: "VN", seekerCountry: "VN", stateFunded: false };

  it("is mandatory into or out of Vietnam, and for domestic transfers paid with state capital or budget", () => {
    expect(registrationRequirement({ ...domestic, providerCountry: "KR" })).toEqual({
      mandatory: true,
      reason: "into_vietnam",
    });
    expect(registrationRequirement({ ...domestic, seekerCountry: "JP" })).toEqual({
      mandatory: true,
      reason: "out_of_vietnam",
    });
    expect(registrationRequirement({ ...domestic, stateFunded: true })).toEqual({
      mandatory: true,
      reason: "state_capital",
    });
    expect(registrationRequirement({ ...domestic, stateCapital: true })).toEqual({
      mandatory: true,
      reason: "state_capital",
    });
    // Cross-border decides before the money's origin.
    expect(registrationRequirement({ ...domestic, providerCountry: "KR", stateFunded: true }).reason).toBe(
      "into_vietnam",
    );
  });

  it("is voluntary otherwise, and says why", () => {
    expect(registrationRequirement(domestic)).toEqual({ mandatory: false, reason: "voluntary_domestic" });
    expect(registrationRequirement({ ...domestic, stateFunded: true, investmentCertificate: true })).toEqual({
      mandatory: false,
      reason: "investment_certificate",
    });
    expect(registrationRequirement({ ...domestic, providerCountry: "KR", seekerCountry: "JP" })).toEqual({
      mandatory: false,
      reason: "outside_vietnam",
    });
  });

  it("reads the country from an organization's location code", () => {
    expect(countryOfLocation("HN")).toBe("VN");
    expect(countryOfLocation("HN-CAUGIAY")).toBe("VN");
    expect(countryOfLocation("P-HCM")).toBe("VN");
    expect(countryOfLocation("F-KR")).toBe("KR");
    for (const unknown of ["KR", "F-kr", "F-KOR", "", "HN-ATLANTIS"])
      expect(countryOfLocation(unknown), unknown).toBeNull();
  });
});

describe("the registration fee (Circular 169/2016)", () => {
  it("is 0.1% of the value between the minimum and the maximum", () => {
    expect(registrationFee(1_000_000_000n)).toBe(3_000_000n); // 1,000,000 is below the minimum
    expect(registrationFee(1n)).toBe(3_000_000n);
    expect(registrationFee(3_000_000_000n)).toBe(3_000_000n);
    expect(registrationFee(4_200_000_000n)).toBe(4_200_000n);
    expect(registrationFee(5_000_000_000n)).toBe(5_000_000n);
    expect(registrationFee(12_000_000_000n)).toBe(5_000_000n); // 12,000,000 is above the maximum
    expect(registrationFee(10n ** 15n)).toBe(5_000_000n);
  });

  it("rounds to the nearest đồng, a half upwards", () => {
    expect(registrationFee(3_500_000_499n)).toBe(3_500_000n);
    expect(registrationFee(3_500_000_500n)).toBe(3_500_001n);
    expect(registrationFee(4_999_999_501n)).toBe(5_000_000n);
    expect(registrationFee(5_000_000_500n)).toBe(5_000_000n); // 5,000,001 rounded, then capped
  });

  it("needs a positive value", () => {
    expect(() => registrationFee(0n)).toThrow(RangeError);
    expect(() => registrationFee(-1n)).toThrow(RangeError);
  });
});

/**
 * Dates relied on, from lib/calendar/holidays.ts: 2026 (announced) — Sat 10 Jan is a make-up working
 * day; Tết 16–20 Feb (Mon–Fri) off; Mon 27 Apr off in place of Hùng Kings on Sun 26 Apr; 30 Apr and
 * 1 May off; 1–2 Sep off. 2027 (projected) — Fri 5 Feb and Mon 8 – Thu 11 Feb off for Tết.
 */
describe("registration deadlines", () => {
  it("files within 90 calendar days of signing, moved off a weekend or holiday to the next working day", () => {
    expect(filingDeadline(vn("2026-03-10T09:00:00"))).toEqual({
      date: "2026-06-08",
      endsAt: new Date("2026-06-08T17:00:00Z"), // 24:00 in Hanoi
    });
    // Signed at 01:00 in Hanoi, still the previous day in UTC: Hanoi's date counts.
    expect(filingDeadline(new Date("2026-03-09T18:00:00Z")).date).toBe("2026-06-08");
    // Day 90 is Saturday 6 June.
    expect(filingDeadline(vn("2026-03-08T15:00:00")).date).toBe("2026-06-08");
    // Day 90 is National Day (Wed 2 Sep 2026), with 1 Sep also off.
    expect(filingDeadline(vn("2026-06-04T10:00:00")).date).toBe("2026-09-03");
    // Day 90 is Mon 8 Feb 2027, in Tết: off until Thu 11 Feb.
    expect(filingDeadline(vn("2026-11-10T10:00:00")).date).toBe("2027-02-12");
  });

  it("asks for missing papers within 3 working days of the file, across a weekend", () => {
    expect(papersRequestDeadline(vn("2026-03-06T10:00:00"))).toEqual({
      date: "2026-03-11",
      endsAt: new Date("2026-03-11T17:00:00Z"),
    });
    // Filed on a Saturday: counted from Monday, like a Friday filing.
    expect(papersRequestDeadline(vn("2026-03-07T10:00:00")).date).toBe("2026-03-11");
    // Sat 10 Jan 2026 is a make-up working day.
    expect(papersRequestDeadline(vn("2026-01-08T10:00:00")).date).toBe("2026-01-12");
  });

  it("skips Tết", () => {
    // Fri 13 Feb 2026: Tết from Mon 16 to Fri 20, then the weekend.
    expect(papersRequestDeadline(vn("2026-02-13T16:00:00")).date).toBe("2026-02-25");
    expect(decisionDeadline(vn("2026-02-13T16:00:00")).date).toBe("2026-02-27");
    // Thu 4 Feb 2027 (projected): Fri 5 and Mon 8 – Thu 11 off.
    expect(papersRequestDeadline(vn("2027-02-04T09:00:00")).date).toBe("2027-02-16");
  });

  it("skips a substitute holiday", () => {
    // Fri 24 Apr 2026: Mon 27 off for Hùng Kings (Sun 26), then 30 Apr and 1 May.
    expect(papersRequestDeadline(vn("2026-04-24T10:00:00")).date).toBe("2026-05-04");
    expect(decisionDeadline(vn("2026-04-24T10:00:00")).date).toBe("2026-05-06");
  });

  it("counts the Department's deadlines from when the file was last received, and only while it has it", () => {
    const filedAt = vn("2026-03-06T10:00:00");
    expect(registrationDeadlines({ state: "FILED", filedAt, papersAddedAt: null })).toEqual({
      papersRequestBy: papersRequestDeadline(filedAt),
      decisionBy: { date: "2026-03-13", endsAt: new Date("2026-03-13T17:00:00Z") },
    });
    // Papers asked for, then added on Wed 11 Mar: 5 working days from then.
    expect(
      registrationDeadlines({ state: "FILED", filedAt, papersAddedAt: vn("2026-03-11T15:00:00") }).decisionBy?.date,
    ).toBe("2026-03-18");
    for (const state of ["MISSING_PAPERS", "CERTIFIED", "REFUSED"] as const) {
      expect(registrationDeadlines({ state, filedAt, papersAddedAt: null }), state).toEqual({
        papersRequestBy: null,
        decisionBy: null,
      });
    }
  });

  it("shows the working days left and colours the deadline", () => {
    const due = papersRequestDeadline(vn("2026-03-06T10:00:00")); // Wed 11 Mar
    expect(workingDaysLeft(due, vn("2026-03-06T15:00:00"))).toBe(3);
    expect(workingDaysLeft(due, vn("2026-03-07T15:00:00"))).toBe(3); // Saturday
    expect(deadlineStatus(due, vn("2026-03-06T15:00:00"))).toBe("on_time");
    expect(deadlineStatus(due, vn("2026-03-10T09:00:00"))).toBe("due_tomorrow");
    expect(deadlineStatus(due, vn("2026-03-11T23:59:59"))).toBe("due_today");
    expect(deadlineStatus(due, vn("2026-03-12T00:00:00"))).toBe("overdue");
    expect(workingDaysLeft(due, vn("2026-03-13T09:00:00"))).toBe(-2);
  });
});

describe("reminders to file (days 60, 80 and 88 after signing)", () => {
  // Day 60: Sat 9 May 2026; day 80: Fri 29 May; day 88: Sat 6 Jun; deadline: Mon 8 Jun.
  const signedAt = vn("2026-03-10T09:00:00");

  it("sends each reminder from its day on, once", () => {
    expect(dueReminders(signedAt, vn("2026-05-08T23:59:59"), [])).toEqual([]);
    expect(dueReminders(signedAt, vn("2026-05-09T00:00:00"), [])).toEqual([60]);
    expect(dueReminders(signedAt, vn("2026-05-20T08:00:00"), [60])).toEqual([]);
    expect(dueReminders(signedAt, vn("2026-05-29T08:00:00"), [60])).toEqual([80]);
    expect(dueReminders(signedAt, vn("2026-06-06T08:00:00"), [60, 80])).toEqual([88]);
    expect(dueReminders(signedAt, vn("2026-06-07T08:00:00"), [60, 80, 88])).toEqual([]);
  });

  it("sends only the latest when earlier ones were missed, and nothing once the deadline is over", () => {
    expect(dueReminders(signedAt, vn("2026-06-01T08:00:00"), [])).toEqual([80]);
    expect(dueReminders(signedAt, vn("2026-06-08T23:00:00"), [60])).toEqual([88]);
    expect(dueReminders(signedAt, vn("2026-06-09T00:00:00"), [60])).toEqual([]);
  });
});
