/**
 * `npm run load`: how many visitors the built app serves at once (issue #11). A throw-away database
 * with LOAD_SIZE (default 100,000) generated offers and as many demands (deterministic from
 * LOAD_SEED, default 42) and three members who can sign in; the production build (rebuilt when
 * stale) served by `next start`; then, one after another in the same run, each after a short
 * warm-up, LOAD_SECONDS (default 20) of autocannon at LOAD_CONNECTIONS (default 50) on: a static JS
 * chunk, the mixed public workload and the signed-in workload (scripts/load/workload.ts). Prints a
 * table, the issue's targets with pass/fail marks, and as the very last line one JSON object.
 * Missing a target never fails the run; only a crash does. The database and the server are removed
 * at the end, also after a crash or Ctrl-C.
 *
 * LOAD_SERVE=1 prepares the same database and server, prints what a person needs to profile a page
 * by hand (the URL, the members' cookies, sample slugs), runs no workload and serves until Ctrl-C.
 * LOAD_SERVER_NODE_OPTIONS goes to the server's NODE_OPTIONS, e.g. `--inspect` to record a CPU profile
 * in Chrome DevTools (Node refuses `--cpu-prof` there; run `node --cpu-prof node_modules/next/dist/bin/next
 * start` against the printed database instead).
 *
 * Requests carry no Accept-Encoding, like the issue's measurements (LOAD_GZIP=1 asks for gzip as
 * browsers do). autocannon runs in this process, on the same cores as the server.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { freePort } from "./dev-db";
import { stream } from "./bench/prng";
import {
  buildInBackground,
  buildIsStale,
  closeLibClients,
  envInt,
  onInterrupt,
  openDatabase,
  prepareDatabase,
  startNext,
  waitForHealth,
} from "./lib/app";
import { runWorkload, type RunOptions } from "./load/cannon";
import { report, summarize, type HtmlSizes } from "./load/report";
import { fillDatabase } from "./bench/insert";
import { analyze, createMembers, matchAndNotify, readLoadData } from "./load/seed";
import { signIn } from "./load/session";
import { picker, PUBLIC_WORKLOAD, SIGNED_IN_WORKLOAD, type LoadData } from "./load/workload";

const log = (line: string) => console.log(`[load] ${line}`);

/** The last `max` characters of a child's output: shown when something goes wrong. */
function tail(child: ChildProcess, max = 20_000) {
  let text = "";
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-max));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text;
}

/** Uncompressed size of the anonymous HTML of home, the technologies catalog and one detail page. */
async function htmlSizes(baseUrl: string, detailSlug: string): Promise<HtmlSizes> {
  const size = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { "accept-encoding": "identity" } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.arrayBuffer()).byteLength;
  };
  return {
    home: await size("/"),
    catalog: await size("/technologies"),
    detail: await size(`/technologies/${detailSlug}`),
  };
}

/** Sample slugs of each kind the workloads draw from: something to open or profile by hand. */
function samples(data: LoadData, count = 3): string[] {
  const few = (items: string[]) => items.slice(0, count).join(", ");
  return [
    `offers: ${few(data.offerSlugs)}  (/technologies/<slug>)`,
    `demands: ${few(data.demandSlugs)}  (/demands/<slug>)`,
    `organizations: ${few(data.organizationSlugs)}  (/organizations/<slug>)`,
    `experts: ${few(data.expertSlugs)}  (/experts/<slug>)`,
  ];
}

/**
 * Serve mode: everything a person needs to request pages by hand, then wait until Ctrl-C (whose
 * handler, set up in main, tears the server and the database down).
 */
async function serveUntilInterrupted(baseUrl: string, databaseUrl: string, data: LoadData): Promise<never> {
  log(`serving ${baseUrl} until Ctrl-C (LOAD_SERVE=1: no workload runs)`);
  // A throw-away local cluster: a second server (say under `node --cpu-prof`) may use it meanwhile.
  log(`database (the app's role): ${databaseUrl}`);
  for (const user of data.users) log(`cookie of ${user.email} (${user.roles.join("+")}): ${user.cookie}`);
  for (const line of samples(data)) log(`sample ${line}`);
  log(
    `e.g. curl -s -o /dev/null -w '%{time_total} s %{size_download} B\\n' ${baseUrl}/technologies/${data.offerSlugs[0] ?? ""}`,
  );
  return new Promise<never>(() => {});
}

