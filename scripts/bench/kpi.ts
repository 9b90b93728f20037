/**
 * KPI timings on the benchmark database (issue #13: "dashboard pages answer within 1 s on the
 * 100,000-listing benchmark database"): a throw-away database with BENCH_SIZE (default 100,000)
 * generated offers and as many demands (scripts/bench/insert.ts), plus the activity the benchmark
 * does not generate, written in SQL: a submission and an approval in the audit log for every
 * published listing, expiry events, about three matches per published offer, a deal for one match
 * in ten, a signed contract for one deal in five and a certified registration for half of those.
 * Then runs the nightly job that rolls up the months that are over (lib/kpi/rollup-job.ts; with
 * BENCH_KPI_ROLLUPS=0 it does not, and everything is computed live), and times computeKpis (month,
 * quarter, year; with each breakdown, and one filtered), kpiOverview (6 periods) and drill-down
 * pages. Run: `npm run bench:kpi` (minutes: most of it is generating the data).
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { fillDatabase } from "./insert";
import { percentile } from "./stats";
import { closeLibClients, envInt, localAuditChainKey, onInterrupt, openDatabase, prepareDatabase } from "../lib/app";

const log = (line: string) => console.log(`[bench:kpi] ${line}`);

const ACTIVITY_SQL = [
  // Moderation: submitted 1–120 hours before the approval that published it.
  `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, after, prev_hash, hash)
   SELECT ts, action, kind, id::text, after, repeat('0', 64), encode(sha256(convert_to(kind || id || action, 'UTF8')), 'hex')
     FROM (SELECT published_at - interval '1 hour' * (1 + abs(hashtext(id::text)) % 120) AS ts, 'offer.submit' AS action,
                  'offer' AS kind, id, '{"status":"SUBMITTED"}'::jsonb AS after FROM offers WHERE published_at IS NOT NULL
           UNION ALL SELECT published_at, 'offer.approve', 'offer', id, NULL FROM offers WHERE published_at IS NOT NULL
           UNION ALL SELECT published_at - interval '1 hour' * (1 + abs(hashtext(id::text)) % 120), 'demand.submit', 'demand', id,
                  '{"status":"SUBMITTED"}'::jsonb FROM demands WHERE published_at IS NOT NULL
           UNION ALL SELECT published_at, 'demand.approve', 'demand', id, NULL FROM demands WHERE published_at IS NOT NULL
           UNION ALL SELECT expires_at, 'offer.expire', 'offer', id, NULL FROM offers WHERE status = 'EXPIRED'
           UNION ALL SELECT expires_at, 'demand.expire', 'demand', id, NULL FROM demands WHERE status = 'EXPIRED') x
    ORDER BY ts`,
  `INSERT INTO matches (offer_id, demand_id, score, explanation, created_at)
   SELECT o.id, d.id, 0.5, '{}', greatest(o.published_at, d.published_at)
     FROM (SELECT id, sector_code, published_at, row_number() OVER (PARTITION BY sector_code ORDER BY id) rn
             FROM offers WHERE status = 'PUBLISHED') o
     JOIN (SELECT id, sector_code, published_at, row_number() OVER (PARTITION BY sector_code ORDER BY id) rn
             FROM demands WHERE status = 'PUBLISHED') d ON d.sector_code = o.sector_code AND d.rn BETWEEN o.rn AND o.rn + 2`,
  `INSERT INTO deals (reference, origin, state, offer_id, provider_org_id, seeker_org_id, initiated_by_id, created_at,
                      responded_at, state_changed_at, nda_acknowledged_at, signed_at, updated_at)
   SELECT 'GD-B-' || row_number() OVER (), 'EOI', CASE WHEN n % 5 = 0 THEN 'SIGNED' ELSE 'NEGOTIATING' END::"DealState",
          m.offer_id, o.organization_id, dm.organization_id, u.id, m.created_at + interval '1 day',
          m.created_at + interval '3 days', m.created_at + interval '20 days',
          CASE WHEN n % 3 = 0 THEN m.created_at + interval '5 days' END,
          CASE WHEN n % 5 = 0 THEN m.created_at + interval '20 days' END, now()
     FROM (SELECT *, row_number() OVER (ORDER BY id) n FROM matches) m
     JOIN offers o ON o.id = m.offer_id JOIN demands dm ON dm.id = m.demand_id
     JOIN LATERAL (SELECT id FROM users WHERE organization_id = dm.organization_id LIMIT 1) u ON true
    WHERE m.n % 10 = 0 AND o.organization_id <> dm.organization_id
   ON CONFLICT DO NOTHING`,
  `INSERT INTO contracts (deal_id, version_no, state, terms, value, content_sha256, signed_at, updated_at)
   SELECT id, 1, 'SIGNED', '{}', 500000000 + (abs(hashtext(id::text)) % 1000) * 1000000, repeat('a', 64), signed_at, now()
     FROM deals WHERE signed_at IS NOT NULL`,
  `INSERT INTO registrations (contract_id, deal_id, state, mandatory, dossier, fee, filed_at, decided_at)
   SELECT c.id, c.deal_id, 'CERTIFIED', true, '{}', 3000000, c.signed_at + interval '10 days', c.signed_at + interval '16 days'
     FROM contracts c WHERE abs(hashtext(c.id::text)) % 2 = 0`,
  `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, prev_hash, hash)
   SELECT ts, action, 'registration', id::text, repeat('0', 64), encode(sha256(convert_to(id || action, 'UTF8')), 'hex')
     FROM (SELECT filed_at AS ts, 'registration.file' AS action, id FROM registrations
           UNION ALL SELECT decided_at, 'registration.certify', id FROM registrations) x ORDER BY ts`,
  `VACUUM ANALYZE audit_events, matches, deals, contracts, registrations`,
];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function main() {
  const size = envInt("BENCH_SIZE", 100_000);
  const seed = envInt("BENCH_SEED", 42);
  const rounds = envInt("BENCH_ROUNDS", 5);
  const database = await openDatabase("bench", log);
  onInterrupt(() => database.stop(), log);
  const results: { label: string; p50: number; max: number }[] = [];
  try {
    localAuditChainKey();
    await prepareDatabase(database, log);
    await fillDatabase(database.ownerUrl, size, seed, log);
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      for (const sql of ACTIVITY_SQL) await owner.query(sql);
      const { rows } = await owner.query(
        `SELECT (SELECT count(*) FROM audit_events) AS audit, (SELECT count(*) FROM matches) AS matches,
                (SELECT count(*) FROM deals) AS deals, (SELECT count(*) FROM contracts) AS contracts`,
      );
      log(`activity: ${JSON.stringify(rows[0])}`);
    } finally {
      await owner.end();
    }

    process.env.DATABASE_URL = database.url;
    if (process.env.BENCH_KPI_ROLLUPS !== "0") {
      // What the job `kpi.rollups` does once the data is there (the app role runs it, as in production).
      const { refreshKpiRollups } = await import("@/lib/kpi/rollup-job");
      const started = performance.now();
      const run = await refreshKpiRollups();
      log(`rollups: ${run.built} source-months written in ${(performance.now() - started).toFixed(0)} ms`);
      const analyze = new pg.Client({ connectionString: database.ownerUrl });
      await analyze.connect();
      // Autovacuum analyzes the new rows within a minute or so in production; the bench does not wait.
      await analyze.query("ANALYZE kpi_rollup_months, kpi_rollup_rows, kpi_rollup_dirt").finally(() => analyze.end());
    } else log("rollups: none (BENCH_KPI_ROLLUPS=0): every figure computed live");
    const { computeKpis } = await import("@/lib/kpi/compute");
    const { kpiOverview } = await import("@/lib/kpi/overview");
    const { kpiRecords } = await import("@/lib/kpi/drilldown");
    const { periodContaining } = await import("@/lib/calendar/periods");
    const officer = { id: "00000000-0000-0000-0000-000000000000", roles: ["OFFICER" as const], organizationId: null };
    const now = new Date();
    const cases: [string, () => Promise<unknown>][] = [];
    for (const kind of ["month", "quarter", "year"] as const) {
      const period = periodContaining(kind, now);
      cases.push([`computeKpis ${kind}`, () => computeKpis(officer, period)]);
      for (const breakdown of ["field", "district", "orgType"] as const) {
        cases.push([`computeKpis ${kind} by ${breakdown}`, () => computeKpis(officer, period, { breakdown })]);
      }
      const filter = { field: "2", orgType: "UNIVERSITY" as const };
      cases.push([
        `computeKpis ${kind} field 2, universities, by district`,
        () => computeKpis(officer, period, { filter, breakdown: "district" }),
      ]);
      cases.push([`kpiOverview ${kind} (6 periods)`, () => kpiOverview(officer, period)]);
      for (const metric of ["offers_published", "moderation_decisions", "funnel_matches_suggested"] as const) {
        cases.push([`kpiRecords ${metric} ${kind} p1`, () => kpiRecords(officer, metric, period)]);
      }
    }
    for (const [label, work] of cases) {
      await work(); // warm
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) times.push(await timed(work));
      results.push({ label, p50: percentile(times, 0.5), max: Math.max(...times) });
      log(`${label}: p50 ${percentile(times, 0.5).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
    }
    await closeLibClients();
  } finally {
    await database.stop();
  }
  console.log(JSON.stringify(results));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("[bench:kpi] failed:", error);
    process.exit(1);
  },
);
