/**
 * `npm run test:e2e`: a throw-away database (embedded, or on DATABASE_URL's server), migrated and
 * seeded with the demo data; the production build served by `next start`; Playwright driving
 * Debian's Chromium against it. Everything is torn down at the end, also after a failure or an
 * interruption (Ctrl-C, SIGTERM): the app, the database and the run's upload folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, reapWhenGone, throwAwayDir } from "./dev-db";
import {
  buildInBackground,
  buildIsStale,
  closeLibClients,
  exitOf,
  onInterrupt,
  openDatabase,
  prepareDatabase,
  startNext,
  waitForHealth,
} from "./lib/app";
import { runSeedCli } from "../prisma/seed";

const log = (line: string) => console.log(`[e2e] ${line}`);

async function main() {
  const database = await openDatabase("e2e", log);
  const uploads = throwAwayDir("e2e-uploads");
  reapWhenGone([uploads]);
  let builder: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  let playwright: ChildProcess | undefined;
  // Everything this run started, in the order it must go; safe to run twice.
  const tearDown = async () => {
    builder?.kill("SIGTERM");
    playwright?.kill("SIGINT");
    server?.kill("SIGTERM");
    await database.stop();
    fs.rmSync(uploads, { recursive: true, force: true });
  };
  // Synchronous last resort (process.exit from anywhere): the app server must not outlive the run.
  const killChildren = () => {
    builder?.kill("SIGKILL");
    playwright?.kill("SIGKILL");
    server?.kill("SIGKILL");
    fs.rmSync(uploads, { recursive: true, force: true });
  };
  process.on("exit", killChildren);
  onInterrupt(tearDown, log);
  let status = 1;
  try {
    // A throw-away key: the seed's audit events and the app's must share it.
    process.env.AUDIT_CHAIN_KEY = "e2e-audit-chain-key-e2e-audit-chain-key-0123";
    await prepareDatabase(database, log);
    await runSeedCli(database.ownerUrl, ["--demo"]);
    await closeLibClients();
    if (buildIsStale()) await buildInBackground(log, (child) => (builder = child));
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    server = startNext({
      port,
      quiet: true,
      env: {
        DATABASE_URL: database.url,
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
        AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY,
        NEXTAUTH_URL: baseUrl,
        STORAGE_DIR: path.relative(process.cwd(), uploads),
      },
    });
    let serverLog = "";
    server.stdout?.on("data", (chunk) => (serverLog += chunk));
    server.stderr?.on("data", (chunk) => (serverLog += chunk));
    await waitForHealth(baseUrl).catch((error) => {
      console.error(serverLog);
      throw error;
    });
    log(`app ready at ${baseUrl}`);
    // Not spawnSync: this process must stay responsive to signals while the browsers run.
    playwright = spawn(path.join("node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: {
        ...process.env,
        BASE_URL: baseUrl,
        E2E_DATABASE_URL: database.url,
        E2E_DATABASE_OWNER_URL: database.ownerUrl,
      },
    });
    status = await exitOf(playwright);
    if (status !== 0 && serverLog.trim()) {
      // The failing request's error is usually far from the end (mail logs follow it): every error
      // line of the whole run first, then the tail.
      const errors = serverLog
        .split("\n")
        .filter((line) => /"level":"error"|\berror\b|⨯|Error:/i.test(line) && !line.startsWith("[mail]"))
        .slice(-60);
      if (errors.length > 0) console.error(`\n--- server errors ---\n${errors.join("\n")}`);
      console.error(`\n--- server log ---\n${serverLog.slice(-8000)}`);
    }
  } finally {
    await tearDown();
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
