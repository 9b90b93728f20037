/**
 * `npm run lighthouse`: Lighthouse scores of the pages a visitor meets first (issue #15 item 10).
 * The app is started as `npm run test:e2e` starts it (a throw-away embedded database, migrated and
 * seeded with the demo data; the production build, rebuilt when stale, served by `next start`);
 * then the `lighthouse` package audits, with its default MOBILE preset (a mid-range phone on a slow
 * 4G network, simulated), in Debian's Chromium: home, the offers catalog, a search, one offer and
 * the new-offer form (`/technologies/new`: public, the form once signed in) signed in as the demo
 * provider (signed in over HTTP as the form does; its cookies put into Chromium's cookie jar
 * through the DevTools protocol, because Chromium does not reliably send a Cookie given as
 * Lighthouse's `extraHeaders`). That page is checked to show the form before it is audited.
 *
 * Each page is opened twice first (cached pages rendered, as on a running site), then audited
 * LIGHTHOUSE_RUNS times (default 3); the run with the median performance score is reported.
 * Prints a table of the four scores against the targets, every audit that cost points in a
 * category below its target, and as the very last line one JSON object. Missing a target never
 * fails the run (it is a measuring tool); only a crash does. Chromium, the app, the database and
 * every temporary folder are removed at the end, also after a crash or Ctrl-C.
 *
 * LIGHTHOUSE_PAGES=home,search audits only those pages (names as in the table); LIGHTHOUSE_SAVE=<folder>
 * writes each reported run's full Lighthouse result there (<page>.json, readable in the Lighthouse
 * viewer), to see every audit's details.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import pg from "pg";
import { freePort, reapWhenGone, throwAwayDir } from "./dev-db";
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
import {
  CATEGORIES,
  failureReport,
  medianRun,
  meetsTargets,
  scoreTable,
  summarizeResult,
  TARGETS,
  type LighthouseResult,
  type PageScores,
} from "./lib/lighthouse-report";
import { signIn } from "./load/session";
import { runSeedCli } from "../prisma/seed";
import { DEMO_PASSWORD } from "../prisma/data/demo-password";

const log = (line: string) => console.log(`[lighthouse] ${line}`);

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Headless, as root, and silent towards the closed network: without the networking flags
// Chromium floods it with refused connections (STACK.md "Chromium for Playwright").
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

const PROVIDER = "provider@demo.vn";

interface Target {
  name: string;
  path: string;
  /** Audited signed in as the demo provider. */
  signedIn?: boolean;
  /**
   * Text the page's HTML must hold, checked over HTTP and in the audited Chromium before the audit:
   * the offer form's page explains listing to a visitor, so it must be proven to be the form.
   */
  shows?: string;
}

/** A published offer of the seeded demo data: the detail page to audit. */
async function anOfferSlug(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(
      "SELECT slug FROM offers WHERE status = 'PUBLISHED' ORDER BY published_at DESC NULLS LAST, slug LIMIT 1",
    );
    if (!rows[0]) throw new Error("the demo data has no published offer");
    return rows[0].slug;
  } finally {
    await client.end();
  }
}

/**
 * Puts the cookies of a `Cookie` header into the jar of the Chromium on `port` for `baseUrl`, or
 * empties the jar when `cookie` is undefined (Lighthouse keeps cookies between runs).
 */
async function setBrowserCookies(port: number, baseUrl: string, cookie: string | undefined) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error("Chromium has no default browser context");
    await context.clearCookies();
    if (!cookie) return;
    const cookies = cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return {
        name: pair.slice(0, at),
        value: pair.slice(at + 1),
        url: baseUrl,
        httpOnly: true,
        sameSite: "Lax" as const,
      };
    });
    await context.addCookies(cookies);
  } finally {
    // Disconnects only: the browser and its default context stay for Lighthouse.
    await browser.close();
  }
}

/**
 * Opens a page as a browser would, so that cached (ISR) pages are rendered before they are measured;
 * fails unless it answers 200 with `shows` in its HTML.
 */
async function warmUp(url: string, cookie?: string, shows?: string) {
  for (let i = 0; i < 2; i++) {
    const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
    if (shows && !html.includes(shows)) throw new Error(`${url} does not show ${shows}`);
  }
}

