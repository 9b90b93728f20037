/**
 * Runs once when a Next.js server starts. It starts the background jobs (pg-boss) inside the web
 * process, so `npm start` alone runs the whole exchange. With several app instances, or to keep
 * jobs apart, set JOBS_IN_PROCESS=false and run `npm run worker` instead (pg-boss makes the two
 * setups safe together: each scheduled run is worked once).
 */
import type { Instrumentation } from "next";

/**
 * Unexpected server errors (pages, route handlers, server actions, the proxy) as one JSON line with
 * the request id the audit events carry, so a user's report and the log meet.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // Every route of the exchange runs on Node.js; the guard keeps node:crypto (the proxy mark, via
  // lib/auth/client-ip.ts) out of the Edge build of this file, which Next compiles too.
  if (process.env.NEXT_RUNTIME !== "nodejs") {
    console.error(JSON.stringify({ level: "error", event: "request_error", runtime: process.env.NEXT_RUNTIME }));
    return;
  }
  const { requestErrorLine } = await import("./lib/observability/request-error");
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  console.error(
    requestErrorLine(
      error,
      { request, context },
      { hops: Number.isInteger(hops) ? hops : 0, secret: process.env.AUTH_SECRET },
    ),
  );
};

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
