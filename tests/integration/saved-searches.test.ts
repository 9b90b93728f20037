/**
 * Issue #15 item 1: saved searches. A catalog query is saved only as the catalog would accept it,
 * once, at most 20 per user, each user's own; the weekly job e-mails each one's listings published
 * since it last looked (through the search module, with the saved words and filters), at most 10 per
 * mail, nothing when there is nothing new, and moves on — all against a real PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { sendSavedSearchDigests } from "@/lib/saved-searches/digest";
import { normalizeSearch, savedSearchPath } from "@/lib/saved-searches/filters";
import { deleteSavedSearch, saveSearch } from "@/lib/saved-searches/mutations";
import { savedSearchesOf } from "@/lib/saved-searches/queries";
import { MAX_SAVED_SEARCHES } from "@/lib/saved-searches/schemas";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

let n = 0;
const ctx = (user: { id: string }): AuditContext => ({
  actor: { id: user.id, role: "SEEKER" },
  request: { requestId: `saved-${n}`, ip: `198.51.9.${n++ % 250}` },
});

async function principal(id: string): Promise<Principal> {
  const u = await db.user.findUniqueOrThrow({ where: { id } });
  return { id: u.id, roles: u.roles, organizationId: u.organizationId, orgRole: u.orgRole, emailVerified: true };
}

const DAY = 86_400_000;
let orgId = "";
let authorId = "";

async function seeker(locale = "vi") {
  const user = await createUser(db, { roles: ["SEEKER"], organizationId: null, name: "Lê Thị Theo Dõi" });
  if (locale !== "vi") await db.user.update({ where: { id: user.id }, data: { locale } });
  return principal(user.id);
}

/** A published offer (indexed by the search triggers), published at `at`. */
function offer(titleVi: string, at: Date, more: Parameters<typeof buildOffer>[2] = {}) {
  return db.offer.create({
    data: buildOffer(orgId, authorId, {
      titleVi,
      titleEn: `${titleVi} (EN)`,
      publishedAt: at,
      expiresAt: new Date(at.getTime() + 365 * DAY),
      ...more,
    }),
  });
}

const mailsTo = (to: string) => db.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "INSTITUTE" });
  orgId = org.id;
  authorId = (await createUser(db, { roles: ["PROVIDER"], organizationId: org.id })).id;
});

