/**
 * Gives each integration test file its own database, copied from the migrated template, so files
 * run in parallel without seeing each other's rows.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { withDatabase } from "./urls";

const serverUrl = inject("dbServerUrl");
const template = inject("dbTemplate");
const appServerUrl = inject("dbAppServerUrl");
const uploadsRoot = inject("uploadsRoot");
const name = `techex_t_${randomBytes(5).toString("hex")}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
await admin.end();

// lib code connects as the unprivileged app role; a test that must tamper uses the owner's URL.
process.env.DATABASE_URL = withDatabase(appServerUrl, name);
process.env.DATABASE_OWNER_URL = withDatabase(serverUrl, name);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.AUDIT_CHAIN_KEY ??= "test-audit-chain-key-test-audit-chain-key-01";
process.env.STORAGE_DIR = path.join(uploadsRoot, name);

afterAll(async () => {
  const g = globalThis as unknown as {
    prisma?: { $disconnect(): Promise<void> };
    pool?: pg.Pool;
    searchPool?: pg.Pool;
  };
  await g.prisma?.$disconnect();
  await g.pool?.end();
  await g.searchPool?.end();
  g.prisma = undefined;
  g.pool = undefined;
  g.searchPool = undefined;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
  fs.rmSync(process.env.STORAGE_DIR!, { recursive: true, force: true });
});
