/**
 * Issue 14 item 2: the search thesaurus as data, edited by department officers in /admin/thesaurus.
 * Every change is validated, audited with before/after and expires the cached catalog and search
 * pages; `folded` (what the engine matches) is always computed from the terms; an entry created
 * from a zero-result search marks that search handled. Real PostgreSQL.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createSynonymAction,
  deleteSynonymAction,
  setSynonymActiveAction,
  updateSynonymAction,
} from "@/app/[locale]/(admin)/admin/thesaurus/actions";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { observeInvalidations } from "@/lib/cache/invalidate";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordMiss } from "@/lib/search/misses";
import {
  createSynonym,
  deleteSynonym,
  listSynonyms,
  setSynonymActive,
  THESAURUS_PAGE_SIZE,
  THESAURUS_TAGS,
  updateSynonym,
} from "@/lib/search/thesaurus-admin";
import { CreateSynonymSchema, UpdateSynonymSchema } from "@/lib/search/thesaurus-schemas";
import { buildTaxonomyNode, createUser, ensureTaxonomy } from "../factories";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));

const ctx = systemContext("test:thesaurus");
let officer: Principal;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const signedIn = (user: Principal) => ({
  ...user,
  email: `${user.id}@example.vn`,
  name: "Cán bộ",
  orgRole: null,
  emailVerified: true,
  organization: null,
});
const entry = (input: Record<string, unknown>) => CreateSynonymSchema.parse({ kind: "SYNONYM", ...input });
/** The message keys of a parse, by field. */
const problems = (input: Record<string, unknown>) => {
  const parsed = CreateSynonymSchema.safeParse({ kind: "SYNONYM", terms: "trâu bò, gia súc", ...input });
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error?.issues ?? []) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
};
const eventsOf = (id: string) => db.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } });

beforeAll(async () => {
  await ensureTaxonomy(db); // field 2 (active) with sectors 207 and 202
  await db.taxonomyNode.create({
    data: {
      ...buildTaxonomyNode({ code: "5", parentCode: null, nameVi: "Khoa học xã hội", nameEn: "Social" }),
      active: false,
    },
  });
  officer = await createUser(db, { roles: ["OFFICER"] });
});

beforeEach(() => {
  session.user = signedIn(officer);
});

