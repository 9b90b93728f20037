import "server-only";
import type pg from "pg";
import { periodContaining, shiftPeriod } from "@/lib/calendar/periods";
import { pool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { liveItems, type MeasuredItem, type MeasuredSource } from "./durations";
import { contractFacts, matchFacts, registrationFacts } from "./facts";
import { rollupMonth, ROLLUP_SOURCES, ROLLUP_VERSION, type RollupMonth, type RollupSource } from "./rollups";
import { MODERATION_DECISIONS } from "./sql";

/**
 * The job `kpi.rollups` (lib/jobs/kpi-rollups.ts): writes the monthly rollups (./rollups.ts) of the
 * months that have been over for a day, and rewrites those a change made invalid (kpi_rollup_dirt)
 * or that were built with other definitions. Each month of each source is written in its own
 * REPEATABLE READ transaction: the month's figures, the rollup and the change log it clears are of
 * one snapshot, so a change committed meanwhile stays logged and its month stays live.
 */

/** A month is rolled up once it has been over this long (see the migration: uncommitted changes). */
export const CLOSED_FOR_MS = 24 * 60 * 60 * 1000;
// Arbitrary constant: one run at a time (pg-boss runs one; the bench and tests call this directly).
const LOCK_KEY = 7_303_2026;

const SQL_FACTS = { matches: matchFacts, contracts: contractFacts, registrations: registrationFacts } as const;

/** When each source's records start: no month before it needs a rollup. */
const FIRST_INSTANT: Record<RollupSource, string> = {
  matches: `SELECT min(created_at) AS first FROM matches`,
  contracts: `SELECT min(signed_at) AS first FROM contracts`,
  registrations: `SELECT least(min(filed_at), min(decided_at)) AS first FROM registrations`,
  moderation: `SELECT min(x.first) AS first FROM unnest($1::text[]) action
     CROSS JOIN LATERAL (SELECT min(occurred_at) AS first FROM audit_events a WHERE a.action = action.action) x`,
  registration_steps: `SELECT min(x.first) AS first FROM unnest($1::text[]) action
     CROSS JOIN LATERAL (SELECT min(occurred_at) AS first FROM audit_events a WHERE a.action = action.action) x`,
};
const FIRST_PARAMS: Record<RollupSource, unknown[]> = {
  matches: [],
  contracts: [],
  registrations: [],
  moderation: [MODERATION_DECISIONS],
  registration_steps: [["registration.request_papers", "registration.certify", "registration.refuse"]],
};

export interface RollupRun {
  /** Source/month rollups written. */
  readonly built: number;
  /** Another run held the lock: nothing done. */
  readonly skipped: boolean;
}

async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** Stores judged items counted by dimensions, event, working days and on time. */
async function insertItems(client: pg.PoolClient, source: MeasuredSource, month: string, items: MeasuredItem[]) {
  const counts = new Map<string, { item: MeasuredItem; n: number }>();
  for (const item of items) {
    const key = JSON.stringify([item.field, item.district, item.orgType, item.event, item.workingDays, item.onTime]);
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { item, n: 1 });
  }
  const rows = [...counts.values()];
  if (!rows.length) return;
  await client.query(
    `INSERT INTO kpi_rollup_rows (source, month, field, district, org_type, metric, measure, met, n)
     SELECT $1, $2::date, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::boolean[], $9::int[])`,
    [
      source,
      month,
      rows.map((r) => r.item.field),
      rows.map((r) => r.item.district),
      rows.map((r) => r.item.orgType),
      rows.map((r) => r.item.event),
      rows.map((r) => r.item.workingDays),
      rows.map((r) => r.item.onTime),
      rows.map((r) => r.n),
    ],
  );
}

/** Writes one month of one source, replacing what was there, and clears the changes it has seen. */
async function build(client: pg.PoolClient, source: RollupSource, month: RollupMonth) {
  await inTransaction(client, async () => {
    await client.query(`DELETE FROM kpi_rollup_months WHERE source = $1 AND month = $2::date`, [source, month.key]);
    await client.query(`INSERT INTO kpi_rollup_months (source, month, version) VALUES ($1, $2::date, $3)`, [
      source,
      month.key,
      ROLLUP_VERSION,
    ]);
    const ranges = [month];
    if (source === "moderation" || source === "registration_steps") {
      const query = async <T>(sql: Prisma.Sql) => (await client.query(sql.text, sql.values)).rows as T[];
      await insertItems(client, source, month.key, await liveItems(source, ranges, query));
    } else {
      const sql = Prisma.sql`
        INSERT INTO kpi_rollup_rows (source, month, field, district, org_type, metric, measure, met, n, amount)
        SELECT ${source}, ${month.key}::date, f.* FROM (${SQL_FACTS[source](ranges, {})}) f`;
      await client.query(sql.text, sql.values);
    }
    await client.query(`DELETE FROM kpi_rollup_dirt WHERE source = $1 AND month = $2::date`, [source, month.key]);
  });
}

/** The months of `source` to write: over for a day, from its first record, not validly rolled up. */
async function monthsToBuild(client: pg.PoolClient, source: RollupSource, now: Date): Promise<RollupMonth[]> {
  const { rows } = await client.query<{ first: Date | null }>(FIRST_INSTANT[source], FIRST_PARAMS[source]);
  const first = rows[0]?.first;
  if (!first) return [];
  const valid = new Set(
    (
      await client.query<{ month: string }>(
        `SELECT to_char(c.month, 'YYYY-MM-DD') AS month FROM kpi_rollup_months c
          WHERE c.source = $1 AND c.version = $2
            AND NOT EXISTS (SELECT 1 FROM kpi_rollup_dirt d WHERE d.source = c.source AND d.month = c.month)`,
        [source, ROLLUP_VERSION],
      )
    ).rows.map((row) => row.month),
  );
  const months: RollupMonth[] = [];
  const closedBy = now.getTime() - CLOSED_FOR_MS;
  for (let month = periodContaining("month", first); month.to.getTime() <= closedBy; month = shiftPeriod(month, 1)) {
    const candidate = rollupMonth(month);
    if (!valid.has(candidate.key)) months.push(candidate);
  }
  return months;
}

/**
 * Brings the rollups up to date: forgets those of other definitions or made invalid by a change of
 * every month ('*'), drops the change log of months without a rollup (nothing to invalidate), then
 * writes every month over for a day that has no valid rollup.
 */
export async function refreshKpiRollups(options: { log?: (line: string) => void } = {}): Promise<RollupRun> {
  const client = await pool().connect();
  try {
    const { rows: locked } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
    if (!locked[0]?.ok) return { built: 0, skipped: true };
    try {
      await inTransaction(client, async () => {
        const { rowCount } = await client.query(`DELETE FROM kpi_rollup_dirt WHERE source = '*'`);
        if (rowCount) await client.query(`DELETE FROM kpi_rollup_months`);
        else await client.query(`DELETE FROM kpi_rollup_months WHERE version <> $1`, [ROLLUP_VERSION]);
      });
      await client.query(`DELETE FROM kpi_rollup_dirt d WHERE d.source <> '*'
        AND NOT EXISTS (SELECT 1 FROM kpi_rollup_months c WHERE c.source = d.source AND c.month = d.month)`);
      const { rows } = await client.query<{ now: Date }>("SELECT now() AS now");
      let built = 0;
      for (const source of ROLLUP_SOURCES) {
        for (const month of await monthsToBuild(client, source, rows[0]!.now)) {
          await build(client, source, month);
          built++;
        }
      }
      if (built) options.log?.(`kpi rollups: ${built} source-months written`);
      return { built, skipped: false };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
