/**
 * Issue 14 item 4: searches that still return nothing are counted by their normalized text, never
 * by who searched. The browser reports them (`POST /api/search/miss`, the result pages are cached);
 * the route searches again and records only a real miss. Officers and the operator read and handle
 * the list. Real PostgreSQL, the real search.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { dismissMissAction } from "@/app/[locale]/(admin)/admin/search-insights/actions";
import { POST } from "@/app/api/search/miss/route";
import { systemContext } from "@/lib/audit/context";
import { proxyMark } from "@/lib/auth/client-ip";
import type { Principal } from "@/lib/authz";
import { db, pool } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  allowMissReport,
  dismissMiss,
  listMisses,
  MISS_REPORT_WINDOW_MS,
  MISS_REPORTS_PER_WINDOW,
  missKey,
  recordMiss,
  resetMissReportLimiter,
} from "@/lib/search/misses";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));

const ctx = systemContext("test:misses");
const CLIENT_IP = "203.0.113.7";

/** A report as the browser sends it, through proxy.ts (which marks the request and sets the address). */
const report = (body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost/api/search/miss", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": CLIENT_IP,
        "x-techex-proxy": proxyMark(process.env.AUTH_SECRET)!,
        ...headers,
      },
    }),
  );
const missRow = (query: string) => db.searchMiss.findUnique({ where: { query } });
const signedIn = (user: Principal) => ({
  ...user,
  email: `${user.id}@example.vn`,
  name: "Nhân viên",
  orgRole: null,
  emailVerified: true,
  organization: null,
});

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "UNIVERSITY" });
  const user = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  await db.offer.create({
    data: buildOffer(org.id, user.id, {
      titleVi: "Máy sấy nông sản dùng năng lượng mặt trời",
      titleEn: null,
      summaryVi: "Sấy khô nông sản sau thu hoạch, tiết kiệm điện.",
      description: "Buồng sấy đối lưu, bộ thu nhiệt tấm phẳng.",
      keywords: ["máy sấy", "nông sản"],
      sectorCode: "207",
    }),
  });
});

beforeEach(() => resetMissReportLimiter());

describe("recordMiss", () => {
  it("keys a search by its folded words and keeps the first sample as typed (NFC, lower case, spaces collapsed)", async () => {
    expect(missKey("  Máy   THỔI khói?! ")).toEqual({ query: "may thoi khoi", sample: "máy thổi khói?!" });
    expect(missKey("máy thổi khói".normalize("NFD"))).toEqual({ query: "may thoi khoi", sample: "máy thổi khói" });
    expect(missKey("?!… ---")).toBeNull();
    expect(missKey("")).toBeNull();
    // Long searches are cut to whole words within 200 characters.
    const long = missKey(Array.from({ length: 12 }, () => "x".repeat(30)).join(" "))!;
    expect(long.query.length).toBeLessThanOrEqual(200);
    expect(long.query.split(" ").every((w) => w.length === 30)).toBe(true);
    expect([...missKey("ữ".repeat(500))!.sample]).toHaveLength(200);
  });

  it("counts the same search however it is typed, and stores nothing for a search without words", async () => {
    expect(await recordMiss("Máy thổi khói")).toBe(true);
    const first = await missRow("may thoi khoi");
    expect(first).toMatchObject({ sample: "máy thổi khói", count: 1, handledAt: null });
    expect(await recordMiss("MAY THOI KHOI")).toBe(true);
    const second = await missRow("may thoi khoi");
    expect(second).toMatchObject({ sample: "máy thổi khói", count: 2 });
    expect(second!.lastSeen.getTime()).toBeGreaterThanOrEqual(first!.lastSeen.getTime());
    expect(second!.firstSeen).toEqual(first!.firstSeen);

    const rows = await db.searchMiss.count();
    expect(await recordMiss("  ?? !! ")).toBe(false);
    expect(await db.searchMiss.count()).toBe(rows);
  });

  it("re-opens a handled miss when it is searched again", async () => {
    await recordMiss("bể biogas composite");
    await dismissMiss(ctx, await createUser(db, { roles: ["OPERATOR"] }), "be biogas composite");
    expect((await missRow("be biogas composite"))?.handledAt).not.toBeNull();
    await recordMiss("bể biogas composite");
    expect(await missRow("be biogas composite")).toMatchObject({ handledAt: null, count: 2 });
  });
});

