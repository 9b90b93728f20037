/**
 * `npm start`: the whole exchange on one machine. Starts the embedded PostgreSQL unless
 * DATABASE_URL is set, migrates and seeds it, builds the app when sources changed, serves it on
 * PORT (3000) and stops everything cleanly on Ctrl-C.
 */
import { freePort } from "./dev-db";
import {
  buildInBackground,
  buildIsStale,
  closeLibClients,
  localAuditChainKey,
  localAuthSecret,
  openDatabase,
  prepareDatabase,
  startNext,
} from "./lib/app";
import { DEMO_ACCOUNTS, runSeedCli } from "../prisma/seed";
import { DEMO_PASSWORD } from "../prisma/data/demo-password";

const log = (line: string) => console.log(`[techex] ${line}`);

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  await freePort(port).catch(() => {
    throw new Error(`Port ${port} is already in use. Stop the other program or run PORT=3001 npm start.`);
  });

  const database = await openDatabase("dev", log);
  let shuttingDown = false;
  // Filled once the web server starts; read by the signal handler.
  const running: { child?: ReturnType<typeof startNext> } = {};
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: stopping…`);
    running.child?.kill("SIGTERM");
    await database.stop();
    log("stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const url = `http://localhost:${port}`;
  // Emails queued while seeding (match notifications) link to this app.
  process.env.NEXTAUTH_URL ??= url;
  const auditChainKey = localAuditChainKey();
  await prepareDatabase(database, log);
  await runSeedCli(database.ownerUrl, process.argv);
  await closeLibClients();
  // Not spawnSync: Ctrl-C during the first build must reach our shutdown handler.
  if (!dev && buildIsStale()) await buildInBackground(log);

  const child = startNext({
    port,
    dev,
    env: {
      DATABASE_URL: database.url,
      AUTH_SECRET: localAuthSecret(),
      AUDIT_CHAIN_KEY: auditChainKey,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
    },
  });
  running.child = child;
  child.on("exit", (code) => {
    if (!shuttingDown) {
      log(`the web server exited (code ${code}).`);
      void database.stop().then(() => process.exit(code ?? 1));
    }
  });

  console.log(`
  Sàn Giao dịch Công nghệ Hà Nội — Hanoi Technology Exchange
  ▸ ${url}            (Tiếng Việt)
  ▸ ${url}/en         (English)

  Demo accounts (password: ${DEMO_PASSWORD})
${DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(24)} ${a.roles.join(", ")}`).join("\n")}

  Ctrl-C stops the app and the database.
`);
}

main().catch((error) => {
  console.error(`[techex] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
