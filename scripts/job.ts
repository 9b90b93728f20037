/**
 * `npm run job -- <name>`: runs one registered job (lib/jobs/registry.ts) once, now, against
 * DATABASE_URL, and prints what it did — for an operator who needs a run before the next tick (and
 * for the e2e tests, which run the deal expiry inside a test). `npm run job` alone lists the jobs.
 */
import { JOBS } from "@/lib/jobs/registry";
import { closeLibClients, localAuditChainKey } from "./lib/app";

async function main() {
  const name = process.argv[2];
  const job = JOBS.find((j) => j.name === name);
  if (!job) {
    console.error(`usage: npm run job -- <name>\njobs: ${JOBS.map((j) => j.name).join(", ")}`);
    process.exit(name ? 1 : 0);
  }
  if (!process.env.DATABASE_URL) {
    console.error("[job] DATABASE_URL is required: the job runs against an existing database.");
    process.exit(1);
  }
  // Jobs append audit events: outside production the key `npm start` generated is used.
  if (process.env.NODE_ENV !== "production") localAuditChainKey();
  const result = await job.handler();
  console.log(JSON.stringify({ job: job.name, result: result ?? null }));
}

main()
  .then(() => closeLibClients())
  .catch(async (error: unknown) => {
    console.error(`[job] ${error instanceof Error ? error.message : String(error)}`);
    await closeLibClients();
    process.exit(1);
  });
