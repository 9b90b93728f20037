import { parsePeriodKey, periodContaining, type Period } from "@/lib/calendar/periods";

/**
 * The period of the public statistics (the page's `/statistics/<period>` and the API's `?period=`):
 * a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"), already started; by default the
 * current month. Custom ranges are for the staff console only: every public period is one of a
 * small, bounded set, so each has one cache entry. Pure and client-safe.
 */

export const PERIOD_FORMAT_MESSAGE = "period must be a month (2026-11), a quarter (2026-Q4) or a year (2026)";
export const FUTURE_PERIOD_MESSAGE = "period must have started: statistics of a future period do not exist yet";

/** The first year the public statistics offer (the exchange opened in 2025; earlier periods are empty). */
export const FIRST_PUBLIC_YEAR = 2020;

export type PublicPeriodResult = { ok: true; period: Period } | { ok: false; message: string };

/** The public period named by `raw` (absent or empty: the current month). */
export function parsePublicPeriod(raw: string | null | undefined, now: Date = new Date()): PublicPeriodResult {
  if (raw === null || raw === undefined || raw.trim() === "") {
    return { ok: true, period: periodContaining("month", now) };
  }
  const period = raw.length > 10 ? null : parsePeriodKey(raw);
  if (!period || period.kind === "custom" || Number(period.key.slice(0, 4)) < FIRST_PUBLIC_YEAR) {
    return { ok: false, message: PERIOD_FORMAT_MESSAGE };
  }
  if (period.from.getTime() > now.getTime()) return { ok: false, message: FUTURE_PERIOD_MESSAGE };
  return { ok: true, period };
}
