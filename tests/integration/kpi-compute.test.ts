/**
 * Issue 13 item 2: every KPI computed on a small hand-built dataset equals the value computed by
 * hand; the drill-down lists exactly the records counted; staff only. The dataset is September
 * 2025 (1–2 Sep: National Day holidays, a Monday and a Tuesday) and a little of August. The steps
 * the KPIs read from the audit log (moderation, registration, expiry) are taken through lib at a
 * set clock (only Date is faked), so the test also proves the KPIs read what lib records.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { ContractContentSchema } from "@/lib/deals/contract";
import { confirmContract, saveContract } from "@/lib/deals/contracts";
import { expireDeals, startDeal, takeDealStep } from "@/lib/deals/mutations";
import { registrationFee } from "@/lib/deals/registration";
import { addRegistrationPapers, decideRegistration, fileRegistration } from "@/lib/deals/registrations";
import { COMPUTED_METRICS, KPI_CATALOGUE, type KpiMetric } from "@/lib/kpi/catalogue";
import { computeKpis, publicKpis, type KpiValues } from "@/lib/kpi/compute";
import { kpiRecords } from "@/lib/kpi/drilldown";
import { kpiOverview } from "@/lib/kpi/overview";
import { monthPeriod } from "@/lib/calendar/periods";
import { funnelOf } from "@/lib/kpi/values";
import { runListingLifecycle } from "@/lib/listings/lifecycle";
import { moderateListing } from "@/lib/listings/moderation";
import { ownerTransition } from "@/lib/listings/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { FULL_CONTENT } from "../fixtures/contracts/full-contract";
import {
  buildDemand,
  buildOffer,
  buildTaxonomyNode,
  createOrganization,
  createUser,
  ensureTaxonomy,
} from "../factories";
import { addDealDocument, codeOf } from "../support/deals";

const ctx = systemContext("test:kpi");
const SEP = monthPeriod(2025, 9);
const AUG = monthPeriod(2025, 8);
const NOW = new Date("2025-10-20T12:00:00+07:00");
/** An instant in Vietnam. */
const vn = (text: string) => new Date(`${text}+07:00`);

let provider: Principal;
let seekerB: Principal;
let seekerC: Principal;
let operator: Principal;
let officer: Principal;
let auditor: Principal;
let orgA = "";
let orgB = "";
const offers: Record<string, string> = {};
const demands: Record<string, string> = {};
const deals: Record<string, string> = {};
let contractValue = 0n;

/** Runs `step` with the clock at `instant` (only Date is faked: timers and I/O run as usual). */
async function at<T>(instant: string, step: () => Promise<T>): Promise<T> {
  vi.setSystemTime(vn(instant));
  return step();
}

function listingRow(status: Prisma.OfferUncheckedCreateInput["status"], published: string | null, extra = {}) {
  const p = published ? vn(published) : null;
  return {
    status,
    submittedAt: p,
    publishedAt: p,
    expiresAt: p ? new Date(p.getTime() + 365 * 86_400_000) : null,
    createdAt: p ?? vn("2025-01-01T09:00:00"),
    updatedAt: p ?? vn("2025-01-01T09:00:00"),
    ...extra,
  };
}

async function offer(name: string, sectorCode: string, row: object, stateFunded = false) {
  offers[name] = (
    await db.offer.create({
      data: buildOffer(orgA, provider.id, { titleVi: `Chào bán ${name}`, sectorCode, stateFunded, ...row }),
    })
  ).id;
}

async function demand(name: string, sectorCode: string, row: object) {
  demands[name] = (
    await db.demand.create({ data: buildDemand(orgB, seekerB.id, { titleVi: `Nhu cầu ${name}`, sectorCode, ...row }) })
  ).id;
}

/** An expression of interest at `sent`, accepted at `accepted`. */
async function acceptedDeal(seeker: Principal, offerName: string, sent: string, accepted: string) {
  const { reference } = await at(sent, () =>
    startDeal(ctx, seeker, {
      kind: "interest",
      offerId: offers[offerName]!,
      message: "Quan tâm.",
      intendedUse: "Sản xuất.",
    }),
  );
  await at(accepted, () => takeDealStep(ctx, provider, reference, { event: "accept" }));
  return reference;
}

