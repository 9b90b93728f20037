/**
 * Issue 9 item 2: screening against the Decree 76/2018 lists happens on every submission, on every
 * revision of a published listing, again on approval (against the lists as they are then) and on
 * renewal; restricted listings and revisions reach a department officer; the seed is screened too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { createListing, moderateListing, ownerTransition, updateListing } from "@/lib/listings/mutations";
import { moderationQueue } from "@/lib/listings/queries";
import { OfferInputSchema } from "@/lib/listings/offer-schema";
import { DEMO_OFFERS } from "@/prisma/data/demo-content";
import { seed } from "@/prisma/seed";
import { createOrganization, createUser, ensureTaxonomy } from "../factories";
import { offerFormInput } from "../support/offer-input";

const ctx = systemContext("test:screening");
let provider: Principal;
let unverified: Principal;
let operator: Principal;
let officer: Principal;

// Keywords no seeded entry uses, so the lists below are the only ones these tests touch.
const PROHIBITED = "chất cấm thử nghiệm zeta";
const RESTRICTED = "thiết bị hạn chế thử nghiệm omega";

const offerForm = (overrides: Record<string, unknown> = {}) => OfferInputSchema.parse(offerFormInput(overrides));

async function published(title: string) {
  const offer = await createListing(ctx, provider, "offer", offerForm({ titleVi: title }));
  await ownerTransition(ctx, provider, "offer", offer.id, "submit");
  await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined);
  expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PUBLISHED");
  return offer;
}

const officerNotices = () => db.notification.count({ where: { userId: officer.id, type: "listing.needs_officer" } });

beforeAll(async () => {
  await seed(db, { demo: true });
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "UNIVERSITY" });
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  unverified = await createUser(db, {
    roles: ["PROVIDER"],
    organizationId: org.id,
    orgRole: "MEMBER",
    emailVerified: false,
  });
  operator = await createUser(db, { roles: ["OPERATOR"] });
  officer = await createUser(db, { roles: ["OFFICER"] });
  unverified = { ...unverified, emailVerified: false };
});

describe("revisions of published listings", () => {
  it("never publishes a revision that makes the offer a prohibited technology", async () => {
    const offer = await published("Công nghệ lọc nước bản gốc A");
    await db.screeningEntry.create({
      data: { category: "PROHIBITED", name: "[Thử] Chất cấm", sectorCodes: [], keywords: [PROHIBITED] },
    });
    const result = await updateListing(
      ctx,
      provider,
      "offer",
      offer.id,
      offerForm({ titleVi: `Công nghệ sản xuất ${PROHIBITED}` }),
    );
    expect(result.screening?.outcome).toBe("PROHIBITED");
    const stored = (await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).pendingRevision as Record<
      string,
      unknown
    >;
    expect(stored).toMatchObject({ screening: "PROHIBITED" });
    expect(String(stored.screeningNote)).toContain("[Thử] Chất cấm");

    const decision = await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined).catch(
      (e: unknown) => e,
    );
    expect(decision).toMatchObject({ refused: "prohibited" });
    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", titleVi: "Công nghệ lọc nước bản gốc A" });
    expect(row.screening).not.toBe("PROHIBITED"); // the published version itself is still clear
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Chất cấm" }, data: { active: false } });
  });

  it("re-screens a revision on approval against the lists as they are then", async () => {
    const offer = await published("Công nghệ lọc nước bản gốc B");
    const revised = await updateListing(
      ctx,
      provider,
      "offer",
      offer.id,
      offerForm({ titleVi: `Bản sửa có ${PROHIBITED} bổ sung` }),
    );
    expect(revised.screening?.outcome).toBe("CLEAR"); // the entry is inactive at this point
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Chất cấm" }, data: { active: true } });
    const decision = await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined).catch(
      (e: unknown) => e,
    );
    expect(decision).toMatchObject({ refused: "prohibited" });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).titleVi).toBe(
      "Công nghệ lọc nước bản gốc B",
    );
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Chất cấm" }, data: { active: false } });
  });

  it("sends a restricted revision to a department officer: the operator cannot approve it, the officer can", async () => {
    await db.screeningEntry.create({
      data: { category: "RESTRICTED", name: "[Thử] Hạn chế", sectorCodes: [], keywords: [RESTRICTED] },
    });
    const offer = await published("Công nghệ lọc nước bản gốc C");
    const before = await officerNotices();
    const result = await updateListing(
      ctx,
      provider,
      "offer",
      offer.id,
      offerForm({ titleVi: `Công nghệ ${RESTRICTED}` }),
    );
    expect(result.screening?.outcome).toBe("RESTRICTED");
    expect(await officerNotices()).toBeGreaterThan(before);
    expect((await moderationQueue(officer)).map((i) => i.id)).toContain(offer.id);
    const queued = (await moderationQueue(operator)).find((i) => i.id === offer.id);
    expect(queued).toMatchObject({ isRevision: true, screening: "RESTRICTED" });

    await expect(moderateListing(ctx, operator, "offer", offer.id, "approve", undefined)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).titleVi).toBe(
      "Công nghệ lọc nước bản gốc C",
    );
    await moderateListing(ctx, officer, "offer", offer.id, "approve", undefined);
    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ titleVi: `Công nghệ ${RESTRICTED}`, screening: "RESTRICTED", pendingRevision: null });
  });
});

describe("approval of a first submission", () => {
  it("refuses to publish a submission that became prohibited after it was submitted", async () => {
    const offer = await createListing(
      ctx,
      provider,
      "offer",
      offerForm({ titleVi: `Quy trình dùng ${PROHIBITED} mới` }),
    );
    await ownerTransition(ctx, provider, "offer", offer.id, "submit"); // clear: the entry is inactive
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Chất cấm" }, data: { active: true } });
    const decision = await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined).catch(
      (e: unknown) => e,
    );
    expect(decision).toMatchObject({ refused: "prohibited" });
    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ status: "SUBMITTED", screening: "PROHIBITED" });
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Chất cấm" }, data: { active: false } });
  });

  it("hands a submission that became restricted to an officer instead of letting the operator publish it", async () => {
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Hạn chế" }, data: { active: false } });
    const offer = await createListing(ctx, provider, "offer", offerForm({ titleVi: `Chế tạo ${RESTRICTED} mới` }));
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Hạn chế" }, data: { active: true } });
    const before = await officerNotices();
    const decision = await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined).catch(
      (e: unknown) => e,
    );
    expect(decision).toMatchObject({ refused: "needs_officer" });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("SUBMITTED");
    expect(await officerNotices()).toBeGreaterThan(before);
    await moderateListing(ctx, officer, "offer", offer.id, "approve", undefined);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PUBLISHED");
  });
});

describe("renewal of an expired listing", () => {
  it("does not republish an offer that a prohibited entry added since matches, and shows the entry", async () => {
    const offer = await published("Công nghệ xử lý bùn sắp gia hạn");
    await db.offer.update({
      where: { id: offer.id },
      data: {
        status: "EXPIRED",
        description: `Mô tả cũ, nay dùng ${PROHIBITED} trong quy trình vận hành của hệ thống.`,
      },
    });
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Chất cấm" }, data: { active: true } });
    const result = await ownerTransition(ctx, provider, "offer", offer.id, "renew");
    expect(result.screening?.outcome).toBe("PROHIBITED");
    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ status: "EXPIRED", screening: "PROHIBITED" });
    expect(row.screeningNote).toContain("[Thử] Chất cấm");
    await db.screeningEntry.updateMany({ where: { name: "[Thử] Chất cấm" }, data: { active: false } });
  });

  it("sends an expired offer that is now restricted back to an officer's review", async () => {
    const offer = await published("Công nghệ lọc nước sắp gia hạn");
    await db.offer.update({
      where: { id: offer.id },
      data: { status: "EXPIRED", description: `Mô tả cập nhật: tích hợp ${RESTRICTED} cho khu công nghiệp.` },
    });
    const result = await ownerTransition(ctx, provider, "offer", offer.id, "renew");
    expect(result.status).toBe("SUBMITTED");
    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ status: "SUBMITTED", screening: "RESTRICTED" });
    expect((await moderationQueue(officer)).map((i) => i.id)).toContain(offer.id);
  });

  it("republishes a clear expired offer", async () => {
    const offer = await published("Công nghệ lọc nước gia hạn bình thường");
    await db.offer.update({ where: { id: offer.id }, data: { status: "EXPIRED" } });
    expect((await ownerTransition(ctx, provider, "offer", offer.id, "renew")).status).toBe("PUBLISHED");
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PUBLISHED");
  });
});

describe("e-mail verification", () => {
  it("lets an unverified user draft but not submit, revise a published listing or renew", async () => {
    const draft = await createListing(
      ctx,
      unverified,
      "offer",
      offerForm({ titleVi: "Bản nháp của người chưa xác nhận" }),
    );
    await expect(ownerTransition(ctx, unverified, "offer", draft.id, "submit")).rejects.toMatchObject({
      code: "forbidden",
      message: "email_unverified",
    });
    expect((await db.offer.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
    const live = await published("Công nghệ lọc nước của tổ chức");
    await expect(
      updateListing(ctx, unverified, "offer", live.id, offerForm({ titleVi: "Bản sửa chưa xác nhận" })),
    ).rejects.toMatchObject({ message: "email_unverified" });
    await expect(ownerTransition(ctx, unverified, "offer", live.id, "renew")).rejects.toMatchObject({
      message: "email_unverified",
    });
  });
});

describe("the seed", () => {
  it("screens the demo listings with the same function: the restricted demo offer is RESTRICTED, not CLEAR", async () => {
    const demo = DEMO_OFFERS.find((o) => o.key === "off-chong-flycam")!;
    const row = await db.offer.findFirstOrThrow({ where: { titleVi: demo.titleVi } });
    expect(row.screening).toBe("RESTRICTED");
    expect(row.screeningNote).toContain("gây nhiễu");
    expect((await moderationQueue(officer)).map((i) => i.id)).toContain(row.id);
    const encouraged = await db.offer.count({ where: { screening: "ENCOURAGED" } });
    expect(encouraged).toBeGreaterThan(0);
    const asbestos = DEMO_OFFERS.find((o) => o.key === "off-tam-lop-fibro")!;
    expect((await db.offer.findFirstOrThrow({ where: { titleVi: asbestos.titleVi } })).screening).toBe("PROHIBITED");
  });
});
