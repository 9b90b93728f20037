/** Shared by `npm start`, the e2e runner and the benchmark: database, build and server plumbing. */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { defaultDataDir, removeStaleThrowAways, startEmbeddedPostgres, type EmbeddedDb } from "../dev-db";
import { migrate } from "../migrate";
import { isPrivilegedConnection, provisionAppRole } from "./db-roles";

export const ROOT = process.cwd();
const BIN = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

export interface Database {
  /** What the application connects with: the unprivileged app role once `prepareDatabase` ran. */
  url: string;
  /** The owner's connection: migrations and seeds. */
  ownerUrl: string;
  /** Password for the app login role this run provisions; unset: use `url` as given. */
  appPassword?: string;
  embedded?: EmbeddedDb;
  stop(): Promise<void>;
}

// The embedded server only ever listens on 127.0.0.1, like its owner's fixed password (dev-db.ts).
const EMBEDDED_APP_PASSWORD = "techex-web-local";

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
 * `kind` "dev" keeps data between runs; the others are throw-away, removed by `stop()` (and, for an
 * embedded cluster, on exit or by a watchdog when the process is killed). A throw-away run first
 * removes what earlier runs, killed before they could clean up, left in `.data/`.
 */
export async function openDatabase(
  kind: "dev" | "e2e" | "bench" | "load" | "migration",
  log: (line: string) => void,
): Promise<Database> {
  if (kind !== "dev") {
    const removed = await removeStaleThrowAways(path.join(ROOT, ".data"));
    if (removed.length)
      log(`removed what earlier, interrupted runs left: ${removed.map((name) => `.data/${name}`).join(", ")}`);
  }
  if (process.env.DATABASE_URL && kind === "dev") {
    // Given databases are used as configured: the app as DATABASE_URL, migrations as the owner.
    return {
      url: process.env.DATABASE_URL,
      ownerUrl: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL,
      stop: async () => {},
    };
  }
  if (process.env.DATABASE_URL) {
    // A throw-away database on the given server, dropped afterwards.
    const name = `techex_${kind}_${process.pid}`;
    const serverUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
    await ensureDatabaseExists(serverUrl, name);
    return {
      url: withDatabase(serverUrl, name),
      ownerUrl: withDatabase(serverUrl, name),
      appPassword: randomBytes(18).toString("base64url"),
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
  return {
    url: embedded.url("techex"),
    ownerUrl: embedded.url("techex"),
    appPassword: EMBEDDED_APP_PASSWORD,
    embedded,
    stop: () => embedded.stop(),
  };
}

/**
 * Migrates as the owner, then points `database.url` at the unprivileged app role (provisioned here
 * for the embedded and throw-away databases). Warns when the app would run with owner rights.
 */
export async function prepareDatabase(database: Database, log: (line: string) => void) {
  const applied = await migrate(database.ownerUrl, log);
  if (applied.length === 0) log("database schema up to date");
  if (database.appPassword) {
    try {
      database.url = await provisionAppRole(database.ownerUrl, database.appPassword, log);
    } catch (error) {
      if (database.embedded) throw error;
      log(
        `could not create the application's database role (${(error as Error).message}); the app uses the owner role`,
      );
    }
  }
  if (await isPrivilegedConnection(database.url)) {
    log(
      "WARNING: the application connects as a superuser or the schema owner, which could rewrite the audit log. " +
        "Point DATABASE_URL at a member of techex_app and DATABASE_OWNER_URL at the owner (README, SECURITY.md).",
    );
  }
}

/**
 * Closes the database clients lib/db.ts keeps on globalThis (the seed computes matches through lib),
 * so stopping the embedded server afterwards does not kill their idle connections under us: an
 * unhandled pool error would end this process with a failure after everything passed.
 */
export async function closeLibClients() {
  const g = globalThis as unknown as {
    prisma?: { $disconnect(): Promise<void> };
    pool?: { end(): Promise<void> };
    searchPool?: { end(): Promise<void> };
  };
  await Promise.allSettled([g.prisma?.$disconnect(), g.pool?.end(), g.searchPool?.end()]);
  g.prisma = undefined;
  g.pool = undefined;
  g.searchPool = undefined;
}

/** A secret generated once into the git-ignored data folder (readable by its owner only). */
function localSecret(name: string): string {
  const file = path.join(ROOT, ".data", name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** A stable local secret for sessions, kept in the git-ignored data folder. */
export function localAuthSecret(): string {
  return process.env.AUTH_SECRET ?? localSecret("auth-secret");
}

/**
 * The audit chain's HMAC key: AUDIT_CHAIN_KEY, or for the embedded default one generated into
 * `.data/audit-chain-key` (outside the database, as it must be). Also set in this process's
 * environment, so that the seed's audit events are keyed with it.
 */
export function localAuditChainKey(): string {
  process.env.AUDIT_CHAIN_KEY ??= localSecret("audit-chain-key");
  return process.env.AUDIT_CHAIN_KEY;
}

const SOURCES = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "next.config.ts",
  "package.json",
  "proxy.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

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

/**
 * `next build`, without blocking this process while it runs: under tsx a process whose event loop is busy
 * when Ctrl-C arrives is killed outright (it cannot acknowledge the signal), before any clean-up.
 */
export async function buildInBackground(log: (line: string) => void, started?: (child: ChildProcess) => void) {
  log("building the web application (next build)…");
  const child = spawn(BIN("next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  started?.(child); // so that an interrupted run can stop the build too
  if ((await exitOf(child)) !== 0) throw new Error("next build failed");
}

/** Resolves with the child's exit code (128 + n when a signal ended it; 1 when it could not start). */
export function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("error", () => resolve(1));
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 1)));
  });
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `cleanup` once when the run is interrupted (Ctrl-C, SIGTERM, a closed terminal), then exits
 * with 128 + the signal's number, as shells expect. A second signal while cleaning up exits at once
 * (exit hooks still remove throw-away clusters). Returns a function that removes the handlers.
 */
export function onInterrupt(cleanup: (signal: NodeJS.Signals) => Promise<void> | void, log: (line: string) => void) {
  let cleaning = false;
  const handler = (signal: NodeJS.Signals) => {
    const code = 128 + (os.constants.signals[signal] ?? 0);
    if (cleaning) process.exit(code);
    cleaning = true;
    log(`${signal}: stopping and cleaning up…`);
    // Ctrl-C stops PostgreSQL too: open pools now fail with "terminating connection". Those errors
    // are expected from here on and must not end the process before the clean-up has finished.
    process.on("uncaughtException", () => {});
    void Promise.resolve()
      .then(() => cleanup(signal))
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(code));
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
}

/**
 * Where `next start` keeps the pages and API answers it cached at run time (ISR, the data cache).
 * They describe the database of the run that wrote them, so each start begins without them.
 */
export const RUNTIME_CACHE_DIRS = [
  path.join(".next", "server", "route-cache"),
  path.join(".next", "cache", "fetch-cache"),
];

/** Removes the run-time page and data cache left by an earlier `next start` (the build stays). */
export function clearRuntimeCache(root = ROOT) {
  for (const dir of RUNTIME_CACHE_DIRS) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
}

/** See startNext. */
const KEEP_ALIVE_MS = 65_000;

export function startNext(options: {
  port: number;
  env: Record<string, string>;
  dev?: boolean;
  quiet?: boolean;
}): ChildProcess {
  // A cached page from another run would show another database's content (a demo reseeded, an e2e
  // or load run's throw-away data). One instance per checkout here; several instances share
  // nothing through this folder in production (README "Caching").
  if (!options.dev) clearRuntimeCache();
  // Idle keep-alive connections are kept longer than a load balancer's or client's own idle timeout
  // (60 s at most commonly): with Node's default 5 s, a request sent on a connection the server is
  // just closing fails with ECONNRESET (a 502 behind a proxy; seen in e2e).
  const args = options.dev
    ? ["dev", "-p", String(options.port)]
    : ["start", "-p", String(options.port), "--keepAliveTimeout", String(KEEP_ALIVE_MS)];
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

/** A positive whole number from the environment variable `name`, or `fallback` when it is unset. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}
