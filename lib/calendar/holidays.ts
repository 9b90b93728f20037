/**
 * Days the Department is closed, as data. OFFICERS MUST UPDATE THIS TABLE EVERY YEAR when the
 * Government / Ministry of Home Affairs announces the holiday schedule for civil servants (usually
 * in the autumn of the year before), and when the Labour Code changes.
 *
 * Statutory holidays (Labour Code 2019, Art. 112(1)): 1 Jan; Tết Nguyên đán 5 days; Hùng Kings
 * (10th day of the 3rd lunar month); 30 Apr; 1 May; National Day 2 Sep plus 1 adjacent day
 * (1 or 3 Sep). A holiday on a Saturday or Sunday gives a compensatory day off on the next working
 * day (Art. 111(3)). The Government may also move a working day next to a holiday ("bridge day",
 * hoán đổi) and have it made up on a Saturday (ngày làm bù), which is then a working day.
 *
 * Deadlines here follow the civil-servant schedule, since the Department is the one deciding.
 * Pending: the Politburo (Resolution 80-NQ/TW, 2026) chose 24 Nov, Vietnam Culture Day, as a new
 * paid holiday; add it once the Labour Code amendment is passed.
 *
 * Lunar dates (Tết, Hùng Kings) were computed for the UTC+7 meridian, which is what makes Tết
 * 2030 fall on 2 Feb in Vietnam but 3 Feb in China.
 */
export interface HolidayYear {
  /** Weekdays off (Mon–Fri): holidays, compensatory days and bridge days, ISO dates. */
  daysOff: readonly string[];
  /** Saturdays worked to make up for a bridge day: working days despite the weekend. */
  makeUpWorkdays: readonly string[];
  /**
   * "announced": the schedule the Government published. "projected": statutory days only, with
   * weekend holidays moved to the next working day and no bridge days; replace when announced.
   */
  source: "announced" | "projected";
}

export const HOLIDAYS: Readonly<Record<number, HolidayYear>> = {
  2024: {
    source: "announced",
    daysOff: [
      "2024-01-01",
      // Tết Giáp Thìn (10 Feb, a Saturday): 8–14 Feb off.
      "2024-02-08",
      "2024-02-09",
      "2024-02-12",
      "2024-02-13",
      "2024-02-14",
      "2024-04-18", // Hùng Kings
      "2024-04-29", // bridge day, made up on Sat 4 May
      "2024-04-30",
      "2024-05-01",
      "2024-09-02",
      "2024-09-03",
    ],
    makeUpWorkdays: ["2024-05-04"],
  },
  2025: {
    source: "announced",
    daysOff: [
      "2025-01-01",
      // Tết Ất Tỵ (29 Jan): 25 Jan – 2 Feb off, the five Tết days being 27–31 Jan.
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-04-07", // Hùng Kings
      "2025-04-30",
      "2025-05-01",
      "2025-05-02", // bridge day, made up on Sat 26 Apr
      "2025-09-01",
      "2025-09-02",
    ],
    makeUpWorkdays: ["2025-04-26"],
  },
  2026: {
    source: "announced",
    daysOff: [
      "2026-01-01",
      "2026-01-02", // bridge day (12729/VPCP-KGVX), made up on Sat 10 Jan
      // Tết Bính Ngọ (17 Feb): 14–22 Feb off, the five Tết days being 16–20 Feb.
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-27", // Hùng Kings falls on Sun 26 Apr: compensatory day
      "2026-04-30",
      "2026-05-01",
      // National Day with 1 Sep as the adjacent day. A bridge for Mon 31 Aug was proposed:
      // check the final notice and add it together with its make-up Saturday.
      "2026-09-01",
      "2026-09-02",
    ],
    makeUpWorkdays: ["2026-01-10"],
  },
  2027: {
    source: "projected",
    daysOff: [
      "2027-01-01",
      // Tết Đinh Mùi (Sat 6 Feb): eve + days 1–4, the weekend ones compensated on 10–11 Feb.
      "2027-02-05",
      "2027-02-08",
      "2027-02-09",
      "2027-02-10",
      "2027-02-11",
      "2027-04-16", // Hùng Kings
      "2027-04-30",
      "2027-05-03", // 1 May is a Saturday
      "2027-09-02",
      "2027-09-03",
    ],
    makeUpWorkdays: [],
  },
  2028: {
    source: "projected",
    daysOff: [
      "2028-01-03", // 1 Jan is a Saturday
      // Tết Mậu Thân (Wed 26 Jan): eve + days 1–4, Sat 29 Jan compensated on Mon 31 Jan.
      "2028-01-25",
      "2028-01-26",
      "2028-01-27",
      "2028-01-28",
      "2028-01-31",
      "2028-04-04", // Hùng Kings
      "2028-05-01",
      "2028-05-02", // 30 Apr is a Sunday
      "2028-09-01", // 2 Sep is a Saturday: adjacent day Fri 1 Sep, compensatory Mon 4 Sep
      "2028-09-04",
    ],
    makeUpWorkdays: [],
  },
  2029: {
    source: "projected",
    daysOff: [
      "2029-01-01",
      // Tết Kỷ Dậu (Tue 13 Feb): eve + days 1–4.
      "2029-02-12",
      "2029-02-13",
      "2029-02-14",
      "2029-02-15",
      "2029-02-16",
      "2029-04-23", // Hùng Kings
      "2029-04-30",
      "2029-05-01",
      "2029-09-03", // 2 Sep is a Sunday: adjacent day Mon 3 Sep, compensatory Tue 4 Sep
      "2029-09-04",
    ],
    makeUpWorkdays: [],
  },
  2030: {
    source: "projected",
    daysOff: [
      "2030-01-01",
      // Tết Canh Tuất (Sat 2 Feb): eve + days 1–4, the weekend ones compensated on 6–7 Feb.
      "2030-02-01",
      "2030-02-04",
      "2030-02-05",
      "2030-02-06",
      "2030-02-07",
      "2030-04-12", // Hùng Kings
      "2030-04-30",
      "2030-05-01",
      "2030-09-02",
      "2030-09-03",
    ],
    makeUpWorkdays: [],
  },
};

/**
 * For a year missing from the table, only the fixed-date holidays can be known without the lunar
 * calendar; an SLA computed then is slightly generous around Tết until the table is updated.
 */
export const FIXED_DATE_HOLIDAYS = ["01-01", "04-30", "05-01", "09-02"] as const;
