import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { JOBS, type JobDefinition } from "./registry";

export const JOBS_SCHEMA = "pgboss";
export const JOBS_TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface StartJobsOptions {
  log?: (line: string) => void;
  /** How often idle workers look for work (pg-boss default 2 s; tests use less). */
  pollingIntervalSeconds?: number;
}

// One pg-boss per process, even when Next.js reloads modules in development or both
// instrumentation and a script ask for it: the promise lives on globalThis.
const globals = globalThis as unknown as { techexJobs?: Promise<PgBoss> };

const defaultLog = (line: string) => console.info(`[jobs] ${line}`);

async function runJob(job: JobDefinition, log: (line: string) => void) {
  const started = Date.now();
  try {
    const result = await job.handler();
    if (result !== undefined) log(`${job.name}: ${JSON.stringify(result)} (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    log(`${job.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    throw error;
  }
}

async function boot({ log = defaultLog, pollingIntervalSeconds }: StartJobsOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: JOBS_SCHEMA,
    application_name: "techex-jobs",
    max: 4,
  });
  boss.on("error", (error) => log(`pg-boss error: ${error.message}`));
  await boss.start();
  try {
    for (const job of JOBS) {
      // "stately": at most one run waiting and one running per job across every process, so a
      // slow run or a stopped worker never piles up a backlog of identical runs.
      await boss.createQueue(job.name, { name: job.name, policy: "stately", retryLimit: 0 });
      await boss.schedule(job.name, job.cron, {}, { tz: JOBS_TIME_ZONE });
      // pg-boss rejects an explicit `undefined` interval, so the option is only passed when set.
      const workOptions = pollingIntervalSeconds ? { pollingIntervalSeconds } : {};
      await boss.work(job.name, workOptions, async (runs) => {
        for (const _run of runs) await runJob(job, log);
      });
    }
    // A job removed from the registry must stop firing; its schedule would otherwise stay forever.
    for (const schedule of await boss.getSchedules()) {
      if (!JOBS.some((job) => job.name === schedule.name)) await boss.unschedule(schedule.name);
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  log(`started: ${JOBS.map((job) => `${job.name} (${job.cron})`).join(", ")}`);
  return boss;
}

/**
 * Starts pg-boss on DATABASE_URL (schema "pgboss"), creates a queue per registered job, schedules
 * it in Asia/Ho_Chi_Minh time and works it. Safe to call more than once: every call in a process
 * gets the same instance. Resolves to the running pg-boss (tests use it to send a job).
 */
export function startJobs(options: StartJobsOptions = {}): Promise<PgBoss> {
  globals.techexJobs ??= boot(options).catch((error: unknown) => {
    globals.techexJobs = undefined;
    throw error;
  });
  return globals.techexJobs;
}

/** Stops pg-boss if this process started it, letting running jobs finish (up to `timeout` ms). */
export async function stopJobs(options: { graceful?: boolean; timeout?: number } = {}): Promise<void> {
  const running = globals.techexJobs;
  if (!running) return;
  globals.techexJobs = undefined;
  const boss = await running.catch(() => null);
  await boss?.stop({ graceful: options.graceful ?? true, timeout: options.timeout ?? 20_000 });
}
