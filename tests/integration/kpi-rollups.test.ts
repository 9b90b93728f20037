/**
 * The monthly KPI rollups (lib/kpi/rollups.ts, migration *_kpi_rollups): with them the figures are
 * exactly the plain computation's (every record read live: `rollups: false`), for months rolled up,
 * months partly in a period, the running month, every breakdown and filter; they are really read
 * (a rollup altered by hand shows); and a change to a past month (a match removed, a listing moved
 * to another field, an organization's district, a late audit event, a contract's value, another
 * listing for a deal, the taxonomy) is computed live at once, until the job rewrites that month.
 * Hand-built data in 2025 (months long over) and a little in the running month.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/authz";
import { customPeriod, monthPeriod, parsePeriodKey, periodContaining, type Period } from "@/lib/calendar/periods";
import { db, pool } from "@/lib/db";
import type { KpiDimension } from "@/lib/kpi/catalogue";
import { computeKpis, type KpiReport } from "@/lib/kpi/compute";
import { refreshKpiRollups } from "@/lib/kpi/rollup-job";
import { ROLLUP_SOURCES } from "@/lib/kpi/rollups";
import type { KpiFilter } from "@/lib/kpi/sql";
import {
  buildDemand,
  buildOffer,
  buildTaxonomyNode,
  createOrganization,
  createUser,
  ensureTaxonomy,
} from "../factories";

const NOW = new Date();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant in Vietnam. */
const vn = (text: string) => new Date(`${text}+07:00`);
const after = (at: Date, ms: number) => new Date(at.getTime() + ms);

let officer: Principal;
const orgs: Record<"A" | "B" | "C", string> = { A: "", B: "", C: "" };
const offers: { id: string; org: string; publishedAt: Date }[] = [];
const demands: { id: string; publishedAt: Date }[] = [];
const matches: { id: string; offerId: string; demandId: string; createdAt: Date }[] = [];
const contracts: { id: string; dealId: string; signedAt: Date }[] = [];
const deals: string[] = [];

const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await pool().query(text, values)).rows as T[];

/** An audit event as lib/audit appends it (the chain's hashes do not matter to the figures). */
async function event(action: string, entityType: string, entityId: string, at: Date, eventAfter?: object) {
  await sql(
    `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, repeat('0', 64), encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'))`,
    [at, action, entityType, entityId, eventAfter ? JSON.stringify(eventAfter) : null],
  );
}

async function addMatch(offer: (typeof offers)[number], demand: (typeof demands)[number], createdAt: Date) {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO matches (offer_id, demand_id, score, explanation, created_at) VALUES ($1, $2, 0.6, '{}', $3) RETURNING id`,
    [offer.id, demand.id, createdAt],
  );
  matches.push({ id: row!.id, offerId: offer.id, demandId: demand.id, createdAt });
}

const PERIODS: Period[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map((month) => monthPeriod(2025, month)),
  parsePeriodKey("2025-Q1")!,
  parsePeriodKey("2025-Q2")!,
  parsePeriodKey("2025")!,
  customPeriod("2025-02-15", "2025-05-10"),
  periodContaining("month", NOW),
  periodContaining("year", NOW),
];
const BREAKDOWNS: (KpiDimension | null)[] = [null, "field", "district", "orgType"];
const FILTERS: KpiFilter[] = [{}, { field: "2" }, { district: "HN-CAUGIAY", orgType: "UNIVERSITY" }];

const fast = (period: Period, breakdown: KpiDimension | null = null, filter: KpiFilter = {}) =>
  computeKpis(officer, period, { breakdown, filter, now: NOW });
const plain = (period: Period, breakdown: KpiDimension | null = null, filter: KpiFilter = {}) =>
  computeKpis(officer, period, { breakdown, filter, now: NOW, rollups: false });

/** Every period, breakdown and filter above: the rollups give the plain computation's report. */
async function expectSameEverywhere(periods = PERIODS) {
  for (const period of periods) {
    for (const breakdown of BREAKDOWNS) {
      for (const filter of FILTERS) {
        const [a, b] = await Promise.all([fast(period, breakdown, filter), plain(period, breakdown, filter)]);
        expect(a, `${period.key} by ${breakdown} ${JSON.stringify(filter)}`).toEqual(b);
      }
    }
  }
}

const dirt = async (source: string, month: string | null) =>
  (
    await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM kpi_rollup_dirt WHERE source = $1 AND month IS NOT DISTINCT FROM $2::date`,
      [source, month],
    )
  )[0]!.n;