describe("saving a search", () => {
  it("checks the query as the catalog does and stores it in one canonical form", async () => {
    const user = await seeker();
    const saved = await saveSearch(ctx(user), user, {
      kind: "offers",
      q: "  màng lọc  ",
      // Strings as the URL carries them, plus the rest of the catalog's query, which is no filter.
      filters: { trlMin: "5", verified: false, sort: "trl", page: 3, q: "màng lọc", form: "STANDALONE" },
      label: "Màng lọc từ TRL 5",
    });
    expect(saved.created).toBe(true);
    const row = await db.savedSearch.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ userId: user.id, kind: "offers", query: "màng lọc", label: "Màng lọc từ TRL 5" });
    expect(row.filters).toEqual({ trlMin: 5, form: "STANDALONE" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: saved.id } });
    expect(event).toMatchObject({ action: "search.save", actorId: user.id, entityType: "saved_search" });

    const [listed] = await savedSearchesOf(user);
    expect(listed).toMatchObject({
      id: saved.id,
      href: "/technologies?trlMin=5&form=STANDALONE&q=m%C3%A0ng+l%E1%BB%8Dc",
    });
  });

  it("refuses what the catalog would refuse, with every issue", async () => {
    const user = await seeker();
    const refused = (filters: Record<string, string | number | boolean>, kind: "offers" | "demands" = "offers") =>
      saveSearch(ctx(user), user, { kind, q: "", filters, label: "x" });
    await expect(refused({ trlMin: 12 })).rejects.toMatchObject({ message: "invalid_search" });
    await expect(refused({ trlMin: 7, trlMax: 3 })).rejects.toMatchObject({ message: "invalid_search" });
    await expect(refused({ form: "GIFT" })).rejects.toMatchObject({ message: "invalid_search" });
    // A filter of the other catalog, and a key that is no filter at all.
    await expect(refused({ ip: "PATENT" }, "demands")).rejects.toMatchObject({ message: "invalid_search" });
    await expect(refused({ owner: "me" })).rejects.toMatchObject({ message: "invalid_search" });
    // Well-formed but unknown sector code.
    await expect(refused({ sector: "198" })).rejects.toMatchObject({ message: "invalid_search" });
    const issues = normalizeSearch("offers", "", { trlMin: "12", priceMin: "-1", colour: "red" });
    expect(issues.ok ? [] : issues.issues.map((i) => i.path).sort()).toEqual(["colour", "priceMin", "trlMin"]);
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(0);
  });

  it("returns the search already saved instead of a second copy, and stops at the limit", async () => {
    const user = await seeker();
    const first = await saveSearch(ctx(user), user, {
      kind: "demands",
      q: "bùn thải",
      filters: { sector: "207" },
      label: "a",
    });
    const again = await saveSearch(ctx(user), user, {
      kind: "demands",
      q: "bùn thải",
      filters: { sector: "207", verified: false },
      label: "b",
    });
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db.auditEvent.count({ where: { action: "search.save", actorId: user.id } })).toBe(1);

    for (let i = 1; i < MAX_SAVED_SEARCHES; i++)
      await saveSearch(ctx(user), user, { kind: "offers", q: `từ khóa ${i}`, label: `tìm ${i}` });
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(MAX_SAVED_SEARCHES);
    await expect(saveSearch(ctx(user), user, { kind: "offers", q: "một nữa", label: "thừa" })).rejects.toMatchObject({
      message: "saved_search_limit",
    });
    // Saving one already saved still answers at the limit.
    await expect(
      saveSearch(ctx(user), user, { kind: "demands", q: "bùn thải", filters: { sector: "207" }, label: "c" }),
    ).resolves.toEqual({ id: first.id, created: false });
  });

  it("is the parties' own: staff cannot save, nobody deletes another's", async () => {
    const owner = await seeker();
    const other = await seeker();
    const operator = await principal((await createUser(db, { roles: ["OPERATOR"] })).id);
    await expect(saveSearch(ctx(operator), operator, { kind: "offers", q: "x", label: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const saved = await saveSearch(ctx(owner), owner, { kind: "offers", q: "cảm biến", label: "Cảm biến" });
    await expect(deleteSavedSearch(ctx(other), other, saved.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await savedSearchesOf(other)).toEqual([]);
    await deleteSavedSearch(ctx(owner), owner, saved.id);
    expect(await db.savedSearch.count({ where: { id: saved.id } })).toBe(0);
    await expect(deleteSavedSearch(ctx(owner), owner, saved.id)).rejects.toMatchObject({ code: "not_found" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: saved.id, action: "search.delete_saved" },
    });
    expect(event.before).toMatchObject({ kind: "offers", query: "cảm biến", label: "Cảm biến" });
  });
});

describe("the weekly e-mail", () => {
  it("mails the listings published since the last run that match the words and filters, then moves on", async () => {
    const user = await seeker();
    const email = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).email;
    const now = new Date();
    const saved = await saveSearch(ctx(user), user, {
      kind: "offers",
      q: "gốm xốp",
      filters: { trlMin: 5 },
      label: "Gốm xốp lọc nước",
    });
    const checkedAt = new Date(now.getTime() - 7 * DAY);
    await db.savedSearch.update({ where: { id: saved.id }, data: { checkedAt } });

    await offer("Gốm xốp lọc nước cũ", new Date(now.getTime() - 8 * DAY));
    const fresh = await offer("Gốm xốp lọc nước giếng khoan", new Date(now.getTime() - 2 * DAY));
    await offer("Gốm xốp TRL thấp", new Date(now.getTime() - 2 * DAY), { trl: 3 });
    await offer("Màng lọc nano bạc", new Date(now.getTime() - 2 * DAY));
    // Published seconds ago: its approval may not have committed for every reader yet; next week.
    const settling = await offer("Gốm xốp vừa đăng", new Date(now.getTime() - 5_000));

    const run = await sendSavedSearchDigests({ now, userId: user.id });
    expect(run).toEqual({ searches: 1, sent: 1, invalid: 0 });
    const [mail, ...more] = await mailsTo(email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("Tin mới cho tìm kiếm “Gốm xốp lọc nước”");
    expect(mail!.body).toContain("Xin chào Lê Thị Theo Dõi,");
    expect(mail!.body).toContain("Có 1 công nghệ mới đăng");
    expect(mail!.body).toContain("- Gốm xốp lọc nước giếng khoan");
    expect(mail!.body).toContain(`/technologies/${fresh.slug}`);
    for (const absent of ["cũ", "TRL thấp", "Màng lọc nano", "vừa đăng"]) expect(mail!.body).not.toContain(absent);
    expect(mail!.body).toContain(
      `Xem tất cả kết quả: http://localhost:3000${savedSearchPath("offers", "gốm xốp", { trlMin: 5 })}`,
    );
    expect(mail!.body).toContain("/account/saved-searches");

    const after = await db.savedSearch.findUniqueOrThrow({ where: { id: saved.id } });
    expect(after.checkedAt.getTime()).toBe(now.getTime() - 60_000);
    expect(after.lastSentAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: saved.id, action: "search.send_alert" } });
    expect(event.after).toMatchObject({ listings: [fresh.id], count: 1 });

    // Nothing new: nothing sent, nothing moved. A week later the settling listing is new.
    expect(await sendSavedSearchDigests({ now, userId: user.id })).toMatchObject({ sent: 0 });
    expect(await mailsTo(email)).toHaveLength(1);
    const later = await sendSavedSearchDigests({ now: new Date(now.getTime() + 7 * DAY), userId: user.id });
    expect(later).toMatchObject({ sent: 1 });
    const second = (await mailsTo(email))[1]!;
    expect(second.body).toContain(`/technologies/${settling.slug}`);
    expect(second.body).not.toContain(fresh.slug);
  });

  it("lists at most 10 listings, newest first, in the owner's language, and links to all of them", async () => {
    const user = await seeker("en");
    const email = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).email;
    const now = new Date();
    const saved = await saveSearch(ctx(user), user, {
      kind: "demands",
      q: "",
      filters: { sector: "202" },
      label: "Electrical",
    });
    await db.savedSearch.update({ where: { id: saved.id }, data: { checkedAt: new Date(now.getTime() - 7 * DAY) } });
    for (let i = 1; i <= 12; i++) {
      await db.demand.create({
        data: buildDemand(orgId, authorId, {
          titleVi: `Nhu cầu điện số ${i}`,
          titleEn: `Electrical demand ${i}`,
          sectorCode: "202",
          publishedAt: new Date(now.getTime() - (13 - i) * 3_600_000),
        }),
      });
    }
    await sendSavedSearchDigests({ now, userId: user.id });
    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe("New listings for your search “Electrical”");
    expect(mail!.body).toContain("12 new demands match your search “Electrical”");
    const listed = [...mail!.body.matchAll(/^- (.+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual(Array.from({ length: 10 }, (_, i) => `Electrical demand ${12 - i}`));
    expect(mail!.body).toContain("http://localhost:3000/en/demands/");
    expect(mail!.body).toContain("See all results: http://localhost:3000/en/demands?sector=202");
  });

  it("skips disabled accounts and staff, and keeps a search the catalog no longer accepts", async () => {
    const now = new Date();
    const disabled = await seeker();
    const broken = await seeker();
    const a = await saveSearch(ctx(disabled), disabled, { kind: "offers", q: "", label: "tất cả" });
    const b = await saveSearch(ctx(broken), broken, { kind: "offers", q: "", label: "hỏng" });
    await db.savedSearch.updateMany({
      where: { id: { in: [a.id, b.id] } },
      data: { checkedAt: new Date(now.getTime() - 7 * DAY) },
    });
    await offer("Công nghệ mới cho mọi người", new Date(now.getTime() - DAY));
    await db.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    // As if the catalog had dropped a filter since the search was saved.
    await db.savedSearch.update({ where: { id: b.id }, data: { filters: { colour: "red" } } });

    expect(await sendSavedSearchDigests({ now, userId: disabled.id })).toEqual({ searches: 0, sent: 0, invalid: 0 });
    expect(await sendSavedSearchDigests({ now, userId: broken.id })).toEqual({ searches: 1, sent: 0, invalid: 1 });
    expect(await db.savedSearch.count({ where: { id: b.id } })).toBe(1);
    const [listed] = await savedSearchesOf(broken);
    expect(listed?.href).toBeNull();
  });

  it("never sends one week's e-mail twice when two runs overlap", async () => {
    const user = await seeker();
    const email = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).email;
    const now = new Date();
    const saved = await saveSearch(ctx(user), user, { kind: "offers", q: "đồng thời", label: "đồng thời" });
    await db.savedSearch.update({ where: { id: saved.id }, data: { checkedAt: new Date(now.getTime() - 7 * DAY) } });
    await offer("Thiết bị đo đồng thời nhiều chỉ tiêu", new Date(now.getTime() - DAY));
    const runs = await Promise.all([
      sendSavedSearchDigests({ now, userId: user.id }),
      sendSavedSearchDigests({ now, userId: user.id }),
    ]);
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(await mailsTo(email)).toHaveLength(1);
  });
});
