/**
 * Throw-away PostgreSQL clusters leave nothing behind: not after stop(), not when the server already
 * went down (Ctrl-C reaches the whole process group), not when the run is interrupted or killed
 * outright, and folders of dead runs are removed by the next one while live runs are left alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processAlive, removeStaleThrowAways, startEmbeddedPostgres, throwAwayDir } from "@/scripts/dev-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Not the project's .data: concurrent runs there must not be disturbed by this test.
const base = fs.mkdtempSync(path.join(os.tmpdir(), "techex-throwaway-"));
fs.chmodSync(base, 0o755); // the server runs as `postgres` when the tests run as root

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

async function until(check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

const serverPid = (dataDir: string) =>
  Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

/** A pid that belonged to a process which has exited since. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

/** A separate run that starts a throw-away cluster in `dataDir`, reports "ready", and then waits. */
function startRun(dataDir: string): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const script = path.join(base, `run-${path.basename(dataDir)}.mts`);
  fs.writeFileSync(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(path.join(ROOT, "scripts/dev-db.ts"))};
     import { onInterrupt } from ${JSON.stringify(path.join(ROOT, "scripts/lib/app.ts"))};
     const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, ephemeral: true });
     onInterrupt(() => db.stop(), (line) => console.log(line));
     console.log("ready");
     setInterval(() => {}, 1000);`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("ready") && resolve());
    child.on("exit", () => reject(new Error(`the run ended before it was ready:\n${output}`)));
  });
  return { child, output: () => output, ready };
}

describe("throw-away clusters", () => {
  it("stop() shuts the server down and deletes its folder", async () => {
    const dataDir = throwAwayDir("test", base);
    const db = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    expect(await accepts(db.port)).toBe(true);

    await db.stop();
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(await accepts(db.port)).toBe(false);
    await db.stop(); // a second stop (signal handler and finally block) is harmless
  }, 60_000);

  it("stop() still deletes the folder when the server already went down (Ctrl-C reaches it too)", async () => {
    const dataDir = throwAwayDir("bench", base);
    const db = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    const pid = serverPid(dataDir);
    process.kill(pid, "SIGINT");
    await until(() => !processAlive(pid));

    await db.stop();
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);

  it("an interrupted run (SIGTERM) stops its server, deletes its folder and exits with 143", async () => {
    const dataDir = path.join(base, "e2e-interrupted");
    const run = startRun(dataDir);
    await run.ready;
    const pid = serverPid(dataDir);

    run.child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => run.child.on("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(143);
    expect(run.output()).toContain("SIGTERM: stopping and cleaning up");
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(processAlive(pid)).toBe(false);
  }, 90_000);

  it("a run killed outright (SIGKILL) is cleaned up by its watchdog: server stopped, folder deleted", async () => {
    const dataDir = path.join(base, "e2e-killed");
    const run = startRun(dataDir);
    await run.ready;
    const pid = serverPid(dataDir);

    run.child.kill("SIGKILL");
    await until(() => !fs.existsSync(dataDir));
    await until(() => !processAlive(pid));
  }, 90_000);

  it("a new run removes the folders of dead runs on this host, and nothing else", async () => {
    const host = os.hostname().slice(0, 8);
    const dead = await deadPid();
    const folders = {
      deadCluster: `test-${dead}-${host}`,
      deadUploads: `e2e-uploads-${dead}`, // the older name, without the host
      deadTestUploads: `test-uploads-${dead}-${host}`,
      live: `bench-${process.pid}-${host}`,
      otherHost: `e2e-${dead}-elsewhere`, // its pid means nothing here
      dev: "postgres",
      uploads: "uploads",
      sharedTestUploads: "test-uploads", // the older name shared by all runs: removed only once idle
    };
    for (const name of Object.values(folders)) {
      fs.mkdirSync(path.join(base, name, "sub"), { recursive: true });
      fs.writeFileSync(path.join(base, name, "sub", "file"), "x");
    }

    const removed = await removeStaleThrowAways(base);
    expect(removed.sort()).toEqual([folders.deadCluster, folders.deadTestUploads, folders.deadUploads].sort());
    for (const name of removed) expect(fs.existsSync(path.join(base, name))).toBe(false);
    for (const name of [folders.live, folders.otherHost, folders.dev, folders.uploads, folders.sharedTestUploads]) {
      expect(fs.existsSync(path.join(base, name, "sub", "file"))).toBe(true);
    }

    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000);
    fs.utimesSync(path.join(base, folders.sharedTestUploads), elevenMinutesAgo, elevenMinutesAgo);
    expect(await removeStaleThrowAways(base)).toEqual([folders.sharedTestUploads]);
    for (const name of [folders.live, folders.otherHost, folders.dev, folders.uploads]) {
      expect(fs.existsSync(path.join(base, name, "sub", "file"))).toBe(true);
    }
  });

  it("a new run stops a server left running in a dead run's folder before deleting it", async () => {
    // A server whose run is gone (as after a SIGKILL, were there no watchdog): its folder names a dead pid.
    const dataDir = path.join(base, `e2e-${await deadPid()}-${os.hostname().slice(0, 8)}`);
    const db = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    const pid = serverPid(dataDir);

    expect(await removeStaleThrowAways(base)).toEqual([path.basename(dataDir)]);
    expect(processAlive(pid)).toBe(false);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(await accepts(db.port)).toBe(false);
    await db.stop(); // the server is gone already: returns at once
  }, 60_000);
});
