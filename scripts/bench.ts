/**
 * `npm run bench`: a throw-away database, BENCH_SIZE (default 100,000) generated offers and as many
 * demands (deterministic from BENCH_SEED, default 42), then search, suggest and matching timings.
 * Prints a table, the targets with pass/fail marks, and as the very last line one JSON object.
 * Missing a target never fails the run; only a crash does. The throw-away database (several GB at
 * the default size) is removed at the end, also after a crash or Ctrl-C.
 */
import pg from "pg";
import { fillDatabase } from "./bench/insert";
import { runBenchmarks, type SearchSample, type Subject } from "./bench/run";
import { percentile, report, round1, type SlowSearch, type Summary } from "./bench/stats";
import { envInt, localAuditChainKey, onInterrupt, openDatabase, prepareDatabase } from "./lib/app";

const log = (line: string) => console.log(`[bench] ${line}`);

/** Peak resident memory, sampled while the benchmark runs. */
function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  timer.unref();
  return () => {
    clearInterval(timer);
    const rss = process.memoryUsage().rss;
    return { rss, peak: Math.max(peak, rss) };
  };
}

/** The 8 slowest distinct queries (worst time of each), labelled as a reader would retype them. */
function slowest(searches: SearchSample[]): SlowSearch[] {
  const worst = new Map<string, SlowSearch>();
  for (const { query, ms, total } of searches) {
    const filters = Object.entries(query.filters)
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const label = `${query.kind} "${query.q}"${filters ? ` ${filters}` : ""} (${query.category})`;
    if ((worst.get(label)?.ms ?? -1) < ms) worst.set(label, { label, ms, total });
  }
  return [...worst.values()].sort((a, b) => b.ms - a.ms).slice(0, 8);
}

async function main() {
  const size = envInt("BENCH_SIZE", 100_000);
  const seed = envInt("BENCH_SEED", 42);
  const rounds = envInt("BENCH_ROUNDS", 2);
  const memory = memorySampler();
  const database = await openDatabase("bench", log);
  onInterrupt(() => database.stop(), log);
  let output: string;
  try {
    localAuditChainKey();
    await prepareDatabase(database, log);
    const seedSeconds = await fillDatabase(database.ownerUrl, size, seed, log);
    log(`seeded in ${seedSeconds.toFixed(1)} s`);

    // lib/env.ts reads DATABASE_URL once, on first use: it must point at the bench database first.
    process.env.DATABASE_URL = database.url;
    const search = await import("@/lib/search/queries");
    const matching = await import("@/lib/matching/engine");
    const { pool, searchPool, SEARCH_SESSION } = await import("@/lib/db");
    const subject: Subject = { ...search, ...matching };

    // The same session settings as the app's search connections: the same statements, run bare.
    const raw = new pg.Pool({ connectionString: database.url, max: 4, options: SEARCH_SESSION });
    try {
      const samples = await runBenchmarks(subject, raw, seed, rounds, log);
      const { rss, peak } = memory();
      const summary: Summary = {
        size,
        seed,
        seed_s: seedSeconds,
        search_p50_ms: percentile(samples.search, 0.5),
        search_p95_ms: percentile(samples.search, 0.95),
        search_sql_p95_ms: percentile(samples.sql, 0.95),
        search_sql_seq_p95_ms: percentile(samples.sqlSequential, 0.95),
        facets_p95_ms: percentile(samples.facets, 0.95),
        suggest_p95_ms: percentile(samples.suggest, 0.95),
        match_p95_ms: percentile(samples.matchDemand, 0.95),
        match_offer_p95_ms: percentile(samples.matchOffer, 0.95),
        rss_mb: rss / 2 ** 20,
        rss_peak_mb: peak / 2 ** 20,
      };
      // Each query category's p95 too: the relaxed path (questions, synonyms; issue #14) is its own.
      const json = {
        ...Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, round1(v)])),
        ...Object.fromEntries(
          samples.categories.map((c) => [`search_${c.name.replace(/-/g, "_")}_p95_ms`, round1(c.p95)]),
        ),
      };
      output = `\n${report(summary, samples.categories, slowest(samples.searches))}\n${JSON.stringify(json)}`;
    } finally {
      await raw.end();
      // Close the app's connections before the database goes away, or their pools report errors.
      await pool().end();
      await searchPool().end();
      const { db } = await import("@/lib/db");
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
  // Printed only after the database is gone, so the JSON stays the very last line.
  console.log(output);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("[bench] failed:", error);
    process.exit(1);
  },
);
