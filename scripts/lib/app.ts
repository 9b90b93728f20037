/** Shared by `npm start`, the e2e runner and the benchmark: database, build and server plumbing. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedDb } from "../dev-db";
import { migrate } from "../migrate";

export const ROOT = process.cwd();
const BIN = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

export interface Database {
  url: string;
  embedded?: EmbeddedDb;
  stop(): Promise<void>;
}

/** Creates `name` on the server behind `serverUrl` when it does not exist yet. */
export async function ensureDatabaseExists(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * DATABASE_URL when set (used as is); otherwise the embedded server with its data in `.data/`.
 * `kind` "dev" keeps data between runs; the others are throw-away.
 */
export async function openDatabase(kind: "dev" | "e2e" | "bench", log: (line: string) => void): Promise<Database> {
  if (process.env.DATABASE_URL && kind === "dev") {
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  if (process.env.DATABASE_URL) {
    // A throw-away database on the given server, dropped afterwards.
    const name = `techex_${kind}_${process.pid}`;
    await ensureDatabaseExists(process.env.DATABASE_URL, name);
    const serverUrl = process.env.DATABASE_URL;
    return {
      url: withDatabase(serverUrl, name),
      stop: async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
        await client.end();
      },
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: defaultDataDir(kind),
    ephemeral: kind !== "dev",
    port: kind === "dev" && process.env.PG_PORT ? Number(process.env.PG_PORT) : undefined,
  });
  log(`PostgreSQL 15 (embedded) on 127.0.0.1:${embedded.port}, data in ${path.relative(ROOT, embedded.dataDir)}`);
  await ensureDatabaseExists(embedded.url("postgres"), "techex");
  return { url: embedded.url("techex"), embedded, stop: () => embedded.stop() };
}

export async function prepareDatabase(url: string, log: (line: string) => void) {
  const applied = await migrate(url, log);
  if (applied.length === 0) log("database schema up to date");
}

/** A stable local secret for sessions, kept in the git-ignored data folder. */
export function localAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(ROOT, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

const SOURCES = ["app", "components", "lib", "messages", "public", "next.config.ts", "package.json", "proxy.ts", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated") continue; // regenerated on every install; content is schema-derived
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when there is no production build or a source file changed since it was made. */
export function buildIsStale(): boolean {
  const marker = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(marker)) return true;
  const built = fs.statSync(marker).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

export function build(log: (line: string) => void) {
  log("building the web application (next build)…");
  const result = spawnSync(BIN("next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

export function startNext(options: { port: number; env: Record<string, string>; dev?: boolean; quiet?: boolean }): ChildProcess {
  const args = options.dev ? ["dev", "-p", String(options.port)] : ["start", "-p", String(options.port)];
  return spawn(BIN("next"), args, {
    stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
  });
}

/** Polls /api/health until the app answers with the database reachable. */
export async function waitForHealth(baseUrl: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
      lastError = `${response.status} ${await response.text()}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The app did not become healthy at ${baseUrl}: ${lastError}`);
}