describe("POST /api/search/miss", () => {
  it("answers 400 with a message for a body that is not JSON { q } or longer than 500 characters", async () => {
    for (const body of ["not json", JSON.stringify({ q: 5 }), JSON.stringify({}), JSON.stringify(["q"]), "null"]) {
      const response = await report(body);
      expect(response.status, body).toBe(400);
      expect(await response.json(), body).toMatchObject({ error: "invalid_body", message: expect.any(String) });
    }
    const long = await report({ q: "a".repeat(501) });
    expect(long.status).toBe(400);
    expect((await long.json()).message).toMatch(/500/);
    expect((await report({ q: `${"a ".repeat(9000)}` })).status).toBe(400);
    expect(await missRow("a")).toBeNull();
  });

  it("answers 204 and records nothing when the search finds listings (exactly or approximately)", async () => {
    const rows = await db.searchMiss.count();
    for (const q of ["máy sấy", "MAY SAY NONG SAN", "máy sấy nông sản dùng năng lượng mặt trời"]) {
      const response = await report({ q });
      expect(response.status, q).toBe(204);
      expect(await response.text()).toBe("");
    }
    expect(await db.searchMiss.count()).toBe(rows);
  });

  it("answers 204 and records a search that finds nothing, once per report", async () => {
    expect((await report({ q: "  Kèn XYLOPHONE  kazoo ocarina  " })).status).toBe(204);
    expect(await missRow("ken xylophone kazoo ocarina")).toMatchObject({
      sample: "kèn xylophone kazoo ocarina",
      count: 1,
    });
    expect((await report({ q: "ken xylophone kazoo ocarina" })).status).toBe(204);
    expect((await missRow("ken xylophone kazoo ocarina"))?.count).toBe(2);
    // Only punctuation: nothing to count.
    const rows = await db.searchMiss.count();
    expect((await report({ q: "?!?" })).status).toBe(204);
    expect(await db.searchMiss.count()).toBe(rows);
  });

  it("stores nothing about the sender: no address, cookie or browser anywhere, no audit or security event", async () => {
    const audit = await db.auditEvent.count();
    const security = await db.securityEvent.count();
    const response = await report(
      { q: "Ukulele  zither" },
      { cookie: "next-auth.session-token=secret-token", "user-agent": "Mozilla/5.0 TestBrowser" },
    );
    expect(response.status).toBe(204);
    const { rows: columns } = await pool().query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'search_misses' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "count",
      "first_seen",
      "handled_at",
      "last_seen",
      "query",
      "sample",
    ]);
    const row = await missRow("ukulele zither");
    expect(row).not.toBeNull();
    const stored = JSON.stringify(row);
    for (const secret of [CLIENT_IP, "secret-token", "TestBrowser"]) expect(stored).not.toContain(secret);
    expect(await db.auditEvent.count()).toBe(audit);
    expect(await db.securityEvent.count()).toBe(security);
  });

  it("is rate limited per client address (429), other addresses unaffected, and the limit resets after its window", async () => {
    for (let i = 0; i < MISS_REPORTS_PER_WINDOW; i++) expect(allowMissReport(CLIENT_IP)).toBe(true);
    const refused = await report({ q: "kèn theremin oboe" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(MISS_REPORT_WINDOW_MS / 1000));
    expect(await missRow("ken theremin oboe")).toBeNull();
    expect((await report({ q: "kèn theremin oboe" }, { "x-forwarded-for": "198.51.100.9" })).status).toBe(204);
    expect(await missRow("ken theremin oboe")).toMatchObject({ count: 1 });
    expect(allowMissReport(CLIENT_IP, Date.now() + MISS_REPORT_WINDOW_MS + 1)).toBe(true);
  });

  it("does not believe an address a client wrote itself: unmarked requests share one bucket", async () => {
    for (let i = 0; i < MISS_REPORTS_PER_WINDOW; i++) expect(allowMissReport(null)).toBe(true);
    // No proxy mark: X-Forwarded-For is the client's own claim, so it counts as the unknown address.
    expect((await report({ q: "abc" }, { "x-techex-proxy": "forged", "x-forwarded-for": "192.0.2.1" })).status).toBe(
      429,
    );
    expect((await report({ q: "abc" })).status).toBe(204);
  });
});

