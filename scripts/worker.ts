/**
 * `npm run worker`: the background jobs (lib/jobs/registry.ts) in their own process, for
 * deployments that run the web app with JOBS_IN_PROCESS=false or want more job capacity. Any
 * number of workers may run against one database. Ctrl-C / SIGTERM lets running jobs finish first.
 */
import { startJobs, stopJobs } from "@/lib/jobs";
import { localAuditChainKey } from "./lib/app";

const log = (line: string) => console.log(`[worker] ${line}`);

async function closeDatabase() {
  // lib/db.ts keeps its clients on globalThis; close them so the process can exit cleanly.
  const g = globalThis as unknown as {
    prisma?: { $disconnect(): Promise<void> };
    pool?: { end(): Promise<void> };
    searchPool?: { end(): Promise<void> };
  };
  await Promise.allSettled([g.prisma?.$disconnect(), g.pool?.end(), g.searchPool?.end()]);
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      "[worker] DATABASE_URL is required: the worker joins an existing database, e.g.\n" +
        "  DATABASE_URL=postgresql://user:pass@host:5432/techex npm run worker",
    );
    process.exit(1);
  }
  // Jobs append audit events: outside production the key `npm start` generated is used.
  if (process.env.NODE_ENV !== "production") localAuditChainKey();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: letting running jobs finish…`);
    await stopJobs({ graceful: true, timeout: 30_000 }).catch((error: unknown) => log(`stop failed: ${String(error)}`));
    await closeDatabase();
    log("stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  await startJobs({ log });
}

main().catch(async (error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  await closeDatabase();
  process.exit(1);
});
