/**
 * Issue 15 item 8: listing analytics for owners. Views are reported by the browser
 * (`POST /api/listings/view`: the detail pages are cached) and counted per listing and Hanoi day,
 * without anything personal, robots, unpublished listings and the owner's own views left out. The
 * owner reads views, interest (deals the other side started) and matches per listing and week,
 * scoped to their organization. Real PostgreSQL, real session tokens.
 */
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/listings/view/route";
import { listingAnalytics, ownListingsAnalytics, type ListingAnalytics } from "@/lib/analytics/listings";
import { allowViewReport, resetViewReportLimiter, VIEW_REPORTS_PER_WINDOW } from "@/lib/analytics/rate-limit";
import { hanoiDay } from "@/lib/analytics/weeks";
import { proxyMark } from "@/lib/auth/client-ip";
import { db, pool } from "@/lib/db";
import type { DealOrigin, DealState } from "@/lib/generated/prisma/enums";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const CLIENT_IP = "203.0.113.41";
const BROWSER =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Safari/537.36";
const SECRET = process.env.AUTH_SECRET!;

/** A report as the beacon sends it from a browser, through proxy.ts (which marks it and sets the address). */
const report = (body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost/api/listings/view", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: {
        "content-type": "application/json",
        "user-agent": BROWSER,
        "sec-fetch-site": "same-origin",
        "x-forwarded-for": CLIENT_IP,
        "x-techex-proxy": proxyMark(SECRET)!,
        ...headers,
      },
    }),
  );

/** All views ever counted for a listing. */
const viewsOf = async (kind: string, id: string) =>
  (await db.listingViewDay.aggregate({ where: { listingKind: kind, listingId: id }, _sum: { views: true } }))._sum
    .views ?? 0;

/** A session cookie as next-auth issues it at sign-in (lib/auth/options.ts: uid and sv in the token). */
async function sessionCookie(user: { id: string; sessionVersion: number }, name = "next-auth.session-token") {
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, name: "Người xem" }, secret: SECRET });
  return `${name}=${token}`;
}

let ownerOrg: string;
let owner: Awaited<ReturnType<typeof createUser>>;
let colleague: Awaited<ReturnType<typeof createUser>>;
let stranger: Awaited<ReturnType<typeof createUser>>;
let published: { id: string };
let draft: { id: string };
let withdrawn: { id: string };
let demand: { id: string };

beforeAll(async () => {
  await ensureTaxonomy(db);
  ownerOrg = (await createOrganization(db, { type: "UNIVERSITY" })).id;
  owner = await createUser(db, { roles: ["PROVIDER"], organizationId: ownerOrg });
  colleague = await createUser(db, { roles: ["PROVIDER"], organizationId: ownerOrg, orgRole: "MEMBER" });
  const seekerOrg = (await createOrganization(db, { type: "ENTERPRISE" })).id;
  stranger = await createUser(db, { roles: ["SEEKER"], organizationId: seekerOrg });
  published = await db.offer.create({ data: buildOffer(ownerOrg, owner.id) });
  draft = await db.offer.create({
    data: buildOffer(ownerOrg, owner.id, { status: "DRAFT", publishedAt: null, expiresAt: null }),
  });
  withdrawn = await db.offer.create({ data: buildOffer(ownerOrg, owner.id, { status: "WITHDRAWN" }) });
  demand = await db.demand.create({ data: buildDemand(seekerOrg, stranger.id) });
});

beforeEach(() => resetViewReportLimiter());