describe("validation", () => {
  it("splits the terms by line or comma, lower-cases them in NFC and keeps their order", () => {
    const parsed = entry({ terms: "Máy Sấy\n  LÒ   SẤY ,tủ sấy;\n\n", weight: "0,75", fieldCode: "", note: "  " });
    expect(parsed.terms).toEqual(["máy sấy", "lò sấy", "tủ sấy"]);
    expect(parsed.terms.every((t) => t === t.normalize("NFC"))).toBe(true);
    expect(parsed).toMatchObject({ weight: 0.75, fieldCode: null, note: null });
    // A decomposed (NFD) Vietnamese term is stored composed.
    expect(entry({ terms: ["nước thải".normalize("NFD"), "wastewater"] }).terms[0]).toBe("nước thải");
    expect(entry({ terms: "a, b", weight: "" }).weight).toBe(0.8);
  });

  it("refuses fewer than 2 or more than 8 terms, bad characters, long terms, and weights out of range", () => {
    expect(problems({ terms: "gia súc" }).terms).toEqual(["terms_too_few"]);
    expect(problems({ terms: "a,b,c,d,e,f,g,h,i" }).terms).toEqual(["terms_too_many"]);
    expect(problems({ terms: "máy-sấy, lò sấy" }).terms).toEqual(["term_invalid"]);
    expect(problems({ terms: "xử lý nước thải?, xlnt" }).terms).toEqual(["term_invalid"]);
    expect(problems({ terms: `${"a".repeat(61)}, b` }).terms).toEqual(["term_too_long"]);
    expect(problems({ terms: "hệ thống xử lý nước thải, xlnt" }).terms).toEqual(["term_too_many_words"]);
    expect(problems({ terms: "a\u200bb, c" }).terms).toEqual(["invisible_characters"]);
    for (const weight of ["0.05", "0.96", "1", "abc", "-0.5"])
      expect(problems({ weight }).weight, weight).toEqual(["weight_range"]);
    for (const weight of ["0.1", "0.95", "0,5"]) expect(problems({ weight }).weight, weight).toBeUndefined();
    expect(problems({ kind: "ANTONYM" }).kind).toEqual(["choose_one"]);
    expect(problems({ fieldCode: "2a" }).fieldCode).toEqual(["field_unknown"]);
    expect(problems({ note: "x".repeat(301) }).note).toEqual(["too_long"]);
  });

  it("rejects two terms that fold to the same text, in the form and in lib", async () => {
    const rows = await db.searchSynonym.count();
    expect(problems({ terms: "máy sấy, may say, lò sấy" }).terms).toEqual(["terms_duplicate"]);
    expect(problems({ terms: "Đèn LED, den led" }).terms).toEqual(["terms_duplicate"]);
    // lib checks again whatever the caller (not only the form's schema).
    await expect(
      createSynonym(ctx, officer, {
        kind: "SYNONYM",
        terms: ["máy sấy", "MAY SAY"],
        weight: 0.8,
        fieldCode: null,
        note: null,
      }),
    ).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { terms: ["terms_duplicate"] } } });
    expect(await db.searchSynonym.count()).toBe(rows);
  });

  it("answers every field's problem at once through the action, in Vietnamese", async () => {
    const answer = await createSynonymAction(
      { ok: true },
      form({ kind: "SYNONYM", terms: "máy sấy, may say", weight: "2", fieldCode: "", note: "" }),
    );
    expect(answer).toMatchObject({
      ok: false,
      fieldCodes: { terms: ["terms_duplicate"], weight: ["weight_range"] },
      fieldErrors: {
        terms: [expect.stringContaining("giống nhau khi bỏ dấu")],
        weight: ["Trọng số là một số từ 0,1 đến 0,95."],
      },
    });
  });

  it("accepts only an active top-level field", async () => {
    const rows = await db.searchSynonym.count();
    for (const fieldCode of ["9", "207", "5"])
      await expect(
        createSynonym(ctx, officer, entry({ terms: "ô tô điện, xe điện", fieldCode })),
        fieldCode,
      ).rejects.toMatchObject({
        details: { fieldErrors: { fieldCode: ["field_unknown"] } },
      });
    const answer = await createSynonymAction(
      { ok: true },
      form({ kind: "SYNONYM", terms: "ô tô điện, xe điện", fieldCode: "5" }),
    );
    expect(answer).toMatchObject({
      ok: false,
      fieldErrors: { fieldCode: ["Chọn một lĩnh vực đang dùng, hoặc để trống."] },
    });
    expect(await db.searchSynonym.count()).toBe(rows);
  });
});

