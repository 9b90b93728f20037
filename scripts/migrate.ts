/**
 * Applies prisma/migrations/<name>/migration.sql in order.
 *
 * Why not `prisma migrate deploy`: with the driver-adapter ("js") engine that works offline, Prisma
 * 6.19's schema engine reads catalog columns of type `name`, which @prisma/adapter-pg cannot decode
 * ("Column type 'name' could not be deserialized", prisma/orm#27403). This runner keeps Prisma's
 * migration folder layout and `_prisma_migrations` table format (sha256 checksums), so the same
 * history remains readable by Prisma's own tooling wherever its native engine is available.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Arbitrary constant: serializes concurrent runners (several app instances starting at once).
const LOCK_KEY = 7_301_2026;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** The migration folders, sorted by name (their timestamp prefix). */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

/** Applies pending migrations; returns the names applied. Refuses if an applied one was edited. */
export async function migrate(connectionString: string, log: (line: string) => void = () => {}) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row]));
    for (const migration of readMigrations()) {
      const previous = done.get(migration.name);
      if (previous) {
        if (!previous.finished_at) {
          throw new MigrationError(
            `Migration ${migration.name} started earlier but never finished; inspect the database.`,
          );
        }
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied. Never edit applied migrations; add a new one.`,
          );
        }
        continue;
      }
      log(`applying migration ${migration.name}`);
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(err as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}