/** Both confirmations of version 1 at `signed` (state-funded offers: effective on registration). */
async function sign(reference: string, seeker: Principal, stateFunded: boolean, signed: string) {
  const content = stateFunded
    ? ContractContentSchema.parse({ ...FULL_CONTENT, effectiveOn: "REGISTRATION", effectiveDate: undefined })
    : FULL_CONTENT;
  await at(signed, async () => {
    const v1 = await saveContract(ctx, provider, reference, content, null);
    await confirmContract(ctx, provider, reference, v1);
    await confirmContract(ctx, seeker, reference, v1);
    // The scan of the signed and stamped contract (Art. 22), which a registration needs.
    await addDealDocument(ctx, seeker, { reference, purpose: "SIGNED_CONTRACT", confidential: false });
  });
}

const registrationOf = async (reference: string) =>
  (
    await db.registration.findFirstOrThrow({
      where: { contract: { deal: { reference } } },
      orderBy: { filedAt: "desc" },
    })
  ).id;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(vn("2025-01-02T09:00:00"));
  await ensureTaxonomy(db);
  for (const row of [
    { code: "4", parentCode: null, nameVi: "Khoa học nông nghiệp", nameEn: "Agricultural sciences" },
    { code: "401", parentCode: "4", nameVi: "Trồng trọt", nameEn: "Crop science" },
  ]) {
    const node = buildTaxonomyNode(row);
    await db.taxonomyNode.upsert({ where: { code: node.code }, create: node, update: {} });
  }
  orgA = (
    await createOrganization(db, { type: "UNIVERSITY", location: "HN-CAUGIAY", verifiedAt: vn("2025-08-01T09:00:00") })
  ).id;
  orgB = (
    await createOrganization(db, { type: "ENTERPRISE", location: "HN-DONGDA", verifiedAt: vn("2025-10-05T09:00:00") })
  ).id;
  const orgC = (
    await createOrganization(db, {
      type: "INSTITUTE",
      location: "HN-HADONG",
      verificationStatus: "UNVERIFIED",
      verifiedAt: null,
    })
  ).id;
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: orgA });
  seekerB = await createUser(db, { roles: ["SEEKER"], organizationId: orgB });
  seekerC = await createUser(db, { roles: ["SEEKER"], organizationId: orgC });
  operator = await createUser(db, { roles: ["OPERATOR"] });
  officer = await createUser(db, { roles: ["OFFICER"] });
  auditor = await createUser(db, { roles: ["AUDITOR"] });

  // Listings whose columns are all the KPIs read (no audit event needed).
  await offer("O1", "207", listingRow("PUBLISHED", "2025-08-10T09:00:00"));
  await offer("O2", "401", listingRow("PUBLISHED", "2025-09-05T09:00:00"), true);
  // Expired after the period: still published on 30 Sep. Not updated for months.
  await offer("O3", "207", listingRow("EXPIRED", "2024-10-15T09:00:00", { expiresAt: vn("2025-10-15T09:00:00") }));
  // Published when the expiry job runs on 21 Sep (below): it expires then.
  await offer("O4", "207", listingRow("PUBLISHED", "2024-09-20T09:00:00", { expiresAt: vn("2025-09-20T09:00:00") }));
  // Withdrawn during the period (not published on 30 Sep), and after it (published then).
  await offer("O5", "207", listingRow("WITHDRAWN", "2025-07-01T09:00:00", { updatedAt: vn("2025-09-10T09:00:00") }));
  await offer("O6", "207", listingRow("WITHDRAWN", "2025-07-01T09:00:00", { updatedAt: vn("2025-10-10T09:00:00") }));
  await offer("O9", "207", listingRow("PUBLISHED", "2025-05-01T09:00:00"), true);
  await offer("O10", "202", listingRow("PUBLISHED", "2025-06-01T09:00:00"));
  await offer("O7", "207", listingRow("DRAFT", null));
  await offer("O8", "202", listingRow("DRAFT", null));
  await demand("D1", "202", listingRow("DRAFT", null));
  await demand("D2", "401", listingRow("DRAFT", null));
  await demand("D3", "207", listingRow("PUBLISHED", "2025-06-01T09:00:00"));

  // Moderation through lib. O8 in August; O7 across the weekend and the 1–2 Sep holidays.
  await at("2025-08-04T09:00:00", () => ownerTransition(ctx, provider, "offer", offers.O8!, "submit"));
  await at("2025-08-05T09:00:00", () => moderateListing(ctx, operator, "offer", offers.O8!, "approve", undefined));
  await at("2025-08-29T10:00:00", () => ownerTransition(ctx, provider, "offer", offers.O7!, "submit")); // Fri
  await at("2025-09-03T10:00:00", () => moderateListing(ctx, operator, "offer", offers.O7!, "approve", undefined)); // 1 wd
  await at("2025-09-11T09:00:00", () => ownerTransition(ctx, seekerB, "demand", demands.D1!, "submit")); // Thu
  await at("2025-09-16T09:00:00", () =>
    moderateListing(ctx, operator, "demand", demands.D1!, "reject", "Thiếu mô tả kỹ thuật chi tiết."),
  ); // Tue: 3 wd
  await at("2025-09-22T09:00:00", () => ownerTransition(ctx, seekerB, "demand", demands.D2!, "submit"));
  await at("2025-09-22T15:00:00", () => moderateListing(ctx, operator, "demand", demands.D2!, "approve", undefined)); // 0

  // Deals through lib.
  deals.d3 = await acceptedDeal(seekerB, "O9", "2025-08-05T10:00:00", "2025-08-06T10:00:00");
  await sign(deals.d3, seekerB, true, "2025-08-20T10:00:00");
  deals.d5 = (
    await at("2025-08-25T10:00:00", () =>
      startDeal(ctx, seekerC, { kind: "interest", offerId: offers.O1!, message: "Quan tâm.", intendedUse: "Thử." }),
    )
  ).reference;
  deals.d1 = await acceptedDeal(seekerB, "O1", "2025-09-01T10:00:00", "2025-09-03T10:00:00"); // 2 days
  deals.d2 = await acceptedDeal(seekerB, "O2", "2025-09-02T10:00:00", "2025-09-09T10:00:00"); // 7 days
  deals.d4 = await acceptedDeal(seekerB, "O10", "2025-09-03T10:00:00", "2025-09-04T10:00:00"); // 1 day
  await at("2025-09-04T11:00:00", () =>
    takeDealStep(ctx, provider, deals.d1!, { event: "require_nda", text: "Bảo mật." }),
  );
  const nda = (await db.deal.findUniqueOrThrow({ where: { reference: deals.d1 } })).ndaSha256!;
  await at("2025-09-05T11:00:00", () => takeDealStep(ctx, seekerB, deals.d1!, { event: "accept_nda", sha256: nda }));
  await at("2025-09-05T12:00:00", () => expireDeals()); // d5: sent 25 Aug, due 4 Sep
  await sign(deals.d1, seekerB, false, "2025-09-08T10:00:00");
  await sign(deals.d4, seekerB, false, "2025-09-10T10:00:00");
  await sign(deals.d2, seekerB, true, "2025-09-15T10:00:00");
  deals.d6 = (
    await at("2025-09-20T10:00:00", () =>
      startDeal(ctx, seekerC, { kind: "interest", offerId: offers.O10!, message: "Quan tâm.", intendedUse: "Thử." }),
    )
  ).reference;
  await at("2025-09-25T10:00:00", () =>
    takeDealStep(ctx, provider, deals.d6!, { event: "decline", reason: "Đã có đối tác." }),
  ); // 5 days

  // Registrations through lib.
  const dossier = {
    applicant: "Công ty Thử",
    address: "Số 1 Phố Huế, Hà Nội",
    representative: "Trần Văn Đức",
    contact: "024 3333 4444",
  };
  await at("2025-08-28T10:00:00", () => fileRegistration(ctx, seekerB, deals.d3!, dossier)); // Thu
  const r3 = await registrationOf(deals.d3);
  await at("2025-09-03T10:00:00", () =>
    decideRegistration(ctx, officer, r3, { event: "request_papers", note: "Bổ sung bản sao." }),
  ); // 2 wd thanks to the holidays: on time
  await at("2025-09-04T10:00:00", () => addRegistrationPapers(ctx, seekerB, deals.d3!, "Đã bổ sung."));
  await at("2025-09-11T10:00:00", () =>
    decideRegistration(ctx, officer, r3, { event: "certify", certificateNumber: "1/GCN-KPI" }),
  ); // 5 wd: on time
  await at("2025-09-15T10:00:00", () => fileRegistration(ctx, seekerB, deals.d4!, dossier)); // Mon
  const r4 = await registrationOf(deals.d4);
  await at("2025-09-19T10:00:00", () =>
    decideRegistration(ctx, officer, r4, { event: "request_papers", note: "Bổ sung." }),
  ); // 4 wd: late
  await at("2025-09-22T10:00:00", () => addRegistrationPapers(ctx, seekerB, deals.d4!, "Đã bổ sung."));
  await at("2025-09-23T10:00:00", () =>
    decideRegistration(ctx, officer, r4, { event: "certify", certificateNumber: "2/GCN-KPI" }),
  ); // 1 wd
  await at("2025-09-19T10:30:00", () => fileRegistration(ctx, seekerB, deals.d2!, dossier)); // Fri
  const r2 = await registrationOf(deals.d2);
  await at("2025-09-29T10:00:00", () =>
    decideRegistration(ctx, officer, r2, { event: "certify", certificateNumber: "3/GCN-KPI" }),
  ); // 6 wd: late

  // The daily expiry job on 21 Sep expires O4.
  await at("2025-09-21T01:00:00", () => runListingLifecycle(new Date()));

  // Rows the KPIs read from columns only: matches, a completion.
  await db.match.createMany({
    data: [
      { offerId: offers.O1!, demandId: demands.D3!, score: 0.8, explanation: {}, createdAt: vn("2025-09-10T09:00:00") },
      { offerId: offers.O2!, demandId: demands.D2!, score: 0.7, explanation: {}, createdAt: vn("2025-09-23T09:00:00") },
      { offerId: offers.O9!, demandId: demands.D3!, score: 0.6, explanation: {}, createdAt: vn("2025-08-10T09:00:00") },
    ],
  });
  await db.deal.update({
    where: { reference: deals.d3 },
    data: { state: "COMPLETED", stateChangedAt: vn("2025-09-26T10:00:00") },
  });
  contractValue = (await db.contract.findFirstOrThrow({ where: { signedAt: { not: null } } })).value!;
  vi.useRealTimers();
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

