import { shiftPeriod, type Period } from "@/lib/calendar/periods";

/**
 * The periods of a trend: at most `n` periods of the same kind and length ending with `period`,
 * oldest first, keeping only those the calendar has. The calendar starts in 2000 and a custom range
 * may be ten years long, so stepping back from an accepted period can leave the calendar (a
 * ten-year range's fifth predecessor starts in the 1960s): the trend then starts with the earliest
 * whole period that exists, rather than failing (or a partial period that would skew the forecast).
 * Pure and client-safe.
 */
export function trendPeriods(period: Period, n: number): Period[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid number of periods: ${n}`);
  const periods = [period];
  for (let step = 1; step < n; step++) {
    try {
      periods.unshift(shiftPeriod(period, -step));
    } catch (error) {
      // Earlier periods are further out of the calendar still.
      if (error instanceof RangeError) break;
      throw error;
    }
  }
  return periods;
}