const rolledMonths = async (source: string) =>
  (
    await sql<{ month: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS month FROM kpi_rollup_months WHERE source = $1 ORDER BY 1`,
      [source],
    )
  ).map((r) => r.month);

const value = (report: KpiReport, metric: keyof KpiReport["values"]) => report.values[metric].value;

beforeAll(async () => {
  await ensureTaxonomy(db);
  for (const row of [
    { code: "4", parentCode: null, nameVi: "Khoa học nông nghiệp", nameEn: "Agricultural sciences" },
    { code: "401", parentCode: "4", nameVi: "Trồng trọt", nameEn: "Crop science" },
  ]) {
    const node = buildTaxonomyNode(row);
    await db.taxonomyNode.upsert({ where: { code: node.code }, create: node, update: {} });
  }
  orgs.A = (await createOrganization(db, { type: "UNIVERSITY", location: "HN-CAUGIAY" })).id;
  orgs.B = (await createOrganization(db, { type: "ENTERPRISE", location: "HN-DONGDA" })).id;
  orgs.C = (await createOrganization(db, { type: "INSTITUTE", location: "HN-HADONG" })).id;
  const users = {
    A: (await createUser(db, { roles: ["PROVIDER"], organizationId: orgs.A })).id,
    B: (await createUser(db, { roles: ["SEEKER"], organizationId: orgs.B })).id,
    C: (await createUser(db, { roles: ["PROVIDER"], organizationId: orgs.C })).id,
  };
  officer = await createUser(db, { roles: ["OFFICER"] });

  // Offers every 8 days from January to July 2025, each submitted 3 to 170 hours before its
  // approval (across weekends, Tết and 30 Apr – 1 May); some since expired or withdrawn.
  const sectors = ["207", "202", "401"];
  const waits = [3, 30, 75, 100, 170].map((h) => h * HOUR);
  for (let i = 0; i < 24; i++) {
    const org = i % 2 ? "A" : "C";
    const publishedAt = after(vn("2025-01-03T09:00:00"), i * 8 * DAY + (i % 5) * 7 * HOUR);
    const status = i % 7 === 3 ? "EXPIRED" : i % 7 === 5 ? "WITHDRAWN" : "PUBLISHED";
    const offer = await db.offer.create({
      data: buildOffer(orgs[org], users[org], {
        sectorCode: sectors[i % 3],
        stateFunded: i % 4 === 0,
        status,
        submittedAt: after(publishedAt, -waits[i % 5]!),
        publishedAt,
        expiresAt: status === "EXPIRED" ? vn("2025-09-01T00:00:00") : after(publishedAt, 365 * DAY),
        createdAt: after(publishedAt, -waits[i % 5]!),
        updatedAt: status === "WITHDRAWN" ? vn("2025-08-15T10:00:00") : publishedAt,
      }),
    });
    offers.push({ id: offer.id, org: orgs[org], publishedAt });
    await event("offer.submit", "offer", offer.id, after(publishedAt, -waits[i % 5]!), { status: "SUBMITTED" });
    await event("offer.approve", "offer", offer.id, publishedAt);
  }
  for (let j = 0; j < 12; j++) {
    const publishedAt = after(vn("2025-01-10T14:00:00"), j * 15 * DAY);
    const demand = await db.demand.create({
      data: buildDemand(orgs.B, users.B, {
        sectorCode: sectors[j % 3],
        submittedAt: after(publishedAt, -2 * DAY),
        publishedAt,
        expiresAt: after(publishedAt, 365 * DAY),
        createdAt: after(publishedAt, -2 * DAY),
        updatedAt: publishedAt,
      }),
    });
    demands.push({ id: demand.id, publishedAt });
    await event("demand.submit", "demand", demand.id, after(publishedAt, -2 * DAY), { status: "SUBMITTED" });
    await event("demand.approve", "demand", demand.id, publishedAt);
  }
  // Rejections, a renewal back to review and its decision, a decision in the running month.
  const draft = await db.offer.create({
    data: buildOffer(orgs.A, users.A, { status: "REJECTED", publishedAt: null, expiresAt: null, sectorCode: "401" }),
  });
  await event("offer.submit", "offer", draft.id, vn("2025-02-20T16:00:00"), { status: "SUBMITTED" });
  await event("offer.reject", "offer", draft.id, vn("2025-02-25T09:00:00"));
  await event("offer.renew", "offer", offers[2]!.id, vn("2025-06-27T10:00:00"), { status: "SUBMITTED" });
  await event("offer.revision_approved", "offer", offers[2]!.id, vn("2025-07-02T10:00:00"));
  await event("offer.renew", "offer", offers[4]!.id, after(NOW, -30 * HOUR), { status: "SUBMITTED" });
  await event("offer.revision_approved", "offer", offers[4]!.id, after(NOW, -2 * HOUR));

  // Matches: spread over the months, two on either side of midnight on 1 March, two in the running month.
  for (let i = 0; i < offers.length; i++) {
    for (let j = 0; j < demands.length; j++) {
      if ((i + j) % 5 !== 0) continue;
      const later = Math.max(offers[i]!.publishedAt.getTime(), demands[j]!.publishedAt.getTime());
      await addMatch(offers[i]!, demands[j]!, new Date(later + ((i * j) % 40) * HOUR));
    }
  }
  await addMatch(offers[1]!, demands[2]!, vn("2025-02-28T23:59:59.999"));
  await addMatch(offers[3]!, demands[3]!, vn("2025-03-01T00:00:00"));
  await addMatch(offers[5]!, demands[7]!, after(NOW, -HOUR));
  await addMatch(offers[7]!, demands[7]!, after(NOW, -3 * HOUR));

  // Deals on some matches (computed live), signed contracts and registrations (rolled up).
  const dealMatches = matches.filter((_, k) => k % 3 === 0).slice(0, 9);
  for (const [k, m] of dealMatches.entries()) {
    const offer = offers.find((o) => o.id === m.offerId)!;
    const created = after(m.createdAt, DAY);
    const [deal] = await sql<{ id: string }>(
      `INSERT INTO deals (reference, origin, state, offer_id, demand_id, provider_org_id, seeker_org_id, initiated_by_id,
                          created_at, responded_at, state_changed_at, nda_acknowledged_at, updated_at)
       VALUES ($1, 'EOI', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()) RETURNING id`,
      [
        `GD-R-${k}`,
        k % 4 === 0 ? "COMPLETED" : "SIGNED",
        offer.id,
        m.demandId,
        offer.org,
        orgs.B,
        users.B,
        created,
        after(created, (2 + k) * DAY + k * HOUR),
        after(created, 40 * DAY),
        k % 2 ? after(created, 5 * DAY) : null,
      ],
    );
    deals.push(deal!.id);
  }
  const signedAts = [
    vn("2025-03-31T23:30:00"),
    vn("2025-04-01T00:00:00"),
    vn("2025-04-18T10:00:00"),
    vn("2025-05-06T15:00:00"),
    vn("2025-06-10T11:00:00"),
    after(NOW, -3 * HOUR),
  ];
  for (const [k, signedAt] of signedAts.entries()) {
    const [contract] = await sql<{ id: string }>(
      `INSERT INTO contracts (deal_id, version_no, state, terms, value, content_sha256, signed_at, updated_at)
       VALUES ($1, 1, 'SIGNED', '{}', $2, repeat('a', 64), $3, now()) RETURNING id`,
      [deals[k], 500_000_000 + k * 37_000_000, signedAt],
    );
    contracts.push({ id: contract!.id, dealId: deals[k]!, signedAt });
  }
  // Registrations: certified after a request for papers, refused, certified late, still waiting.
  const steps: [number, string, string, string[]][] = [
    [0, "CERTIFIED", "2025-04-08T10:00:00", ["request_papers:2", "add_papers:5", "certify:8"]],
    [1, "REFUSED", "2025-04-11T15:00:00", ["refuse:4"]],
    [2, "CERTIFIED", "2025-04-28T09:00:00", ["certify:9"]],
    [3, "MISSING_PAPERS", "2025-05-29T09:00:00", ["request_papers:6"]],
  ];
  for (const [k, state, filed, actions] of steps) {
    const filedAt = vn(filed);
    const last = actions.at(-1)!.split(":");
    const decidedAt = state === "CERTIFIED" || state === "REFUSED" ? after(filedAt, Number(last[1]) * DAY) : null;
    const [registration] = await sql<{ id: string }>(
      `INSERT INTO registrations (contract_id, deal_id, state, mandatory, dossier, fee, filed_at, decided_at)
       VALUES ($1, $2, $3, true, '{}', $4, $5, $6) RETURNING id`,
      [contracts[k]!.id, contracts[k]!.dealId, state, 3_000_000 + k * 500_000, filedAt, decidedAt],
    );
    await event("registration.file", "registration", registration!.id, filedAt);
    for (const step of actions) {
      const [action, days] = step.split(":");
      await event(`registration.${action}`, "registration", registration!.id, after(filedAt, Number(days) * DAY));
    }
  }
}, 120_000);

describe("monthly KPI rollups", () => {
  it("are written for every month over, none for the running month, once", async () => {
    const first = await refreshKpiRollups();
    expect(first.built).toBeGreaterThan(0);
    for (const source of ROLLUP_SOURCES) {
      const months = await rolledMonths(source);
      expect(months, source).toContain("2025-04");
      expect(months, source).not.toContain(periodContaining("month", NOW).key);
    }
    expect(await rolledMonths("matches")).toContain("2025-01");
    expect((await refreshKpiRollups()).built).toBe(0);
    // Loading the data in past months logged changes; the job cleared every one it covered.
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_rollup_dirt`))[0]!.n).toBe(0);
  });

  it("give exactly the plain computation's figures", async () => {
    await expectSameEverywhere();
    // The data is not empty where it matters.
    const q1 = await plain(parsePeriodKey("2025-Q1")!);
    expect(value(q1, "funnel_matches_suggested")).toBeGreaterThan(5);
    expect(value(q1, "moderation_decisions")).toBeGreaterThan(10);
    expect(value(await plain(parsePeriodKey("2025-Q2")!), "funnel_contracts_signed")).toBe(4);
  });

  it("are read: a rollup altered by hand shows, until a change is logged for its month", async () => {
    const march = monthPeriod(2025, 3);
    const before = await plain(march);
    await sql(`UPDATE kpi_rollup_rows SET n = n + 1000
                WHERE ctid = (SELECT ctid FROM kpi_rollup_rows WHERE source = 'matches' AND month = '2025-03-01' LIMIT 1)`);
    expect(value(await fast(march), "funnel_matches_suggested")).toBe(
      value(before, "funnel_matches_suggested")! + 1000,
    );
    await sql(`INSERT INTO kpi_rollup_dirt (source, month) VALUES ('matches', '2025-03-01')`);
    expect(await fast(march)).toEqual(before);
    expect((await refreshKpiRollups()).built).toBe(1);
    expect(await fast(march)).toEqual(before);
    expect(await dirt("matches", "2025-03-01")).toBe(0);
  });

  it("built with other definitions (a new year's holidays) are ignored, then rewritten", async () => {
    await sql(`UPDATE kpi_rollup_rows SET n = n + 7 WHERE source = 'moderation'`);
    await sql(`UPDATE kpi_rollup_months SET version = '0-old' WHERE source = 'moderation'`);
    await expectSameEverywhere([parsePeriodKey("2025")!]);
    const rewritten = (await refreshKpiRollups()).built;
    expect(rewritten).toBe((await rolledMonths("moderation")).length);
    await expectSameEverywhere([parsePeriodKey("2025")!, monthPeriod(2025, 2)]);
  });

  it("follow every change to a past month: computed live at once, rolled up again by the job", async () => {
    const year = parsePeriodKey("2025")!;
    const changes: [string, () => Promise<void>, [source: string, month: string | null]][] = [
      [
        "a match removed",
        async () => {
          const m = matches.find((x) => x.createdAt.getTime() === vn("2025-03-01T00:00:00").getTime())!;
          await sql(`DELETE FROM matches WHERE id = $1`, [m.id]);
        },
        ["matches", "2025-03-01"],
      ],
      [
        "a listing moved to another field",
        async () => {
          await db.offer.update({ where: { id: offers[1]!.id }, data: { sectorCode: "401" } });
        },
        ["moderation", "2025-01-01"],
      ],
      [
        "a late decision logged in a past month",
        async () => {
          await event("offer.submit", "offer", offers[10]!.id, vn("2025-04-08T09:00:00"), { status: "SUBMITTED" });
          await event("offer.reject", "offer", offers[10]!.id, vn("2025-04-14T09:00:00"));
        },
        ["moderation", "2025-04-01"],
      ],
      [
        "a contract's value corrected",
        async () => {
          await sql(`UPDATE contracts SET value = value + 1000000 WHERE id = $1`, [contracts[3]!.id]);
        },
        ["contracts", "2025-05-01"],
      ],
      [
        "a registration's decision moved",
        async () => {
          await sql(`UPDATE registrations SET decided_at = $1 WHERE contract_id = $2`, [
            vn("2026-01-05T10:00:00"),
            contracts[2]!.id,
          ]);
        },
        ["registrations", "2025-05-01"],
      ],
      [
        "a deal given another listing (another field and provider)",
        async () => {
          const other = offers.find((o) => o.org !== offers.find((x) => x.id === matches[0]!.offerId)!.org)!;
          await sql(`UPDATE deals SET offer_id = $1, provider_org_id = $2 WHERE id = $3`, [
            other.id,
            other.org,
            contracts[0]!.dealId,
          ]);
        },
        ["contracts", "2025-03-01"],
      ],
      [
        "an organization moved to another district",
        async () => {
          await db.organization.update({ where: { id: orgs.C }, data: { location: "HN-BADINH" } });
        },
        ["*", null],
      ],
      [
        "a sector moved to another field",
        async () => {
          await db.taxonomyNode.update({ where: { code: "202" }, data: { parentCode: "4" } });
        },
        ["*", null],
      ],
    ];
    for (const [label, change, [source, month]] of changes) {
      const before = await plain(year, "field");
      const beforeByDistrict = await plain(year, "district");
      await change();
      expect(await dirt(source, month), label).toBeGreaterThan(0);
      const now = await plain(year, "field");
      const nowByDistrict = await plain(year, "district");
      // The change matters to the figures (else this would prove nothing)…
      expect([now, nowByDistrict], label).not.toEqual([before, beforeByDistrict]);
      // …and the rollups give them at once, without the job.
      expect(await fast(year, "field"), label).toEqual(now);
      expect(await fast(year, "district"), label).toEqual(nowByDistrict);
      expect((await refreshKpiRollups()).built, label).toBeGreaterThan(0);
      expect(await fast(year, "field"), label).toEqual(now);
    }
    await expectSameEverywhere();
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_rollup_dirt`))[0]!.n).toBe(0);
  });

  it("log nothing for changes in the running month, which is always computed live", async () => {
    const before = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_rollup_dirt`))[0]!.n;
    await addMatch(offers[9]!, demands[9]!, new Date());
    await event("offer.submit", "offer", offers[11]!.id, new Date(), { status: "SUBMITTED" });
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_rollup_dirt`))[0]!.n).toBe(before);
    await expectSameEverywhere([periodContaining("month", NOW), periodContaining("year", NOW)]);
  });
});
