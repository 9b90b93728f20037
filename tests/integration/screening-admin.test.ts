/**
 * Issue 13 item 4: the Decree 76/2018 lists as data. Officers create, edit, deactivate (and delete
 * only what never screened anything); the next screening applies the change; everything audited;
 * the operator and the auditor read, nobody else writes. Real PostgreSQL, real listing workflow.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createEntryAction,
  deactivateEntryAction,
  deleteEntryAction,
  reactivateEntryAction,
  updateEntryAction,
} from "@/app/[locale]/(admin)/admin/screening/actions";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createListing, ownerTransition } from "@/lib/listings/mutations";
import { OfferInputSchema } from "@/lib/listings/offer-schema";
import {
  createScreeningEntry,
  deletableEntries,
  deleteScreeningEntry,
  listScreeningEntries,
  ScreeningEntrySchema,
  setScreeningEntryActive,
  updateScreeningEntry,
} from "@/lib/listings/screening-admin";
import { createOrganization, createUser, ensureTaxonomy } from "../factories";
import { offerFormInput } from "../support/offer-input";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));

const ctx = systemContext("test:screening-admin");
const KEYWORD = "lò phản ứng thử nghiệm sigma";
let provider: Principal;
let officer: Principal & { email: string; name: string };

const entryInput = (overrides: Record<string, string> = {}) =>
  ScreeningEntrySchema.parse({
    category: "PROHIBITED",
    name: "[Thử] Lò phản ứng sigma",
    sectorCodes: "",
    keywords: KEYWORD,
    source: "Phụ lục III, Nghị định 76/2018/NĐ-CP (mẫu thử)",
    ...overrides,
  });

/** A new draft offer mentioning `words`, submitted: the screening outcome and where it ended up. */
async function submitOffer(words: string) {
  const offer = await createListing(
    ctx,
    provider,
    "offer",
    OfferInputSchema.parse(offerFormInput({ titleVi: `Công nghệ ${words}` })),
  );
  const result = await ownerTransition(ctx, provider, "offer", offer.id, "submit");
  const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
  return { outcome: result.screening?.outcome, status: row.status, note: row.screeningNote };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "UNIVERSITY" });
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  officer = await createUser(db, { roles: ["OFFICER"] });
});