const v = (values: KpiValues, metric: KpiMetric) => values[metric].value;

describe("KPIs of September 2025", () => {
  it("equal the values computed by hand", async () => {
    const { values } = await computeKpis(officer, SEP, { now: NOW });
    const expected: Partial<Record<KpiMetric, number | null>> = {
      // O1, O2, O3 (expired in Oct), O6 (withdrawn in Oct), O7, O8, O9, O10 — not O4 (expired 21 Sep), O5.
      offers_published: 8,
      demands_published: 2, // D2, D3
      offers_new: 2, // O2, O7
      demands_new: 1, // D2
      listings_expired: 1,
      organizations_verified: 1, // A (B only in October)
      moderation_decisions: 3,
      moderation_working_days_median: 1, // [0, 1, 3]
      moderation_working_days_p90: 2.6,
      eoi_response_days_median: 3.5, // [1, 2, 5, 7]
      eoi_answered_on_time_share: 80, // 4 answered, 1 expired
      registration_processing_working_days_median: 5, // [5, 1, 6]
      registration_papers_on_time_share: 50, // 2 wd (across the holidays) on time, 4 wd late
      funnel_listings_published: 3,
      funnel_matches_suggested: 2,
      funnel_deals_started: 4, // d1, d2, d4, d6
      funnel_ndas_accepted: 1,
      funnel_contracts_signed: 3, // d1, d4, d2
      funnel_registrations_certified: 3,
      funnel_deals_completed: 1,
      registrations_filed: 2, // d4, d2 (d3 in August)
      state_funded_commercialised: 1, // d2 on O2
    };
    for (const [metric, value] of Object.entries(expected)) {
      expect(v(values, metric as KpiMetric), metric).toBeCloseTo(value!, 6);
    }
    // Published on 30 Sep: the 8 offers and 2 demands above; updated in the 90 days before (since 3 Jul):
    // O1 (10 Aug), O2 (5 Sep), O7 (approved 3 Sep), O8 (approved 5 Aug), D2 (approved 22 Sep). Not O3, O9,
    // O10, D3 (updated before July) nor O6 (withdrawn in October: after the end).
    expect(values.listings_updated_share).toMatchObject({ numerator: 5, denominator: 10 });
    expect(v(values, "moderation_on_time_share")).toBeCloseTo(200 / 3, 6);
    expect(v(values, "registration_decision_on_time_share")).toBeCloseTo(200 / 3, 6);
    expect(values.contracts_value_total.amount).toBe(3n * contractValue);
    expect(values.registration_fees_total.amount).toBe(2n * registrationFee(contractValue));
    expect(values.complaint_resolution_days_median.value).toBeNull();
  });

  it("count only what happened in the period: August differs", async () => {
    const { values } = await computeKpis(auditor, AUG, { now: NOW });
    expect(v(values, "moderation_decisions")).toBe(1); // O8: submitted Mon 4 Aug, approved Tue 5 Aug
    expect(v(values, "moderation_working_days_median")).toBe(1);
    expect(v(values, "funnel_deals_started")).toBe(2); // d3, d5
    expect(v(values, "funnel_contracts_signed")).toBe(1); // d3
    expect(v(values, "registrations_filed")).toBe(1);
    expect(v(values, "funnel_matches_suggested")).toBe(1);
    expect(v(values, "organizations_verified")).toBe(1); // A, verified on 1 Aug
  });

  it("gives the funnel's conversions", async () => {
    const { values } = await computeKpis(officer, SEP, { now: NOW });
    expect(funnelOf(values).map((s) => [s.count, s.conversion === null ? null : Math.round(s.conversion)])).toEqual([
      [3, null],
      [2, 67],
      [4, 200],
      [1, 25],
      [3, 300],
      [3, 100],
      [1, 33],
    ]);
  });

  it("break down by field and district, each row equal to the figures filtered on it", async () => {
    const report = await computeKpis(officer, SEP, { now: NOW, breakdown: "field" });
    const byField = Object.fromEntries(report.breakdown!.rows.map((r) => [r.key, r.values]));
    expect(Object.keys(byField).sort()).toEqual(["2", "4"]);
    expect(v(byField["2"]!, "offers_published")).toBe(7);
    expect(v(byField["4"]!, "offers_published")).toBe(1); // O2
    expect(v(byField["4"]!, "demands_published")).toBe(1); // D2
    expect(v(byField["2"]!, "funnel_contracts_signed")).toBe(2); // d1 (207), d4 (202)
    expect(v(byField["4"]!, "funnel_contracts_signed")).toBe(1); // d2 (401)
    expect(byField["4"]!.contracts_value_total.amount).toBe(contractValue);
    expect(v(byField["2"]!, "moderation_working_days_median")).toBe(2); // O7: 1, D1: 3
    expect(v(byField["4"]!, "moderation_working_days_median")).toBe(0); // D2
    // Organizations have no field.
    expect(v(byField["2"]!, "organizations_verified")).toBeNull();

    const byDistrict = await computeKpis(officer, SEP, { now: NOW, breakdown: "district" });
    const rows = Object.fromEntries(byDistrict.breakdown!.rows.map((r) => [r.key, r.values]));
    expect(v(rows["HN-CAUGIAY"]!, "offers_published")).toBe(8);
    expect(v(rows["HN-DONGDA"]!, "demands_published")).toBe(2);
    expect(v(rows["HN-CAUGIAY"]!, "organizations_verified")).toBe(1);
    expect(v(rows["HN-CAUGIAY"]!, "funnel_deals_started")).toBe(4); // by the provider's district

    for (const dimension of ["field", "district", "orgType"] as const) {
      const broken = await computeKpis(officer, SEP, { now: NOW, breakdown: dimension });
      for (const row of broken.breakdown!.rows) {
        if (row.key === null) continue;
        const filtered = await computeKpis(officer, SEP, { now: NOW, filter: { [dimension]: row.key } });
        for (const metric of COMPUTED_METRICS) {
          if (!KPI_CATALOGUE[metric].breakdowns.some((d) => d === dimension)) continue;
          expect(row.values[metric].value, `${dimension}=${row.key} ${metric}`).toEqual(filtered.values[metric].value);
        }
      }
    }
  });

  it("list exactly the records behind every figure", async () => {
    const { values } = await computeKpis(officer, SEP, { now: NOW });
    for (const metric of COMPUTED_METRICS) {
      const value = values[metric];
      // A sum lists the records summed: the contracts signed, the registrations filed.
      const expectedTotal =
        metric === "contracts_value_total"
          ? values.funnel_contracts_signed.value
          : metric === "registration_fees_total"
            ? values.registrations_filed.value
            : (value.denominator ?? value.sample ?? value.value);
      const page = await kpiRecords(officer, metric, SEP, {}, 1, { now: NOW, pageSize: 1000 });
      expect(page.total, metric).toBe(expectedTotal);
      expect(page.records.length, metric).toBe(page.total);
      if (value.numerator !== undefined) {
        expect(page.records.filter((r) => r.met).length, metric).toBe(value.numerator);
      }
      if (KPI_CATALOGUE[metric].unit === "vnd") {
        expect(
          page.records.reduce((sum, r) => sum + (r.amount ?? 0n), 0n),
          metric,
        ).toBe(value.amount);
      }
      // Every computed metric has records in this dataset: a metric no source computes would show 0 here.
      expect(page.total, metric).toBeGreaterThan(0);
    }
    // Filtered the same way, paged.
    const field4 = await computeKpis(officer, SEP, { now: NOW, filter: { field: "4" } });
    const first = await kpiRecords(officer, "funnel_listings_published", SEP, { field: "4" }, 1, {
      now: NOW,
      pageSize: 1,
    });
    expect(first.total).toBe(field4.values.funnel_listings_published.value);
    expect(first.pageCount).toBe(2);
    const second = await kpiRecords(officer, "funnel_listings_published", SEP, { field: "4" }, 2, {
      now: NOW,
      pageSize: 1,
    });
    expect(new Set([first.records[0]!.href, second.records[0]!.href])).toEqual(
      new Set([`/admin/moderation/offer/${offers.O2}`, `/admin/moderation/demand/${demands.D2}`]),
    );
    const signed = await kpiRecords(officer, "funnel_contracts_signed", SEP, {}, 1, { now: NOW });
    expect(signed.records.map((r) => r.href).sort()).toEqual(
      [deals.d1, deals.d2, deals.d4].map((ref) => `/admin/deals/${ref}`).sort(),
    );
  });
});