describe("POST /api/listings/view", () => {
  it("counts a view of a published offer or demand on today's Hanoi day, one row per listing and day", async () => {
    expect((await report({ kind: "offer", id: published.id })).status).toBe(204);
    const rows = await db.listingViewDay.findMany({ where: { listingId: published.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ listingKind: "offer", views: 1 });
    expect(rows[0]!.day.toISOString().slice(0, 10)).toBe(hanoiDay(new Date()));

    const response = await report({ kind: "offer", id: published.id });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await db.listingViewDay.findMany({ where: { listingId: published.id } })).toMatchObject([{ views: 2 }]);

    expect((await report({ kind: "demand", id: demand.id })).status).toBe(204);
    expect(await viewsOf("demand", demand.id)).toBe(1);
    // The kind is part of the key: the demand's id reported as an offer is no offer, so nothing.
    expect((await report({ kind: "offer", id: demand.id })).status).toBe(204);
    expect(await viewsOf("offer", demand.id)).toBe(0);
  });

  it("answers 400 with a message for a body that is not JSON { kind, id }, and counts nothing", async () => {
    const before = await db.listingViewDay.count();
    const bodies = [
      "not json",
      "null",
      JSON.stringify([]),
      JSON.stringify({}),
      JSON.stringify({ kind: "offer" }),
      JSON.stringify({ id: published.id }),
      JSON.stringify({ kind: "expert", id: published.id }),
      JSON.stringify({ kind: "offer", id: "not-a-uuid" }),
      JSON.stringify({ kind: "offer", id: 42 }),
      JSON.stringify({ kind: "offer", id: published.id, user: "someone" }),
      JSON.stringify({ kind: "offer", id: published.id, pad: "x".repeat(2000) }),
    ];
    for (const body of bodies) {
      const response = await report(body);
      expect(response.status, body.slice(0, 60)).toBe(400);
      expect(await response.json(), body.slice(0, 60)).toMatchObject({
        error: "invalid_body",
        message: expect.any(String),
      });
    }
    expect(await db.listingViewDay.count()).toBe(before);
  });

  it("does not count robots, programs, other sites' pages or requests without a User-Agent", async () => {
    const fresh = await db.offer.create({ data: buildOffer(ownerOrg, owner.id) });
    const robots = [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Mobile Safari/537.36 Chrome-Lighthouse",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
      "curl/8.5.0",
      "python-requests/2.31.0",
      "Wget/1.21.4",
      "",
    ];
    for (const ua of robots)
      expect((await report({ kind: "offer", id: fresh.id }, { "user-agent": ua })).status).toBe(204);
    const noAgent = new Headers({ "content-type": "application/json", "x-forwarded-for": CLIENT_IP });
    const bare = await POST(
      new Request("http://localhost/api/listings/view", {
        method: "POST",
        body: JSON.stringify({ kind: "offer", id: fresh.id }),
        headers: noAgent,
      }),
    );
    expect(bare.status).toBe(204);
    // A page on another site making its visitors' browsers post here.
    for (const site of ["cross-site", "same-site", "none"])
      expect((await report({ kind: "offer", id: fresh.id }, { "sec-fetch-site": site })).status).toBe(204);
    expect(await viewsOf("offer", fresh.id)).toBe(0);

    // The control: the same request from a person's browser is counted.
    expect((await report({ kind: "offer", id: fresh.id })).status).toBe(204);
    expect(await viewsOf("offer", fresh.id)).toBe(1);
  });

  it("counts nothing for a draft, a withdrawn or an unknown listing", async () => {
    const unknown = "0f0e0d0c-0b0a-4988-8776-655443322110";
    for (const id of [draft.id, withdrawn.id, unknown]) {
      expect((await report({ kind: "offer", id })).status).toBe(204);
      expect(await viewsOf("offer", id)).toBe(0);
    }
    expect((await report({ kind: "demand", id: unknown })).status).toBe(204);
    expect(await db.listingViewDay.count({ where: { listingId: unknown } })).toBe(0);
  });

  it("leaves out the owner's own views: any signed-in member of the owning organization", async () => {
    const fresh = await db.offer.create({ data: buildOffer(ownerOrg, owner.id) });
    const view = (cookie: string) => report({ kind: "offer", id: fresh.id }, { cookie });
    expect((await view(await sessionCookie(owner))).status).toBe(204);
    expect((await view(await sessionCookie(colleague))).status).toBe(204);
    // On https next-auth names the cookie with the __Secure- prefix.
    expect((await view(await sessionCookie(owner, "__Secure-next-auth.session-token"))).status).toBe(204);
    // A large token comes in chunks.
    const token = (await sessionCookie(colleague)).split("=")[1]!;
    const half = Math.floor(token.length / 2);
    await view(`next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`);
    expect(await viewsOf("offer", fresh.id)).toBe(0);

    // Another organization's member, a signed-out session (stale version), a forged token: counted.
    expect((await view(await sessionCookie(stranger))).status).toBe(204);
    expect(await viewsOf("offer", fresh.id)).toBe(1);
    await view(await sessionCookie({ id: owner.id, sessionVersion: owner.sessionVersion + 1 }));
    expect(await viewsOf("offer", fresh.id)).toBe(2);
    const forged = await encode({
      token: { uid: owner.id, sv: owner.sessionVersion },
      secret: "another-secret-another-secret-another-0",
    });
    await view(`next-auth.session-token=${forged}`);
    expect(await viewsOf("offer", fresh.id)).toBe(3);
  });

  it("stores nothing about the viewer: no user, address, cookie or browser, no audit or security event", async () => {
    const fresh = await db.offer.create({ data: buildOffer(ownerOrg, owner.id) });
    const audit = await db.auditEvent.count();
    const security = await db.securityEvent.count();
    const cookie = await sessionCookie(stranger);
    expect(
      (await report({ kind: "offer", id: fresh.id }, { cookie, "user-agent": `${BROWSER} TestMarker/9` })).status,
    ).toBe(204);
    const { rows: columns } = await pool().query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'listing_view_days' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(["day", "listing_id", "listing_kind", "views"]);
    const { rows } = await pool().query(`SELECT * FROM listing_view_days WHERE listing_id = $1`, [fresh.id]);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    for (const secret of [CLIENT_IP, cookie.split("=")[1]!, "TestMarker", stranger.id])
      expect(stored).not.toContain(secret);
    expect(await db.auditEvent.count()).toBe(audit);
    expect(await db.securityEvent.count()).toBe(security);
  });

  it("is rate limited per client address (429) without counting; other addresses and robots unaffected", async () => {
    for (let i = 0; i < VIEW_REPORTS_PER_WINDOW; i++) expect(allowViewReport(CLIENT_IP)).toBe(true);
    const fresh = await db.offer.create({ data: buildOffer(ownerOrg, owner.id) });
    const refused = await report({ kind: "offer", id: fresh.id });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await viewsOf("offer", fresh.id)).toBe(0);
    // A bad body is still answered as such.
    expect((await report({ kind: "offer" })).status).toBe(400);
    expect((await report({ kind: "offer", id: fresh.id }, { "x-forwarded-for": "198.51.100.23" })).status).toBe(204);
    expect(await viewsOf("offer", fresh.id)).toBe(1);
    // Unmarked requests (not through proxy.ts) cannot claim an address: they share the unknown one.
    for (let i = 0; i < VIEW_REPORTS_PER_WINDOW; i++) expect(allowViewReport(null)).toBe(true);
    expect(
      (await report({ kind: "offer", id: fresh.id }, { "x-techex-proxy": "forged", "x-forwarded-for": "192.0.2.9" }))
        .status,
    ).toBe(429);
  });
});

