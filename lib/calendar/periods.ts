/**
 * Reporting periods of the performance console (issue #13 item 2): a month, a quarter, a year or a
 * custom range of whole days, each a half-open range [from, to) of instants cut at midnight in
 * Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving since 1975, so a fixed offset is
 * exact whatever the server's time zone). Pure and client-safe.
 *
 * Keys: "2026-11" (month), "2026-Q4" (quarter), "2026" (year), "2026-10-01..2026-11-15" (custom,
 * both days included). `KpiTarget.period` stores the first three (its column holds 10 characters,
 * so targets cannot be set on a custom range).
 */

export type PeriodKind = "month" | "quarter" | "year" | "custom";

export interface Period {
  readonly kind: PeriodKind;
  /** The canonical key (see above). */
  readonly key: string;
  /** First instant of the period: 00:00 in Vietnam on its first day. */
  readonly from: Date;
  /** First instant after the period: 00:00 in Vietnam on the day after its last day. */
  readonly to: Date;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Custom ranges are at most ten years long: enough for any review, bounded for the queries. */
export const MAX_CUSTOM_DAYS = 3660;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** 00:00 in Vietnam on year-month(1–12, may overflow)-day. */
function vnMidnight(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MS);
}

/** The Vietnamese calendar date of an instant as [year, month 1–12, day]. */
function vnParts(date: Date): [number, number, number] {
  const shifted = new Date(date.getTime() + VN_OFFSET_MS);
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dateKey = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
/** "YYYY-MM-DD" of the Vietnamese date of an instant. */
const vnDateOf = (date: Date) => dateKey(...vnParts(date));

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`Invalid year: ${year}`);
}

export function monthPeriod(year: number, month: number): Period {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  return {
    kind: "month",
    key: `${year}-${pad(month)}`,
    from: vnMidnight(year, month),
    to: vnMidnight(year, month + 1),
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  checkYear(year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`Invalid quarter: ${quarter}`);
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: "quarter",
    key: `${year}-Q${quarter}`,
    from: vnMidnight(year, first),
    to: vnMidnight(year, first + 3),
  };
}

export function yearPeriod(year: number): Period {
  checkYear(year);
  return { kind: "year", key: String(year), from: vnMidnight(year, 1), to: vnMidnight(year + 1, 1) };
}

/** Parses "YYYY-MM-DD" as a real calendar date: [y, m, d], or null. */
function parseDate(text: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return [y, m, d];
}

/** A custom range from the first to the last day, both included ("YYYY-MM-DD", Vietnamese dates). */
export function customPeriod(firstDay: string, lastDay: string): Period {
  const a = parseDate(firstDay);
  const b = parseDate(lastDay);
  if (!a || !b) throw new RangeError(`Invalid date range: ${firstDay}..${lastDay}`);
  checkYear(a[0]);
  checkYear(b[0]);
  const from = vnMidnight(a[0], a[1], a[2]);
  const to = vnMidnight(b[0], b[1], b[2] + 1);
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  if (days < 1 || days > MAX_CUSTOM_DAYS) throw new RangeError(`Invalid date range: ${firstDay}..${lastDay}`);
  return { kind: "custom", key: `${firstDay}..${lastDay}`, from, to };
}

/** The period a key names, or null when it is not a valid key (see the module comment). */
export function parsePeriodKey(key: string): Period | null {
  const text = key.trim();
  try {
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})$/.exec(text))) return yearPeriod(Number(m[1]));
    if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) return quarterPeriod(Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4})-(\d{2})$/.exec(text))) return monthPeriod(Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text))) return customPeriod(m[1]!, m[2]!);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  return null;
}

/** True when targets can be stored on the period (KpiTarget.period: months, quarters, years). */
export function isTargetPeriod(period: Period): boolean {
  return period.kind !== "custom";
}

/** The month, quarter or year (in Vietnam) that contains `date`. */
export function periodContaining(kind: Exclude<PeriodKind, "custom">, date: Date): Period {
  const [year, month] = vnParts(date);
  if (kind === "year") return yearPeriod(year);
  if (kind === "quarter") return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
  return monthPeriod(year, month);
}

/** The period of the same kind `steps` periods later (earlier when negative); a custom range moves by its length. */
export function shiftPeriod(period: Period, steps: number): Period {
  if (!Number.isInteger(steps)) throw new RangeError(`Invalid step: ${steps}`);
  const [year, month] = vnParts(period.from);
  switch (period.kind) {
    case "year":
      return yearPeriod(year + steps);
    case "quarter": {
      const index = year * 4 + Math.floor((month - 1) / 3) + steps;
      return quarterPeriod(Math.floor(index / 4), (index % 4) + 1);
    }
    case "month": {
      const index = year * 12 + (month - 1) + steps;
      return monthPeriod(Math.floor(index / 12), (index % 12) + 1);
    }
    case "custom": {
      const length = period.to.getTime() - period.from.getTime();
      const from = new Date(period.from.getTime() + steps * length);
      const to = new Date(period.to.getTime() + steps * length);
      return customPeriod(vnDateOf(from), vnDateOf(new Date(to.getTime() - DAY_MS)));
    }
  }
}

/** The period just before, of the same length: the previous month, quarter or year, or range. */
export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** The `n` periods ending with `period`, oldest first (for trends and the forecast). */
export function lastPeriods(period: Period, n: number): Period[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid number of periods: ${n}`);
  return Array.from({ length: n }, (_, i) => shiftPeriod(period, i - (n - 1)));
}

/** True once the whole period lies in the past. */
export function isFinished(period: Period, now: Date): boolean {
  return now.getTime() >= period.to.getTime();
}

/** The share of the period elapsed at `now`, from 0 (not started) to 1 (finished). */
export function elapsedShare(period: Period, now: Date): number {
  const length = period.to.getTime() - period.from.getTime();
  return Math.min(1, Math.max(0, (now.getTime() - period.from.getTime()) / length));
}

/** The first and last day of the period ("YYYY-MM-DD", Vietnamese dates), both included. */
export function periodDays(period: Period): { first: string; last: string } {
  return { first: vnDateOf(period.from), last: vnDateOf(new Date(period.to.getTime() - DAY_MS)) };
}
