import "server-only";
import { createHash } from "node:crypto";
import { FIXED_DATE_HOLIDAYS, HOLIDAYS } from "@/lib/calendar/holidays";
import { periodContaining, shiftPeriod, type Period } from "@/lib/calendar/periods";
import { DECISION_WORKING_DAYS, PAPERS_REQUEST_WORKING_DAYS } from "@/lib/deals/registration";
import { Prisma } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/db";
import { MODERATION_TARGET_WORKING_DAYS } from "./catalogue";
import { kpiQuery } from "./sql";

/**
 * Monthly rollups of the costliest flow figures (migration *_kpi_rollups, lib/kpi/README.md). A
 * source's statement reads the valid rollups of the months wholly inside the period and computes
 * the rest of the period live, from one snapshot, so every record is counted exactly once. The
 * live part is the very statement the job (./rollup-job.ts) runs to write a month's rollup, so a
 * rolled-up month and a live one give the same figures by construction.
 *
 * A rollup is valid when it was built with this code's definitions (ROLLUP_VERSION) and no change
 * was logged for its source and month since (kpi_rollup_dirt, written by triggers).
 */

export const ROLLUP_SOURCES = ["matches", "contracts", "registrations", "moderation", "registration_steps"] as const;
export type RollupSource = (typeof ROLLUP_SOURCES)[number];

/** Bump when what a rollup row holds changes: a rolled metric's definition, the rows' layout. */
const ROLLUP_FORMAT = 1;

/**
 * The definitions a rollup was built with: the format, and the data the working days and "on time"
 * are judged with (a new year's holidays change past months' figures, and so would a new target).
 */
export const ROLLUP_VERSION = `${ROLLUP_FORMAT}-${createHash("sha256")
  .update(
    JSON.stringify([
      HOLIDAYS,
      FIXED_DATE_HOLIDAYS,
      MODERATION_TARGET_WORKING_DAYS,
      PAPERS_REQUEST_WORKING_DAYS,
      DECISION_WORKING_DAYS,
    ]),
  )
  .digest("hex")
  .slice(0, 16)}`;

export interface RollupMonth {
  /** The month's first day, "YYYY-MM-01" (kpi_rollup_months.month). */
  readonly key: string;
  readonly from: Date;
  readonly to: Date;
}

export const rollupMonth = (month: Period): RollupMonth => ({ key: `${month.key}-01`, from: month.from, to: month.to });

/** The calendar months (Vietnam) wholly inside [from, to), oldest first. */
export function monthsWithin(from: Date, to: Date): RollupMonth[] {
  const months: RollupMonth[] = [];
  let month = periodContaining("month", from);
  if (month.from.getTime() < from.getTime()) month = shiftPeriod(month, 1);
  while (month.to.getTime() <= to.getTime()) {
    months.push(rollupMonth(month));
    if (month.key.startsWith("2100-12")) break; // the calendar's last month
    month = shiftPeriod(month, 1);
  }
  return months;
}

/** A range of instants [from, to). */
export interface Range {
  readonly from: Date;
  readonly to: Date;
}

/**
 * How a source's statement reads a window: the months whose valid rollup it reads (`rolled`, keys
 * "YYYY-MM-01") and the ranges it computes live (`live`: the rest of the window, oldest first).
 */
export interface CoveragePlan {
  readonly rolled: readonly string[];
  readonly live: readonly Range[];
}

/** The window without the months rolled up. */
function liveRanges(w: Range, rolled: readonly RollupMonth[]): Range[] {
  const ranges: Range[] = [];
  let from = w.from;
  for (const month of rolled) {
    if (month.from.getTime() > from.getTime()) ranges.push({ from, to: month.from });
    from = month.to;
  }
  if (from.getTime() < w.to.getTime()) ranges.push({ from, to: w.to });
  return ranges;
}

/**
 * Runs `statement` (built for the plan) for `source` over the window: the months of the window with
 * a valid rollup are read from it, the rest computed live. The coverage is read in the statement's
 * snapshot (one REPEATABLE READ transaction), so a change committed meanwhile is in neither part or
 * its month is live: every record is counted once, as of one moment. `rollups` false: the plain
 * computation (the whole window live).
 */
export async function withCoverage<T>(
  source: RollupSource,
  w: Range,
  rollups: boolean,
  statement: (plan: CoveragePlan) => Prisma.Sql,
): Promise<T[]> {
  const months = rollups ? monthsWithin(w.from, w.to) : [];
  if (!months.length) return kpiQuery<T>(statement({ rolled: [], live: [w] }));
  const client = await pool().connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const { rows } = await client.query<{ month: string }>(
        `SELECT to_char(c.month, 'YYYY-MM-DD') AS month FROM kpi_rollup_months c
          WHERE c.source = $1 AND c.month = ANY($2::date[]) AND c.version = $3
            AND NOT EXISTS (SELECT 1 FROM kpi_rollup_dirt d WHERE d.source = c.source AND d.month = c.month)
            AND NOT EXISTS (SELECT 1 FROM kpi_rollup_dirt d WHERE d.source = '*')`,
        [source, months.map((m) => m.key), ROLLUP_VERSION],
      );
      const valid = new Set(rows.map((row) => row.month));
      const rolled = months.filter((m) => valid.has(m.key));
      const sql = statement({ rolled: rolled.map((m) => m.key), live: liveRanges(w, rolled) });
      const result = await client.query(sql.text, sql.values);
      await client.query("COMMIT");
      return result.rows as T[];
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

/** `column` (an instant) within one of the ranges (false for none): plain bounds, for the planner. */
export function inRanges(column: Prisma.Sql, ranges: readonly Range[]): Prisma.Sql {
  if (!ranges.length) return Prisma.sql`false`;
  return Prisma.sql`(${Prisma.join(
    ranges.map((r) => Prisma.sql`(${column} >= ${r.from} AND ${column} < ${r.to})`),
    " OR ",
  )})`;
}

/** The fact rows of `source`'s rollups of the months given (./facts.ts: the same columns). */
export const rolledFacts = (source: RollupSource, months: readonly string[]) =>
  Prisma.sql`SELECT r.field, r.district, r.org_type, r.metric, r.measure, r.met, r.n, r.amount
    FROM kpi_rollup_rows r WHERE r.source = ${source} AND r.month = ANY(${months}::date[])`;