/** The first JS chunk the home page loads, as a browser fetches it right after the HTML. */
async function staticChunk(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const chunk = /\/_next\/static\/chunks\/[^"'\s?]+\.js/.exec(html)?.[0];
  if (!chunk) throw new Error("the home page references no /_next/static/chunks/*.js file");
  return chunk;
}

async function main() {
  const size = envInt("LOAD_SIZE", 100_000);
  const seed = envInt("LOAD_SEED", 42);
  const connections = envInt("LOAD_CONNECTIONS", 50);
  const seconds = envInt("LOAD_SECONDS", 20);
  const warmupSeconds = envInt("LOAD_WARMUP_SECONDS", 3);
  const gzip = process.env.LOAD_GZIP === "1";
  const serve = process.env.LOAD_SERVE === "1";
  const serverNodeOptions = process.env.LOAD_SERVER_NODE_OPTIONS;
  // Throw-away secrets: this run's audit events (written here and by the app) share the key.
  process.env.AUDIT_CHAIN_KEY = randomBytes(36).toString("base64url");
  const authSecret = randomBytes(36).toString("base64url");

  const database = await openDatabase("load", log);
  let builder: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  const tearDown = async () => {
    builder?.kill("SIGTERM");
    server?.kill("SIGTERM");
    await closeLibClients();
    await database.stop();
  };
  // Synchronous last resort (process.exit from anywhere): the app server must not outlive the run.
  process.on("exit", () => {
    builder?.kill("SIGKILL");
    server?.kill("SIGKILL");
  });
  onInterrupt(tearDown, log);

  let output: string;
  try {
    await prepareDatabase(database, log);
    // lib/env.ts reads DATABASE_URL once, on first use: the app role's connection to this database.
    process.env.DATABASE_URL = database.url;
    // The build (when stale) runs while the data is generated: both take minutes at the default size.
    const build = buildIsStale() ? buildInBackground(log, (child) => (builder = child)) : Promise.resolve();
    build.catch(() => {}); // awaited below; a failure must not surface as an unhandled rejection first
    const seedSeconds = await fillDatabase(database.ownerUrl, size, seed, log);
    log(`generated in ${seedSeconds.toFixed(1)} s`);
    const password = randomBytes(18).toString("base64url");
    const members = await createMembers(seed, size, password);
    await matchAndNotify(members, log);
    await analyze(database.ownerUrl);
    const data = await readLoadData(seed);
    await closeLibClients();
    await build;
    builder = undefined;

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    server = startNext({
      port,
      // Serve mode shows the server's output: a person profiling wants its errors and warnings.
      quiet: !serve,
      env: {
        ...(serverNodeOptions ? { NODE_OPTIONS: serverNodeOptions } : {}),
        DATABASE_URL: database.url,
        AUTH_SECRET: authSecret,
        AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY,
        NEXTAUTH_URL: baseUrl,
        APP_URL: baseUrl,
        // Background jobs (matching sweeps over every generated listing…) would compete for the cores.
        JOBS_IN_PROCESS: "false",
      },
    });
    const serverLog = tail(server);
    await waitForHealth(baseUrl, 120_000).catch((error: unknown) => {
      console.error(serverLog());
      throw error;
    });
    log(`app ready at ${baseUrl}`);

    const users = [];
    for (const m of members)
      users.push({ email: m.email, roles: m.roles, cookie: await signIn(baseUrl, m.email, password) });
    log(`signed in ${users.map((u) => `${u.email} (${u.roles.join("+")})`).join(", ")}`);
    const loadData: LoadData = { ...data, users };
    log(
      `drawing from ${data.offerSlugs.length} offers, ${data.demandSlugs.length} demands, ` +
        `${data.organizationSlugs.length} organizations, ${data.expertSlugs.length} experts, ${data.queries.length} queries`,
    );

    if (serve) await serveUntilInterrupted(baseUrl, database.url, loadData);

    const html = await htmlSizes(baseUrl, data.offerSlugs[0] ?? "");
    const chunk = await staticChunk(baseUrl);
    log(`static asset: ${chunk}`);
    const common: Omit<RunOptions, "name"> = {
      baseUrl,
      connections,
      seconds,
      warmupSeconds,
      headers: {
        "user-agent": "techex-load (autocannon)",
        accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "accept-language": "vi-VN,vi;q=0.9,en;q=0.8",
        ...(gzip ? { "accept-encoding": "gzip, deflate, br" } : {}),
      },
    };
    const run = async (name: string, options: Partial<RunOptions>) => {
      // Other work on the machine skews every figure: the load average before each workload tells.
      const busy = os.loadavg()[0] ?? 0;
      log(
        `${name}: ${warmupSeconds} s warm-up, then ${seconds} s at ${connections} connections ` +
          `(load average ${busy.toFixed(2)} on ${os.availableParallelism()} cores)…`,
      );
      return runWorkload({ ...common, name, ...options });
    };
    const staticAsset = await run("static asset", { path: chunk });
    const mixed = await run("mixed public", { next: picker(PUBLIC_WORKLOAD, loadData, stream(seed, "load:public")) });
    const signedIn = await run("signed-in", {
      next: picker(SIGNED_IN_WORKLOAD, loadData, stream(seed, "load:signed-in")),
    });

    const loadRun = { size, seed, connections, seconds, staticAsset, mixed, signedIn, html };
    const summary = summarize(loadRun);
    if (summary.errors > 0 || summary.non2xx > 0)
      console.error(`\n--- server log (tail) ---\n${serverLog().slice(-8000)}`);
    output = `\n${report(loadRun, summary)}\n${JSON.stringify(summary)}`;
  } finally {
    await tearDown();
  }
  // Printed only after the server and the database are gone, so the JSON stays the very last line.
  console.log(output);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("[load] failed:", error);
    process.exit(1);
  },
);