describe("editing the thesaurus", () => {
  let id: string;

  it("creates an entry with its folded terms, audited, and expires the catalog and search pages", async () => {
    const expired: (readonly string[])[] = [];
    const stop = observeInvalidations((t) => expired.push(t));
    try {
      const { entry: created } = await createSynonym(
        ctx,
        officer,
        entry({
          kind: "EXPANSION",
          terms: "XLNT\nxử lý nước thải\nWastewater",
          weight: "0.7",
          fieldCode: "2",
          note: "Viết tắt",
        }),
      );
      id = created.id;
    } finally {
      stop();
    }
    const row = await db.searchSynonym.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      kind: "EXPANSION",
      terms: ["xlnt", "xử lý nước thải", "wastewater"],
      folded: ["xlnt", "xu ly nuoc thai", "wastewater"],
      weight: 0.7,
      fieldCode: "2",
      note: "Viết tắt",
      active: true,
      createdById: officer.id,
    });
    expect(expired).toEqual([[...THESAURUS_TAGS]]);
    expect([...THESAURUS_TAGS].sort()).toEqual(["catalog:demands", "catalog:offers"]);
    const [event] = await eventsOf(id);
    expect(event).toMatchObject({
      action: "thesaurus.create",
      entityType: "search_synonym",
      before: null,
      after: { kind: "EXPANSION", terms: row.terms, folded: row.folded, weight: 0.7, active: true },
    });
  });

  it("refuses an entry that repeats another of the same kind", async () => {
    await expect(
      createSynonym(ctx, officer, entry({ kind: "EXPANSION", terms: "xlnt, wastewater, xử lý nước thải" })),
    ).rejects.toMatchObject({ message: "entry_exists" });
    // Another first term is another expansion.
    const other = await createSynonym(
      ctx,
      officer,
      entry({ kind: "EXPANSION", terms: "wastewater, xlnt, xử lý nước thải" }),
    );
    await deleteSynonym(ctx, officer, other.entry.id);
  });

  it("updates terms, kind, weight, field and note with before/after, recomputing folded; a stale form is refused", async () => {
    const before = await db.searchSynonym.findUniqueOrThrow({ where: { id } });
    const expired: (readonly string[])[] = [];
    const stop = observeInvalidations((t) => expired.push(t));
    try {
      await updateSynonym(
        ctx,
        officer,
        UpdateSynonymSchema.parse({
          id,
          updatedAt: before.updatedAt.toISOString(),
          kind: "SYNONYM",
          terms: "nước thải, nuoc xa thai, Đồ thải lỏng",
          weight: "0.6",
          fieldCode: "",
          note: "",
        }),
      );
    } finally {
      stop();
    }
    const after = await db.searchSynonym.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({
      kind: "SYNONYM",
      terms: ["nước thải", "nuoc xa thai", "đồ thải lỏng"],
      folded: ["nuoc thai", "nuoc xa thai", "do thai long"],
      weight: 0.6,
      fieldCode: null,
      note: null,
    });
    expect(expired).toEqual([[...THESAURUS_TAGS]]);
    const update = (await eventsOf(id)).find((e) => e.action === "thesaurus.update");
    expect(update).toMatchObject({
      before: { kind: "EXPANSION", terms: ["xlnt", "xử lý nước thải", "wastewater"], weight: 0.7, fieldCode: "2" },
      after: { kind: "SYNONYM", folded: ["nuoc thai", "nuoc xa thai", "do thai long"], weight: 0.6, fieldCode: null },
    });

    // The form still carries the old version: someone saved meanwhile.
    const stale = await updateSynonymAction(
      { ok: true },
      form({ id, updatedAt: before.updatedAt.toISOString(), kind: "SYNONYM", terms: "a, b", weight: "0.5" }),
    );
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect((await db.searchSynonym.findUniqueOrThrow({ where: { id } })).terms).toEqual(after.terms);
  });

  it("deactivates and reactivates through the action, audited; the same state twice is refused", async () => {
    expect(await setSynonymActiveAction({ ok: true }, form({ id, active: "false" }))).toMatchObject({
      ok: true,
      message: "deactivated",
    });
    expect((await db.searchSynonym.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    expect(await setSynonymActiveAction({ ok: true }, form({ id, active: "false" }))).toMatchObject({
      ok: false,
      code: "already_inactive",
      formError: "Mục này đã ngừng áp dụng.",
    });
    await setSynonymActive(ctx, officer, id, true);
    const toggles = (await eventsOf(id)).filter((e) => e.action === "thesaurus.update").slice(-2);
    expect(toggles.map((e) => [e.before, e.after])).toEqual([
      [
        { terms: ["nước thải", "nuoc xa thai", "đồ thải lỏng"], active: true },
        { terms: ["nước thải", "nuoc xa thai", "đồ thải lỏng"], active: false },
      ],
      [
        { terms: ["nước thải", "nuoc xa thai", "đồ thải lỏng"], active: false },
        { terms: ["nước thải", "nuoc xa thai", "đồ thải lỏng"], active: true },
      ],
    ]);
  });

  it("lists entries paged and filtered by text (accents ignored), kind, field and state, and counts the curated ones", async () => {
    // Entries of the test's own words ("zeta"), beside the curated ones the migrations ship.
    await db.searchSynonym.create({
      data: {
        kind: "EXPANSION",
        terms: ["zetamt", "năng lượng zeta"],
        folded: ["zetamt", "nang luong zeta"],
        fieldCode: "2",
      },
    });
    const mine = await createSynonym(ctx, officer, entry({ terms: "trâu zeta, gia súc zeta", fieldCode: "2" }));
    await setSynonymActive(ctx, officer, mine.entry.id, false);
    const terms = async (filter: Parameters<typeof listSynonyms>[1]) =>
      (await listSynonyms(officer, { q: "zeta", ...filter })).items.map((i) => i.terms[0]);
    expect(await listSynonyms(officer, { q: "zeta" })).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect((await listSynonyms(officer, {})).curated).toBe(
      await db.searchSynonym.count({ where: { createdById: null } }),
    );
    expect((await terms({})).sort()).toEqual(["trâu zeta", "zetamt"]);
    expect(await terms({ q: "NANG LUONG ZETA" })).toEqual(["zetamt"]);
    expect(await terms({ q: "gia súc zeta" })).toEqual(["trâu zeta"]);
    expect(await terms({ q: "100%_" })).toEqual([]);
    expect(await terms({ kind: "EXPANSION" })).toEqual(["zetamt"]);
    expect((await terms({ field: "2" })).sort()).toEqual(["trâu zeta", "zetamt"]);
    expect(await terms({ state: "inactive" })).toEqual(["trâu zeta"]);
    // Past the last page: the last page.
    expect(await listSynonyms(officer, { q: "zeta" }, 7)).toMatchObject({ page: 1, total: 2 });
    // Pages do not overlap, newest first (the curated entries the migrations ship fill many pages).
    const first = await listSynonyms(officer, {}, 1);
    const second = await listSynonyms(officer, {}, 2);
    expect(first.total).toBeGreaterThan(THESAURUS_PAGE_SIZE);
    expect(first.items).toHaveLength(THESAURUS_PAGE_SIZE);
    expect(second.page).toBe(2);
    const ids = new Set(first.items.map((i) => i.id));
    expect(second.items.some((i) => ids.has(i.id))).toBe(false);
    expect(first.items[0]?.id).toBe(mine.entry.id);
    await deleteSynonym(ctx, officer, mine.entry.id);
  });

  it("deletes an entry with the action; the audit log keeps what it was", async () => {
    expect(await deleteSynonymAction({ ok: true }, form({ id }))).toMatchObject({ ok: true, message: "deleted" });
    expect(await db.searchSynonym.findUnique({ where: { id } })).toBeNull();
    const deleted = (await eventsOf(id)).find((e) => e.action === "thesaurus.delete");
    expect(deleted).toMatchObject({
      before: { terms: ["nước thải", "nuoc xa thai", "đồ thải lỏng"], active: true },
      after: null,
    });
    expect(await deleteSynonymAction({ ok: true }, form({ id }))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("from a search that found nothing", () => {
  it("marks the miss handled with the new entry, in the same transaction, audited; a new miss re-opens it", async () => {
    await recordMiss("Máy thổi khói");
    await recordMiss("may thoi khoi");
    const answer = await createSynonymAction(
      { ok: true },
      form({ kind: "SYNONYM", terms: "máy thổi khói\nmáy tạo khói", weight: "0.8", miss: "may thoi khoi" }),
    );
    expect(answer).toMatchObject({ ok: true, message: "createdFromMiss" });
    const miss = await db.searchMiss.findUniqueOrThrow({ where: { query: "may thoi khoi" } });
    expect(miss.handledAt).not.toBeNull();
    const created = await db.searchSynonym.findFirstOrThrow({ where: { folded: { has: "may tao khoi" } } });
    const [handled] = await db.auditEvent.findMany({
      where: { action: "search.handle_miss", entityId: "may thoi khoi" },
    });
    expect(handled).toMatchObject({
      entityType: "search_miss",
      before: { query: "may thoi khoi", count: 2, handledAt: null },
      after: { query: "may thoi khoi", count: 2, via: "synonym", synonymId: created.id },
    });
    const [create] = await eventsOf(created.id);
    expect(create?.after).toMatchObject({ miss: "may thoi khoi" });

    // Already handled: a second entry for it does not touch it again.
    expect(
      await createSynonymAction(
        { ok: true },
        form({ kind: "SYNONYM", terms: "khói sân khấu, máy khói", miss: "may thoi khoi" }),
      ),
    ).toMatchObject({ ok: true, message: "created" });
    expect(await db.auditEvent.count({ where: { action: "search.handle_miss" } })).toBe(1);

    await recordMiss("máy thổi khói");
    expect(await db.searchMiss.findUniqueOrThrow({ where: { query: "may thoi khoi" } })).toMatchObject({
      handledAt: null,
      count: 3,
    });
  });

  it("leaves the miss open when the entry is refused", async () => {
    await recordMiss("đèn sưởi hồng ngoại");
    const answer = await createSynonymAction(
      { ok: true },
      form({ kind: "SYNONYM", terms: "đèn sưởi hồng ngoại", miss: "den suoi hong ngoai" }),
    );
    expect(answer).toMatchObject({ ok: false, fieldCodes: { terms: ["terms_too_few"] } });
    expect((await db.searchMiss.findUniqueOrThrow({ where: { query: "den suoi hong ngoai" } })).handledAt).toBeNull();
  });
});

describe("who may change the thesaurus", () => {
  it("every staff role reads it; parties do not", async () => {
    for (const roles of [["OFFICER"], ["OPERATOR"], ["AUDITOR"], ["ADMIN"]] as Role[][]) {
      const user = await createUser(db, { roles });
      expect((await listSynonyms(user, {})).total, roles.join()).toBeGreaterThan(0);
    }
    for (const roles of [["PROVIDER"], ["SEEKER"], ["INTERMEDIARY"]] as Role[][]) {
      const user = await createUser(db, { roles });
      await expect(listSynonyms(user, {}), roles.join()).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("refuses every change to everyone but officers — the operator and the auditor included — and changes nothing", async () => {
    const target = await createSynonym(ctx, officer, entry({ terms: "phần mềm zeta, ứng dụng zeta" }));
    const id = target.entry.id;
    await recordMiss("lò vi sóng công nghiệp");
    const snapshot = async () => [
      await db.searchSynonym.findMany({ orderBy: { id: "asc" } }),
      await db.searchMiss.findMany({ orderBy: { query: "asc" } }),
      await db.auditEvent.count(),
    ];
    const before = await snapshot();
    const version = target.entry.updatedAt.toISOString();
    for (const roles of [
      ["PROVIDER"],
      ["SEEKER"],
      ["INTERMEDIARY"],
      ["OPERATOR"],
      ["AUDITOR"],
      ["ADMIN"],
    ] as Role[][]) {
      const user = await createUser(db, { roles });
      const label = roles.join();
      for (const call of [
        () => createSynonym(ctx, user, entry({ terms: "lò vi sóng, vi ba", miss: "lo vi song cong nghiep" })),
        () =>
          updateSynonym(
            ctx,
            user,
            UpdateSynonymSchema.parse({ id, updatedAt: version, kind: "SYNONYM", terms: "x, y" }),
          ),
        () => setSynonymActive(ctx, user, id, false),
        () => deleteSynonym(ctx, user, id),
      ])
        await expect(call(), label).rejects.toMatchObject({ code: "forbidden" });

      session.user = signedIn(user);
      const answers = await Promise.all([
        createSynonymAction(
          { ok: true },
          form({ kind: "SYNONYM", terms: "lò vi sóng, vi ba", miss: "lo vi song cong nghiep" }),
        ),
        updateSynonymAction({ ok: true }, form({ id, updatedAt: version, kind: "SYNONYM", terms: "x, y" })),
        setSynonymActiveAction({ ok: true }, form({ id, active: "false" })),
        deleteSynonymAction({ ok: true }, form({ id })),
      ]);
      for (const answer of answers) expect(answer, label).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await snapshot()).toEqual(before);
  });
});