describe("the next screening applies the lists as the officers left them", () => {
  it("create → blocks, edit → restricted, deactivate → clear, each audited with before/after", async () => {
    expect((await submitOffer(KEYWORD)).outcome).toBe("CLEAR");

    const entry = await createScreeningEntry(ctx, officer, entryInput());
    const blocked = await submitOffer(KEYWORD);
    expect(blocked).toMatchObject({ outcome: "PROHIBITED", status: "DRAFT" });
    expect(blocked.note).toContain("[Thử] Lò phản ứng sigma");

    const edited = await updateScreeningEntry(ctx, officer, {
      ...entryInput({ category: "RESTRICTED", name: "[Thử] Lò sigma (hạn chế)" }),
      id: entry.id,
      updatedAt: entry.updatedAt.toISOString(),
    });
    expect(await submitOffer(KEYWORD)).toMatchObject({ outcome: "RESTRICTED", status: "SUBMITTED" });

    // A stale form (opened before that edit) is refused instead of overwriting it.
    await expect(
      updateScreeningEntry(ctx, officer, {
        ...entryInput({ category: "ENCOURAGED" }),
        id: entry.id,
        updatedAt: entry.updatedAt.toISOString(),
      }),
    ).rejects.toMatchObject({ code: "conflict" });

    await setScreeningEntryActive(ctx, officer, entry.id, false);
    expect(await submitOffer(KEYWORD)).toMatchObject({ outcome: "CLEAR", status: "SUBMITTED" });
    await setScreeningEntryActive(ctx, officer, entry.id, true);
    expect((await submitOffer(KEYWORD)).outcome).toBe("RESTRICTED");

    const audit = await db.auditEvent.findMany({ where: { entityId: entry.id }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.action)).toEqual([
      "screening.create",
      "screening.update",
      "screening.update",
      "screening.update",
    ]);
    expect(audit[0]).toMatchObject({ after: { category: "PROHIBITED", keywords: [KEYWORD], active: true } });
    expect(audit[1]).toMatchObject({
      before: { category: "PROHIBITED", name: "[Thử] Lò phản ứng sigma" },
      after: { category: "RESTRICTED", name: edited.name },
    });
    expect(audit[2]).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it("refuses a sector code the taxonomy does not have, on the sector field", async () => {
    await expect(createScreeningEntry(ctx, officer, entryInput({ sectorCodes: "207, 998" }))).rejects.toMatchObject({
      message: "unknown_sector",
      details: { fieldErrors: { sectorCodes: ["unknown_sector"] } },
    });
    session.user = { ...officer, orgRole: null, emailVerified: true, organization: null };
    const answer = await createEntryAction(
      { ok: true },
      form({ category: "RESTRICTED", name: "Mục sai mã", sectorCodes: "998", keywords: "máy sai mã" }),
    );
    expect(answer).toMatchObject({
      ok: false,
      fieldErrors: { sectorCodes: ["Có mã lĩnh vực không tồn tại trong danh mục lĩnh vực."] },
    });
    expect(await db.screeningEntry.count({ where: { name: "Mục sai mã" } })).toBe(0);
  });
});

describe("deleting", () => {
  it("keeps an entry that screened something (deactivate only) and deletes one added by mistake", async () => {
    const used = await createScreeningEntry(
      ctx,
      officer,
      entryInput({ name: "[Thử] Đã dùng", keywords: "mục đã dùng" }),
    );
    await submitOffer("không liên quan"); // a screening ran while the entry was active
    await expect(deleteScreeningEntry(ctx, officer, used.id)).rejects.toMatchObject({ message: "entry_active" });
    await setScreeningEntryActive(ctx, officer, used.id, false);
    await expect(deleteScreeningEntry(ctx, officer, used.id)).rejects.toMatchObject({ message: "entry_in_use" });

    const mistake = await createScreeningEntry(
      ctx,
      officer,
      entryInput({ name: "[Thử] Gõ nhầm", keywords: "gõ nhầm" }),
    );
    await setScreeningEntryActive(ctx, officer, mistake.id, false);
    const deletable = await deletableEntries(await listScreeningEntries(officer, {}));
    expect(deletable.has(mistake.id)).toBe(true);
    expect(deletable.has(used.id)).toBe(false);
    session.user = { ...officer, orgRole: null, emailVerified: true, organization: null };
    expect(await deleteEntryAction({ ok: true }, form({ id: mistake.id }))).toMatchObject({
      ok: true,
      message: "deleted",
    });
    expect(await db.screeningEntry.findUnique({ where: { id: mistake.id } })).toBeNull();
    expect(await db.screeningEntry.findUnique({ where: { id: used.id } })).not.toBeNull();
    const [event] = await db.auditEvent.findMany({ where: { entityId: mistake.id, action: "screening.delete" } });
    expect(event?.before).toMatchObject({ name: "[Thử] Gõ nhầm" });
  });
});

describe("who may read and change the lists", () => {
  it("officers, the operator and the auditor read; parties and the administrator do not", async () => {
    for (const roles of [["OFFICER"], ["OPERATOR"], ["AUDITOR"]] as Role[][]) {
      const user = await createUser(db, { roles });
      expect((await listScreeningEntries(user, {})).length, roles.join()).toBeGreaterThan(0);
    }
    for (const roles of [["PROVIDER"], ["SEEKER"], ["INTERMEDIARY"], ["ADMIN"]] as Role[][]) {
      const user = await createUser(db, { roles });
      await expect(listScreeningEntries(user, {}), roles.join()).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("refuses every change to everyone but officers — the auditor included — and changes nothing", async () => {
    const entry = await createScreeningEntry(
      ctx,
      officer,
      entryInput({ name: "[Thử] Bảo vệ", keywords: "mục bảo vệ" }),
    );
    const snapshot = async () => [
      await db.screeningEntry.findMany({ orderBy: { id: "asc" } }),
      await db.auditEvent.count(),
    ];
    const before = await snapshot();
    const update = {
      ...entryInput({ category: "ENCOURAGED" }),
      id: entry.id,
      updatedAt: entry.updatedAt.toISOString(),
    };
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
        () => createScreeningEntry(ctx, user, entryInput({ name: "Mạo danh" })),
        () => updateScreeningEntry(ctx, user, update),
        () => setScreeningEntryActive(ctx, user, entry.id, false),
        () => deleteScreeningEntry(ctx, user, entry.id),
      ])
        await expect(call(), label).rejects.toMatchObject({ code: "forbidden" });

      session.user = { ...user, orgRole: null, emailVerified: true, organization: null };
      const fields = { category: "ENCOURAGED", name: "Mạo danh", sectorCodes: "", keywords: "mạo danh" };
      const answers = await Promise.all([
        createEntryAction({ ok: true }, form(fields)),
        updateEntryAction({ ok: true }, form({ ...fields, id: entry.id, updatedAt: update.updatedAt })),
        deactivateEntryAction({ ok: true }, form({ id: entry.id })),
        reactivateEntryAction({ ok: true }, form({ id: entry.id })),
        deleteEntryAction({ ok: true }, form({ id: entry.id })),
      ]);
      for (const answer of answers) expect(answer, label).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await snapshot()).toEqual(before);
  });
});