// ─── The owner's figures ─────────────────────────────────────────────────────

/** Wednesday 18 March 2026, 10:00 in Hanoi. Trend weeks: Mondays 29 Dec 2025 … 16 Mar 2026; recent: from 17 Feb. */
const NOW = new Date("2026-03-18T03:00:00Z");
const WEEKS = [
  "2025-12-29",
  "2026-01-05",
  "2026-01-12",
  "2026-01-19",
  "2026-01-26",
  "2026-02-02",
  "2026-02-09",
  "2026-02-16",
  "2026-02-23",
  "2026-03-02",
  "2026-03-09",
  "2026-03-16",
];
/** Twelve weekly figures, zero but where given (index → count). */
const weekly = (at: Record<number, number>) => WEEKS.map((_, i) => at[i] ?? 0);

describe("the owner's analytics", () => {
  let org: string;
  let both: Awaited<ReturnType<typeof createUser>>;
  let providerOnly: Awaited<ReturnType<typeof createUser>>;
  let outsider: Awaited<ReturnType<typeof createUser>>;
  let q1: { id: string };
  let q2: { id: string };
  let q3: { id: string };
  let qDraft: { id: string };
  let qd: { id: string };
  let foreignOffer: { id: string };

  beforeAll(async () => {
    org = (await createOrganization(db, { type: "INSTITUTE" })).id;
    both = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: org });
    providerOnly = await createUser(db, { roles: ["PROVIDER"], organizationId: org, orgRole: "MEMBER" });
    const otherOrg = (await createOrganization(db, { type: "ENTERPRISE" })).id;
    outsider = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: otherOrg });
    const at = (iso: string) => new Date(iso);
    q1 = await db.offer.create({ data: buildOffer(org, both.id, { publishedAt: at("2025-11-01T00:00:00Z") }) });
    q2 = await db.offer.create({ data: buildOffer(org, both.id, { publishedAt: at("2026-03-01T00:00:00Z") }) });
    q3 = await db.offer.create({
      data: buildOffer(org, both.id, { status: "WITHDRAWN", publishedAt: at("2025-10-01T00:00:00Z") }),
    });
    qDraft = await db.offer.create({
      data: buildOffer(org, both.id, { status: "DRAFT", publishedAt: null, expiresAt: null }),
    });
    qd = await db.demand.create({ data: buildDemand(org, both.id) });
    foreignOffer = await db.offer.create({ data: buildOffer(otherOrg, outsider.id) });
    const foreignDemand = await db.demand.create({ data: buildDemand(otherOrg, outsider.id) });
    const foreignWithdrawn = await db.demand.create({
      data: buildDemand(otherOrg, outsider.id, { status: "WITHDRAWN" }),
    });

    const views: [string, string, string, number][] = [
      ["offer", q1.id, "2026-03-18", 5], // today
      ["offer", q1.id, "2026-03-16", 2], // Monday of this week
      ["offer", q1.id, "2026-03-15", 3], // the Sunday before: last week
      ["offer", q1.id, "2026-02-17", 1], // the first of the 30 recent days
      ["offer", q1.id, "2026-02-16", 4], // the day before them
      ["offer", q1.id, "2025-12-29", 6], // the first trend week
      ["offer", q1.id, "2025-12-28", 7], // before the trend: in the total only
      ["offer", q2.id, "2026-03-10", 9],
      ["offer", q3.id, "2026-01-20", 1],
      ["demand", qd.id, "2026-03-17", 4],
      ["offer", foreignOffer.id, "2026-03-18", 50],
      ["demand", q1.id, "2026-03-18", 70], // q1's id under the other kind is not q1
    ];
    await db.listingViewDay.createMany({
      data: views.map(([listingKind, listingId, day, n]) => ({ listingKind, listingId, day: new Date(day), views: n })),
    });

    let ref = 0;
    const deal = (
      origin: DealOrigin,
      offerId: string,
      demandId: string | null,
      createdAt: string,
      { seekerOrgId = otherOrg, state = "EOI_SENT" as DealState } = {},
    ) =>
      db.deal.create({
        data: {
          reference: `TEST-AN-${++ref}-${Date.now().toString(36)}`,
          origin,
          offerId,
          demandId,
          providerOrgId: offerId === foreignOffer.id ? otherOrg : org,
          seekerOrgId,
          state,
          initiatedById: outsider.id,
          createdAt: new Date(createdAt),
        },
      });
    await deal("EOI", q1.id, null, "2026-03-17T18:00:00Z"); // 18 Mar 01:00 Hanoi: this week, recent
    // Sunday in UTC, Monday 00:30 in Hanoi (closed deals still count: the interest was shown).
    await deal("EXPRESS_LICENCE", q1.id, null, "2026-03-15T17:30:00Z", { state: "COMPLETED" });
    // 16 Feb 23:59 Hanoi: one minute before the recent days.
    await deal("EOI", q1.id, null, "2026-02-16T16:59:00Z", { state: "DECLINED" });
    await deal("PROPOSAL", q1.id, foreignDemand.id, "2026-03-10T03:00:00Z"); // q1's owner proposing: not interest in q1
    await deal("PROPOSAL", foreignOffer.id, qd.id, "2026-03-11T05:00:00Z", { seekerOrgId: org }); // received for qd
    await deal("EOI", foreignOffer.id, null, "2026-03-12T05:00:00Z", { seekerOrgId: org }); // qd's owner, elsewhere

    const match = (offerId: string, demandId: string, createdAt: string) =>
      db.match.create({ data: { offerId, demandId, score: 0.7, explanation: {}, createdAt: new Date(createdAt) } });
    await match(q1.id, foreignDemand.id, "2026-03-02T10:00:00Z"); // recent
    await match(q1.id, foreignWithdrawn.id, "2026-03-03T10:00:00Z"); // the other side withdrawn: not shown, not counted
    await match(q1.id, qd.id, "2026-01-05T00:00:00Z"); // counts for both q1 and qd
    await match(foreignOffer.id, qd.id, "2026-03-18T02:00:00Z");
  });

  const byId = (items: ListingAnalytics[], id: string) => items.find((l) => l.id === id);

  it("equals the hand counts for one listing: totals, the last 30 days and the 12 weeks in Hanoi time", async () => {
    const { weeks, listing } = await listingAnalytics(both, "offer", q1.id, NOW);
    expect(weeks).toEqual(WEEKS);
    expect(listing).toMatchObject({ kind: "offer", id: q1.id, status: "PUBLISHED" });
    expect(listing.views).toEqual({ total: 28, recent: 11, weekly: weekly({ 0: 6, 7: 5, 10: 3, 11: 7 }) });
    expect(listing.interest).toEqual({ total: 3, recent: 2, weekly: weekly({ 7: 1, 11: 2 }) });
    expect(listing.matches).toEqual({ total: 2, recent: 1, weekly: weekly({ 1: 1, 9: 1 }) });

    const demandFigures = (await listingAnalytics(both, "demand", qd.id, NOW)).listing;
    expect(demandFigures.views).toEqual({ total: 4, recent: 4, weekly: weekly({ 11: 4 }) });
    expect(demandFigures.interest).toEqual({ total: 1, recent: 1, weekly: weekly({ 10: 1 }) });
    expect(demandFigures.matches).toEqual({ total: 2, recent: 1, weekly: weekly({ 1: 1, 11: 1 }) });
  });

  it("lists every listing of the organization that was ever published, published ones first, with the totals", async () => {
    const overview = await ownListingsAnalytics(both, 1, NOW);
    expect(overview.weeks).toEqual(WEEKS);
    expect(overview.total).toBe(4);
    expect(overview.items.map((l) => l.id).sort()).toEqual([q1.id, q2.id, q3.id, qd.id].sort());
    expect(overview.items.at(-1)?.id).toBe(q3.id); // withdrawn: last
    expect(byId(overview.items, qDraft.id)).toBeUndefined();
    expect(byId(overview.items, foreignOffer.id)).toBeUndefined();
    expect(byId(overview.items, q1.id)).toEqual((await listingAnalytics(both, "offer", q1.id, NOW)).listing);
    expect(byId(overview.items, q2.id)?.views).toEqual({ total: 9, recent: 9, weekly: weekly({ 10: 9 }) });
    expect(byId(overview.items, q3.id)?.views).toEqual({ total: 1, recent: 0, weekly: weekly({ 3: 1 }) });
    expect(overview.totals).toEqual({ viewsRecent: 11 + 9 + 4, interestRecent: 2 + 1, matches: 2 + 2 });
    // A page past the end shows the last one.
    expect((await ownListingsAnalytics(both, 7, NOW)).page).toBe(1);
  });

  it("is scoped to the user's organization and the kinds they manage; anyone else's listing is not found", async () => {
    const offersOnly = await ownListingsAnalytics(providerOnly, 1, NOW);
    expect(offersOnly.items.map((l) => l.kind)).toEqual(["offer", "offer", "offer"]);
    await expect(listingAnalytics(providerOnly, "demand", qd.id, NOW)).rejects.toMatchObject({ code: "not_found" });

    const theirs = await ownListingsAnalytics(outsider, 1, NOW);
    expect(theirs.items.map((l) => l.id)).not.toContain(q1.id);
    expect(theirs.items.find((l) => l.id === foreignOffer.id)?.views.total).toBe(50);
    for (const [kind, id] of [
      ["offer", q1.id],
      ["demand", qd.id],
      ["offer", qDraft.id],
    ] as const) {
      await expect(listingAnalytics(outsider, kind, id, NOW)).rejects.toMatchObject({ code: "not_found" });
    }
    for (const [kind, id] of [
      ["offer", "0f0e0d0c-0b0a-4988-8776-655443322110"],
      ["demand", q1.id],
      ["expert", q1.id],
      ["offer", "not-a-uuid"],
    ]) {
      await expect(listingAnalytics(both, kind!, id!, NOW)).rejects.toMatchObject({ code: "not_found" });
    }

    const intermediary = await createUser(db, { roles: ["INTERMEDIARY"], organizationId: org });
    await expect(ownListingsAnalytics(intermediary, 1, NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listingAnalytics(intermediary, "offer", q1.id, NOW)).rejects.toMatchObject({ code: "not_found" });
    const alone = await createUser(db, { roles: ["PROVIDER"] });
    expect(await ownListingsAnalytics(alone, 1, NOW)).toMatchObject({ total: 0, items: [] });
  });

  it("shows the views the route counted, in the current week", async () => {
    const fresh = await db.offer.create({ data: buildOffer(org, both.id) });
    for (let i = 0; i < 3; i++)
      await report({ kind: "offer", id: fresh.id }, { "x-forwarded-for": `198.51.100.${i + 1}` });
    await report({ kind: "offer", id: fresh.id }, { cookie: await sessionCookie(providerOnly) }); // the owner's colleague
    const { listing } = await listingAnalytics(both, "offer", fresh.id);
    expect(listing.views.total).toBe(3);
    expect(listing.views.recent).toBe(3);
    expect(listing.views.weekly.at(-1)).toBe(3);
  });
});
