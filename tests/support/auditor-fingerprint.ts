/**
 * A fingerprint of the whole database (tests/integration/auditor-mutations.test.ts): for every
 * table and materialized view of every schema but PostgreSQL's own and pg-boss's, its row count
 * and the MD5 of its rows in a fixed order. Two equal fingerprints mean no row was added, removed
 * or changed in any column. Read through the owner's connection, which sees every table.
 */
import pg from "pg";

/** Schemas that are not the application's data: PostgreSQL's catalogs and the job queue's own. */
const SKIPPED_SCHEMAS = ["pg_catalog", "information_schema", "pgboss"];

export interface TableFingerprint {
  rows: number;
  md5: string;
}

export type Fingerprint = Record<string, TableFingerprint>;

/**
 * Rows left out of a table's fingerprint: a SQL condition on the row (`t`), per qualified table
 * name ("public.audit_events"). Each must be narrow and named: what it hides cannot fail the test.
 */
export type Exclusions = Record<string, string>;

export async function withOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table and materialized view the fingerprint covers, as "schema.table". */
export async function applicationTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%s.%s', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm')
        AND n.nspname <> ALL($1::text[])
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
      ORDER BY 1`,
    [SKIPPED_SCHEMAS],
  );
  return rows.map((r) => r.name);
}

export async function fingerprint(exclusions: Exclusions = {}): Promise<Fingerprint> {
  return withOwner(async (client) => {
    const tables = await applicationTables(client);
    const unknown = Object.keys(exclusions).filter((t) => !tables.includes(t));
    if (unknown.length > 0) throw new Error(`exclusions name tables that do not exist: ${unknown.join(", ")}`);
    const out: Fingerprint = {};
    for (const table of tables) {
      const [schema, name] = table.split(".") as [string, string];
      const from = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)} AS t`;
      // coalesce: a condition that is NULL for a row (a NULL column) keeps the row.
      const where = exclusions[table] ? `WHERE NOT coalesce((${exclusions[table]}), false)` : "";
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS md5
           FROM ${from} ${where}`,
      );
      out[table] = rows[0]!;
    }
    return out;
  });
}

/** The tables whose fingerprints differ, with their row counts before and after. */
export function changedTables(before: Fingerprint, after: Fingerprint): Record<string, string> {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return Object.fromEntries(
    names
      .filter((name) => before[name]?.md5 !== after[name]?.md5 || before[name]?.rows !== after[name]?.rows)
      .map((name) => [name, `${before[name]?.rows ?? "absent"} -> ${after[name]?.rows ?? "absent"} rows`]),
  );
}

/** Per table, how many rows were added (negative: removed). */
export function rowDelta(before: Fingerprint, after: Fingerprint): Record<string, number> {
  return Object.fromEntries(
    Object.keys(after)
      .map((name) => [name, after[name]!.rows - (before[name]?.rows ?? 0)] as const)
      .filter(([, delta]) => delta !== 0),
  );
}
