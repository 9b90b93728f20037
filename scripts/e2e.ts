/**
 * `npm run test:e2e`: a throw-away database (embedded, or on DATABASE_URL's server), migrated and
 * seeded with the demo data; the production build served by `next start`; Playwright driving
 * Debian's Chromium against it. Everything is torn down at the end.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { freePort } from "./dev-db";
import { build, buildIsStale, closeLibClients, openDatabase, prepareDatabase, startNext, waitForHealth } from "./lib/app";
import { runSeedCli } from "../prisma/seed";

const log = (line: string) => console.log(`[e2e] ${line}`);

async function main() {
  const database = await openDatabase("e2e", log);
  let server: ReturnType<typeof startNext> | undefined;
  let status = 1;
  try {
    // A throw-away key: the seed's audit events and the app's must share it.
    process.env.AUDIT_CHAIN_KEY = "e2e-audit-chain-key-e2e-audit-chain-key-0123";
    await prepareDatabase(database, log);
    await runSeedCli(database.ownerUrl, ["--demo"]);
    await closeLibClients();
    if (buildIsStale()) build(log);
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
        STORAGE_DIR: path.join(".data", `e2e-uploads-${process.pid}`),
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
    const result = spawnSync(path.join("node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, BASE_URL: baseUrl, E2E_DATABASE_URL: database.url, E2E_DATABASE_OWNER_URL: database.ownerUrl },
    });
    status = result.status ?? 1;
    if (status !== 0 && serverLog.trim()) console.error(`\n--- server log ---\n${serverLog.slice(-8000)}`);
  } finally {
    server?.kill("SIGTERM");
    await database.stop();
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