describe("trend, forecast and targets", () => {
  it("compare with the previous period and estimate the next", async () => {
    await db.kpiTarget.createMany({
      data: [
        { metric: "moderation_on_time_share", period: "2025-09", target: 90, comparator: "gte" },
        { metric: "funnel_contracts_signed", period: "2025-09", target: 3, comparator: "gte" },
      ],
    });
    const { items } = await kpiOverview(officer, SEP, { now: NOW });
    const item = (metric: KpiMetric) => items.find((i) => i.metric === metric)!;
    expect(item("funnel_contracts_signed").trend).toEqual({ previous: 1, change: 2, changePercent: 200 });
    expect(item("funnel_contracts_signed").series.map((p) => p.value)).toEqual([0, 0, 0, 0, 1, 3]);
    expect(item("funnel_contracts_signed").forecast).toMatchObject({
      kind: "estimate",
      method: "linear_trend",
      basis: 6,
    });
    expect(item("funnel_contracts_signed").target).toMatchObject({ target: 3, status: "met" });
    expect(item("moderation_on_time_share").target).toMatchObject({ status: "missed" }); // 66.7% < 81%
    expect(item("offers_published").target).toBeNull();
  });
});

describe("authorization", () => {
  it("refuses the parties and anonymous users; the public figures equal the staff's", async () => {
    const intermediary = await createUser(db, { roles: ["INTERMEDIARY"] });
    for (const user of [provider, seekerB, intermediary]) {
      expect(await codeOf(computeKpis(user, SEP, { now: NOW }))).toBe("forbidden:forbidden");
      expect(await codeOf(kpiRecords(user, "offers_published", SEP))).toBe("forbidden:forbidden");
      expect(await codeOf(kpiOverview(user, SEP, { now: NOW }))).toBe("forbidden:forbidden");
    }
    expect(await codeOf(computeKpis(null, SEP))).toBe("unauthenticated:unauthenticated");
    expect(await codeOf(computeKpis(operator, SEP, { now: NOW }))).toBe("ok");

    const staff = await computeKpis(auditor, SEP, { now: NOW, breakdown: "field" });
    const open = await publicKpis(SEP, { byField: true, now: NOW });
    expect(Object.keys(open.values)).not.toContain("registration_fees_total");
    expect(Object.keys(open.values)).not.toContain("moderation_working_days_median");
    for (const [metric, value] of Object.entries(open.values)) {
      expect(value, metric).toEqual(staff.values[metric as KpiMetric]);
    }
    expect(open.byField?.map((r) => r.key)).toEqual(staff.breakdown!.rows.map((r) => r.key));
  });
});
