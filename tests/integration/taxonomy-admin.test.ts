/**
 * Issue 13 item 4: the technology fields tree as data. Officers add, rename, reorder, deactivate
 * and delete (only what nothing uses); the public filters and the listing forms read active nodes
 * only; each change is audited and expires the public pages that show the tree. Real PostgreSQL.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createNodeAction,
  deactivateNodeAction,
  deleteNodeAction,
  moveNodeAction,
  reactivateNodeAction,
  renameNodeAction,
} from "@/app/[locale]/(admin)/admin/taxonomy/actions";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { observeInvalidations } from "@/lib/cache/invalidate";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { sectorOptions } from "@/lib/listings/form-options";
import { createListing } from "@/lib/listings/mutations";
import { OfferInputSchema } from "@/lib/listings/offer-schema";
import {
  createTaxonomyNode,
  deleteTaxonomyNode,
  moveTaxonomyNode,
  renameTaxonomyNode,
  setTaxonomyNodeActive,
  TAXONOMY_TAGS,
} from "@/lib/taxonomy/mutations";
import { taxonomyAdminTree } from "@/lib/taxonomy/queries";
import { CreateNodeSchema } from "@/lib/taxonomy/schemas";
import { createOrganization, createUser, ensureTaxonomy } from "../factories";
import { offerFormInput } from "../support/offer-input";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));

const ctx = systemContext("test:taxonomy");
let officer: Principal;
let provider: Principal;

const sectorsOf = async (field: string) =>
  ((await catalogTaxonomy()).find((f) => f.code === field)?.sectors ?? []).map((s) => s.code);
const formSectors = async () => (await sectorOptions("vi")).map((o) => o.value);
const node = (input: Record<string, unknown>) => CreateNodeSchema.parse(input);
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

beforeAll(async () => {
  await ensureTaxonomy(db); // field 2 with sectors 207 and 202
  const org = await createOrganization(db, { type: "UNIVERSITY" });
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  officer = await createUser(db, { roles: ["OFFICER"] });
  // An offer in 207: that sector is in use.
  await createListing(ctx, provider, "offer", OfferInputSchema.parse(offerFormInput({ sectorCode: "207" })));
});

describe("the tree as data", () => {
  it("a node added appears in the active tree and the forms; renamed and reordered, audited, public pages expired", async () => {
    const expired: (readonly string[])[] = [];
    const stop = observeInvalidations((tags) => expired.push(tags));
    try {
      await createTaxonomyNode(
        ctx,
        officer,
        node({ parentCode: "2", code: "208", nameVi: "Kỹ thuật y sinh", nameEn: "Medical engineering" }),
      );
    } finally {
      stop();
    }
    expect(await sectorsOf("2")).toContain("208");
    expect(await formSectors()).toContain("208");
    expect(expired).toEqual([[...TAXONOMY_TAGS]]);
    expect([...TAXONOMY_TAGS].sort()).toEqual(["catalog:demands", "catalog:offers", "catalog:experts", "stats"].sort());

    await renameTaxonomyNode(ctx, officer, {
      code: "208",
      nameVi: "Kỹ thuật y sinh học",
      nameEn: "Biomedical engineering",
    });
    const renamed = (await catalogTaxonomy()).find((f) => f.code === "2")?.sectors.find((s) => s.code === "208");
    expect(renamed).toMatchObject({ nameVi: "Kỹ thuật y sinh học", nameEn: "Biomedical engineering" });

    const order = await sectorsOf("2");
    expect(order.at(-1)).toBe("208"); // added last
    await moveTaxonomyNode(ctx, officer, "208", "up");
    const moved = await sectorsOf("2");
    expect(moved.indexOf("208")).toBe(order.indexOf("208") - 1);
    await expect(moveTaxonomyNode(ctx, officer, moved[0]!, "up")).rejects.toMatchObject({ message: "cannot_move" });

    const audit = await db.auditEvent.findMany({ where: { entityId: "208" }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["taxonomy.create", "taxonomy.update", "taxonomy.update"]);
    expect(audit[1]).toMatchObject({
      before: { nameVi: "Kỹ thuật y sinh", nameEn: "Medical engineering" },
      after: { nameVi: "Kỹ thuật y sinh học", nameEn: "Biomedical engineering" },
    });
    expect(audit[2]).toMatchObject({ before: { siblings: order }, after: { siblings: moved } });
  });

  it("a deactivated node disappears from the public filters and the forms, and new listings cannot use it", async () => {
    await setTaxonomyNodeActive(ctx, officer, "208", false);
    expect(await sectorsOf("2")).not.toContain("208");
    expect(await formSectors()).not.toContain("208");
    await expect(
      createListing(ctx, provider, "offer", OfferInputSchema.parse(offerFormInput({ sectorCode: "208" }))),
    ).rejects.toMatchObject({ details: { fieldErrors: { sectorCode: ["choose_one"] } } });
    // Still in the officers' tree, marked inactive.
    const tree = await taxonomyAdminTree(officer);
    expect(tree.find((f) => f.code === "2")?.sectors.find((s) => s.code === "208")).toMatchObject({ active: false });
    await setTaxonomyNodeActive(ctx, officer, "208", true);
    expect(await sectorsOf("2")).toContain("208");
  });

  it("a field is deactivated only after its sectors, and a sector reactivated only under an active field", async () => {
    await createTaxonomyNode(
      ctx,
      officer,
      node({ parentCode: null, code: "7", nameVi: "Lĩnh vực thử", nameEn: "Test field" }),
    );
    await createTaxonomyNode(
      ctx,
      officer,
      node({ parentCode: "7", code: "701", nameVi: "Ngành thử", nameEn: "Test sector" }),
    );
    expect((await catalogTaxonomy()).map((f) => f.code)).toContain("7");
    await expect(setTaxonomyNodeActive(ctx, officer, "7", false)).rejects.toMatchObject({
      message: "has_active_sectors",
    });
    await setTaxonomyNodeActive(ctx, officer, "701", false);
    await setTaxonomyNodeActive(ctx, officer, "7", false);
    expect((await catalogTaxonomy()).map((f) => f.code)).not.toContain("7");
    await expect(setTaxonomyNodeActive(ctx, officer, "701", true)).rejects.toMatchObject({
      message: "parent_inactive",
    });
    await expect(
      createTaxonomyNode(
        ctx,
        officer,
        node({ parentCode: "7", code: "702", nameVi: "Ngành mới", nameEn: "New sector" }),
      ),
    ).rejects.toMatchObject({ message: "parent_inactive" });
  });

  it("checks codes: a field has one digit, a sector three starting with its field's, and codes are unique", () => {
    const issues = (input: Record<string, unknown>) =>
      CreateNodeSchema.safeParse({ nameVi: "Tên thử", nameEn: "Test name", ...input }).error?.issues.map(
        (i) => i.message,
      );
    expect(issues({ parentCode: "", code: "12" })).toEqual(["field_code_invalid"]);
    expect(issues({ parentCode: "2", code: "301" })).toEqual(["sector_code_invalid"]);
    expect(issues({ parentCode: "2", code: "2011" })).toEqual(["sector_code_invalid"]);
    expect(issues({ parentCode: "2", code: "209" })).toBeUndefined();
  });

  it("answers a taken code on the code field", async () => {
    session.user = {
      ...officer,
      email: "o@example.vn",
      name: "Cán bộ",
      orgRole: null,
      emailVerified: true,
      organization: null,
    };
    const answer = await createNodeAction(
      { ok: true },
      form({ parentCode: "2", code: "207", nameVi: "Trùng mã", nameEn: "Duplicate" }),
    );
    expect(answer).toMatchObject({ ok: false, fieldErrors: { code: ["Mã này đã tồn tại."] } });
  });
});

describe("deleting", () => {
  it("never deletes a node in use — listed offers, sectors under a field — and deletes an unused one", async () => {
    await expect(deleteTaxonomyNode(ctx, officer, "207")).rejects.toMatchObject({ message: "node_in_use" });
    await expect(deleteTaxonomyNode(ctx, officer, "2")).rejects.toMatchObject({ message: "node_in_use" });
    // The database refuses too: an offer keeps its sector.
    await expect(db.taxonomyNode.delete({ where: { code: "207" } })).rejects.toThrow();
    await db.screeningEntry.create({
      data: { category: "RESTRICTED", name: "Mục theo ngành 208", sectorCodes: ["208"], keywords: ["mục 208"] },
    });
    await expect(deleteTaxonomyNode(ctx, officer, "208")).rejects.toMatchObject({ message: "node_in_use" });

    await createTaxonomyNode(
      ctx,
      officer,
      node({ parentCode: "2", code: "219", nameVi: "Thêm nhầm", nameEn: "Added by mistake" }),
    );
    session.user = {
      ...officer,
      email: "o@example.vn",
      name: "Cán bộ",
      orgRole: null,
      emailVerified: true,
      organization: null,
    };
    expect(await deleteNodeAction({ ok: true }, form({ code: "219" }))).toMatchObject({ ok: true, message: "deleted" });
    expect(await db.taxonomyNode.findUnique({ where: { code: "219" } })).toBeNull();
    expect(await db.taxonomyNode.findUnique({ where: { code: "207" } })).not.toBeNull();
    const [event] = await db.auditEvent.findMany({ where: { entityId: "219", action: "taxonomy.delete" } });
    expect(event?.before).toMatchObject({ nameVi: "Thêm nhầm" });
  });
});

describe("who may change the tree", () => {
  it("officers, the operator and the auditor read it; parties and the administrator do not", async () => {
    for (const roles of [["OFFICER"], ["OPERATOR"], ["AUDITOR"]] as Role[][]) {
      const user = await createUser(db, { roles });
      expect((await taxonomyAdminTree(user)).length, roles.join()).toBeGreaterThan(0);
    }
    for (const roles of [["PROVIDER"], ["SEEKER"], ["INTERMEDIARY"], ["ADMIN"]] as Role[][]) {
      const user = await createUser(db, { roles });
      await expect(taxonomyAdminTree(user), roles.join()).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("refuses every change to everyone but officers — the auditor included — and changes nothing", async () => {
    const snapshot = async () => [
      await db.taxonomyNode.findMany({ orderBy: { code: "asc" } }),
      await db.auditEvent.count(),
    ];
    const before = await snapshot();
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
        () =>
          createTaxonomyNode(ctx, user, node({ parentCode: "2", code: "218", nameVi: "Mạo danh", nameEn: "Forged" })),
        () => renameTaxonomyNode(ctx, user, { code: "207", nameVi: "Đổi tên", nameEn: "Renamed" }),
        () => moveTaxonomyNode(ctx, user, "207", "down"),
        () => setTaxonomyNodeActive(ctx, user, "207", false),
        () => deleteTaxonomyNode(ctx, user, "208"),
      ])
        await expect(call(), label).rejects.toMatchObject({ code: "forbidden" });

      session.user = { ...user, orgRole: null, emailVerified: true, organization: null };
      const answers = await Promise.all([
        createNodeAction({ ok: true }, form({ parentCode: "2", code: "218", nameVi: "Mạo danh", nameEn: "Forged" })),
        renameNodeAction({ ok: true }, form({ code: "207", nameVi: "Đổi tên", nameEn: "Renamed" })),
        moveNodeAction({ ok: true }, form({ code: "207", direction: "down" })),
        deactivateNodeAction({ ok: true }, form({ code: "207" })),
        reactivateNodeAction({ ok: true }, form({ code: "207" })),
        deleteNodeAction({ ok: true }, form({ code: "208" })),
      ]);
      for (const answer of answers) expect(answer, label).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await snapshot()).toEqual(before);
  });
});
