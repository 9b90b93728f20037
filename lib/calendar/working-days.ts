import { FIXED_DATE_HOLIDAYS, HOLIDAYS } from "./holidays";

export { HOLIDAYS, type HolidayYear } from "./holidays";

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset gives the
// Asia/Ho_Chi_Minh calendar date exactly, whatever the server's TZ, without Intl lookups.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
// Far beyond any legal deadline; stops a bad argument from looping for minutes.
const MAX_STEPS = 366 * 20;

const daysOff = new Set(Object.values(HOLIDAYS).flatMap((year) => year.daysOff));
const makeUpWorkdays = new Set(Object.values(HOLIDAYS).flatMap((year) => year.makeUpWorkdays));

/** The calendar date in Vietnam ("YYYY-MM-DD") of an instant. */
export function vnDateKey(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date");
  return new Date(date.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** True when the Department works on that Vietnamese calendar date (see holidays.ts). */
function isWorkingDateKey(key: string): boolean {
  if (makeUpWorkdays.has(key)) return true;
  const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (daysOff.has(key)) return false;
  const year = Number(key.slice(0, 4));
  return HOLIDAYS[year] !== undefined || !FIXED_DATE_HOLIDAYS.some((md) => key.endsWith(md));
}

/**
 * True when `date` falls, in Asia/Ho_Chi_Minh, on a working day: Monday–Friday, not a public
 * holiday, compensatory or bridge day; a make-up Saturday counts as a working day.
 */
export function isWorkingDay(date: Date): boolean {
  return isWorkingDateKey(vnDateKey(date));
}

/**
 * The instant `n` working days after `date` (before it when n < 0), keeping the time of day:
 * each step moves to the next working date, so Friday + 1 is Monday and Saturday + 1 is Monday
 * too. `n = 0` returns the same instant. Used for deadlines such as "decide within 5 working days".
 */
export function addWorkingDays(date: Date, n: number): Date {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_STEPS) throw new RangeError(`Invalid number of working days: ${n}`);
  vnDateKey(date); // validates the date
  const step = n < 0 ? -DAY_MS : DAY_MS;
  let time = date.getTime();
  for (let left = Math.abs(n); left > 0;) {
    time += step;
    if (isWorkingDateKey(vnDateKey(new Date(time)))) left--;
  }
  return new Date(time);
}

/**
 * Whole working days elapsed from `a` to `b`: the working dates after a's date up to and
 * including b's date (negative when b is before a). Submitted Monday, decided Tuesday = 1;
 * decided the same day = 0. For n >= 0, workingDaysBetween(a, addWorkingDays(a, n)) is n.
 * Used for SLA ages (e.g. time to moderation decision, target ≤ 2 working days).
 */
export function workingDaysBetween(a: Date, b: Date): number {
  const from = vnDateKey(a);
  const to = vnDateKey(b);
  if (from > to) return -workingDaysBetween(b, a);
  const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
  if (span > MAX_STEPS * 10) throw new RangeError("Date range too long");
  let count = 0;
  for (let i = 1, t = Date.parse(from); i <= span; i++) {
    if (isWorkingDateKey(new Date(t + i * DAY_MS).toISOString().slice(0, 10))) count++;
  }
  return count;
}

/** True when the holiday table covers `year`; for other years only fixed-date holidays are known. */
export function hasHolidayData(year: number): boolean {
  return HOLIDAYS[year] !== undefined;
}