describe("the list and its handling", () => {
  let operator: Principal;

  beforeAll(async () => {
    operator = await createUser(db, { roles: ["OPERATOR"] });
    await db.searchMiss.deleteMany();
    const day = 24 * 60 * 60 * 1000;
    const rows = [
      { query: "gach khong nung", sample: "gạch không nung", count: 9, lastSeen: new Date(Date.now() - 2 * day) },
      { query: "xe dien ba banh", sample: "xe điện ba bánh", count: 4, lastSeen: new Date(Date.now() - 40 * day) },
      {
        query: "mang boc thuc pham",
        sample: "màng bọc thực phẩm",
        count: 12,
        lastSeen: new Date(Date.now() - 100 * day),
      },
      { query: "kinh cuong luc", sample: "kính cường lực", count: 20, lastSeen: new Date(), handledAt: new Date() },
    ];
    for (const row of rows)
      await db.searchMiss.create({ data: { ...row, firstSeen: new Date(Date.now() - 200 * day) } });
  });

  it("shows the open misses, most counted first, filtered by period; handled ones on request", async () => {
    const samples = async (filter: Parameters<typeof listMisses>[1]) =>
      (await listMisses(operator, filter)).items.map((m) => m.sample);
    expect(await samples({})).toEqual(["màng bọc thực phẩm", "gạch không nung", "xe điện ba bánh"]);
    expect(await samples({ period: "30" })).toEqual(["gạch không nung"]);
    expect(await samples({ period: "90" })).toEqual(["gạch không nung", "xe điện ba bánh"]);
    expect(await samples({ state: "handled" })).toEqual(["kính cường lực"]);
    expect(await samples({ state: "all", period: "7" })).toEqual(["kính cường lực", "gạch không nung"]);
    expect(await listMisses(operator, {})).toMatchObject({ total: 3, open: 3, page: 1, pageCount: 1 });
  });

  it("dismisses a miss with the action, audited; a handled or unknown one answers an error", async () => {
    session.user = signedIn(operator);
    expect(await dismissMissAction({ ok: true }, form({ query: "xe dien ba banh" }))).toMatchObject({
      ok: true,
      message: "dismissed",
    });
    expect((await missRow("xe dien ba banh"))?.handledAt).not.toBeNull();
    const [event] = await db.auditEvent.findMany({
      where: { action: "search.handle_miss", entityId: "xe dien ba banh" },
    });
    expect(event).toMatchObject({
      entityType: "search_miss",
      actorId: operator.id,
      before: { query: "xe dien ba banh", count: 4, handledAt: null },
      after: { query: "xe dien ba banh", count: 4, via: "dismissed" },
    });
    expect(await dismissMissAction({ ok: true }, form({ query: "xe dien ba banh" }))).toMatchObject({
      ok: false,
      formError: "Lượt tìm này đã được xử lý.",
    });
    expect(await dismissMissAction({ ok: true }, form({ query: "khong co" }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("lets officers and the operator handle misses, the auditor only read, and nobody else either", async () => {
    for (const roles of [["OFFICER"], ["OPERATOR"], ["AUDITOR"]] as Role[][]) {
      const user = await createUser(db, { roles });
      expect((await listMisses(user, { state: "all" })).total, roles.join()).toBe(4);
    }
    for (const roles of [["PROVIDER"], ["SEEKER"], ["INTERMEDIARY"], ["ADMIN"]] as Role[][]) {
      const user = await createUser(db, { roles });
      await expect(listMisses(user, {}), roles.join()).rejects.toMatchObject({ code: "forbidden" });
    }
    const before = [await db.searchMiss.findMany({ orderBy: { query: "asc" } }), await db.auditEvent.count()];
    for (const roles of [["PROVIDER"], ["SEEKER"], ["INTERMEDIARY"], ["AUDITOR"], ["ADMIN"]] as Role[][]) {
      const user = await createUser(db, { roles });
      await expect(dismissMiss(ctx, user, "gach khong nung"), roles.join()).rejects.toMatchObject({
        code: "forbidden",
      });
      session.user = signedIn(user);
      expect(await dismissMissAction({ ok: true }, form({ query: "gach khong nung" })), roles.join()).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect([await db.searchMiss.findMany({ orderBy: { query: "asc" } }), await db.auditEvent.count()]).toEqual(before);
    // An officer may.
    await dismissMiss(ctx, await createUser(db, { roles: ["OFFICER"] }), "gach khong nung");
    expect((await missRow("gach khong nung"))?.handledAt).not.toBeNull();
  });
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
