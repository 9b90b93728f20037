/**
 * Runs once when a Next.js server starts. It starts the background jobs (pg-boss) inside the web
 * process, so `npm start` alone runs the whole exchange. With several app instances, or to keep
 * jobs apart, set JOBS_IN_PROCESS=false and run `npm run worker` instead (pg-boss makes the two
 * setups safe together: each scheduled run is worked once).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.JOBS_IN_PROCESS === "false") return;
  try {
    const { startJobs } = await import("./lib/jobs");
    // Not awaited: the site must answer even while the database is still coming up, and a job
    // failure must never take the web server down with it.
    startJobs().catch((error: unknown) => {
      console.error("[jobs] background jobs did not start; the site keeps running without them:", error);
    });
  } catch (error) {
    console.error("[jobs] could not load the background jobs:", error);
  }
}
