/**
 * Calendar arithmetic of the listing analytics, in Hanoi time (UTC+7 all year: Vietnam keeps no
 * daylight saving time). Days are ISO strings ("2026-11-24"), weeks start on Monday (as PostgreSQL's
 * `date_trunc('week', …)` does). Pure and client-safe.
 */

const HANOI_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day in Hanoi at `at`. */
export function hanoiDay(at: Date): string {
  return new Date(at.getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` moved by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week `day` falls in. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The instant a Hanoi day begins (its midnight, UTC+7). */
export function hanoiMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** The Mondays of the last `count` weeks up to the current one (partial), oldest first. */
export function lastWeeks(now: Date, count: number): string[] {
  const current = weekOf(hanoiDay(now));
  return Array.from({ length: count }, (_, i) => addDays(current, -7 * (count - 1 - i)));
}

/** The first of the last `days` days, today (in Hanoi) included. */
export function recentSince(now: Date, days: number): string {
  return addDays(hanoiDay(now), -(days - 1));
}