/** Fails unless the Chromium on `port`, with the cookies it has now, gets `shows` on `url`. */
async function expectInBrowser(port: number, url: string, shows: string) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error("Chromium has no default browser context");
    const page = await context.newPage();
    try {
      await page.goto(url);
      if (!(await page.content()).includes(shows)) throw new Error(`${url} does not show ${shows} in Chromium`);
    } finally {
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const runs = envInt("LIGHTHOUSE_RUNS", 3);
  const only = process.env.LIGHTHOUSE_PAGES?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const database = await openDatabase("bench", log);
  const uploads = throwAwayDir("e2e-uploads");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "techex-lighthouse-"));
  reapWhenGone([uploads, profile]);
  let builder: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  let tornDown = false;
  // Everything this run started, in the order it must go; safe to run twice.
  const tearDown = async () => {
    if (tornDown) return;
    tornDown = true;
    builder?.kill("SIGTERM");
    if (chrome) await Promise.resolve(chrome.kill()).catch(() => {});
    server?.kill("SIGTERM");
    await database.stop();
    fs.rmSync(uploads, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  // Synchronous last resort (process.exit from anywhere): no child may outlive the run.
  const killChildren = () => {
    builder?.kill("SIGKILL");
    if (chrome?.pid) {
      try {
        process.kill(chrome.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    server?.kill("SIGKILL");
    fs.rmSync(uploads, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  };
  process.on("exit", killChildren);
  onInterrupt(tearDown, log);

  let status = 1;
  try {
    process.env.AUDIT_CHAIN_KEY = `lighthouse-${randomBytes(24).toString("base64url")}`;
    await prepareDatabase(database, log);
    await runSeedCli(database.ownerUrl, ["--demo"]);
    await closeLibClients();
    if (buildIsStale()) await buildInBackground(log, (child) => (builder = child));
    builder = undefined;
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    server = startNext({
      port,
      quiet: true,
      env: {
        DATABASE_URL: database.url,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY,
        NEXTAUTH_URL: baseUrl,
        STORAGE_DIR: path.relative(process.cwd(), uploads),
      },
    });
    let serverLog = "";
    const keep = (chunk: Buffer) => (serverLog = (serverLog + chunk.toString()).slice(-20_000));
    server.stdout?.on("data", keep);
    server.stderr?.on("data", keep);
    await waitForHealth(baseUrl).catch((error) => {
      console.error(serverLog);
      throw error;
    });
    log(`app ready at ${baseUrl}`);

    const slug = await anOfferSlug(database.url);
    const targets: Target[] = [
      { name: "home", path: "/" },
      { name: "catalog", path: "/technologies" },
      { name: "search", path: `/search?${new URLSearchParams({ q: "xử lý nước thải" })}` },
      { name: "offer", path: `/technologies/${encodeURIComponent(slug)}` },
      // The public "Đăng công nghệ" page, which is the form once signed in (`name="titleVi"`).
      { name: "offer-form", path: "/technologies/new", signedIn: true, shows: 'name="titleVi"' },
    ].filter((target) => !only || only.includes(target.name));
    const cookie = targets.some((t) => t.signedIn) ? await signIn(baseUrl, PROVIDER, DEMO_PASSWORD) : undefined;
    for (const target of targets) {
      await warmUp(baseUrl + target.path, target.signedIn ? cookie : undefined, target.shows);
    }

    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: CHROME_FLAGS,
      userDataDir: profile,
      logLevel: "silent",
      handleSIGINT: false,
    });
    log(`Chromium on port ${chrome.port}; ${runs} run(s) a page, mobile preset`);

    const pages: PageScores[] = [];
    let signedIn = false;
    for (const target of targets) {
      const url = baseUrl + target.path;
      if (Boolean(target.signedIn) !== signedIn) {
        await setBrowserCookies(chrome.port, baseUrl, target.signedIn ? cookie : undefined);
        signedIn = Boolean(target.signedIn);
      }
      if (target.shows) await expectInBrowser(chrome.port, url, target.shows);
      const results: PageScores[] = [];
      const reports: string[] = [];
      for (let run = 1; run <= runs; run++) {
        try {
          const answer = await lighthouse(url, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
          });
          if (!answer) throw new Error("Lighthouse returned no result");
          reports.push(answer.report as string);
          const summary = summarizeResult(target.name, target.path, answer.lhr as unknown as LighthouseResult);
          results.push(summary);
          log(`${target.name} run ${run}: ${CATEGORIES.map((c) => `${c} ${summary.scores[c] ?? "error"}`).join(", ")}`);
        } catch (error) {
          const message = (error as Error).message;
          log(`${target.name} run ${run} failed: ${(error as Error).stack ?? message}`);
          results.push({
            name: target.name,
            url: target.path,
            scores: { performance: null, accessibility: null, "best-practices": null, seo: null },
            metrics: {},
            failing: [],
            error: message,
          });
          reports.push("");
        }
      }
      const median = medianRun(results);
      pages.push(median);
      const saveTo = process.env.LIGHTHOUSE_SAVE;
      const report = reports[results.indexOf(median)];
      if (saveTo && report) {
        fs.mkdirSync(saveTo, { recursive: true });
        fs.writeFileSync(path.join(saveTo, `${target.name}.json`), report);
      }
    }

    console.log(`\nLighthouse ${runs > 1 ? `(median of ${runs} runs by performance) ` : ""}— mobile preset\n`);
    console.log(scoreTable(pages));
    console.log(`\nWhat cost points where a target is missed:\n${failureReport(pages)}\n`);
    const allMet = pages.every((page) => Object.values(meetsTargets(page)).every(Boolean));
    log(allMet ? "every page meets every target" : "some targets are missed (see above)");
    console.log(
      JSON.stringify({
        lighthouse: pages.map((page) => ({
          page: page.name,
          url: page.url,
          ...page.scores,
          metrics: page.metrics,
          failing: page.failing
            .filter((audit) => !meetsTargets(page)[audit.category])
            .map((audit) => ({ category: audit.category, id: audit.id, title: audit.title })),
          ...(page.error ? { error: page.error } : {}),
        })),
        targets: TARGETS,
        runs,
        allMet,
      }),
    );
    status = 0;
  } finally {
    await tearDown();
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
