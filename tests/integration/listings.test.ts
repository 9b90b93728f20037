import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import { verifyAuditChain } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { runListingLifecycle } from "@/lib/listings/lifecycle";
import { createListing, moderateListing, ownerTransition, updateListing } from "@/lib/listings/mutations";
import { ownListing, ownListings } from "@/lib/listings/queries";
import { OfferInputSchema } from "@/lib/listings/offer-schema";
import { DemandInputSchema } from "@/lib/listings/demand-schema";
import type { Principal } from "@/lib/authz";
import { createOrganization, createUser, ensureTaxonomy } from "../factories";

const ctx = systemContext("test");
let provider: Principal;
let otherProvider: Principal;
let seeker: Principal;
let operator: Principal;
let officer: Principal;

const offerForm = (overrides: Record<string, unknown> = {}) =>
  OfferInputSchema.parse({
    titleVi: "Hệ thống xử lý nước thải sinh hoạt phân tán",
    summaryVi: "Công nghệ xử lý nước thải quy mô hộ gia đình, chi phí vận hành thấp.",
    description:
      "Hệ thống kết hợp bể kỵ khí và bãi lọc trồng cây, đạt QCVN 14:2008/BTNMT cột A sau 12 tháng vận hành thử.",
    sectorCode: "207",
    keywords: "nước thải, xử lý",
    trl: "7",
    ipStatus: "UTILITY_SOLUTION",
    ipTitleNumber: "2-0002345",
    transferObjects: ["KNOW_HOW"],
    transferForms: ["STANDALONE"],
    transferMethods: ["DOCUMENTS", "TRAINING"],
    priceType: "RANGE",
    priceMin: "300.000.000",
    priceMax: "500.000.000",
    location: "HN-CAUGIAY",
    ...overrides,
  });

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "UNIVERSITY" });
  const otherOrg = await createOrganization(db, { type: "INSTITUTE" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  otherProvider = await createUser(db, { roles: ["PROVIDER"], organizationId: otherOrg.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id });
  operator = await createUser(db, { roles: ["OPERATOR"] });
  officer = await createUser(db, { roles: ["OFFICER"] });
  await db.screeningEntry.createMany({
    data: [
      { category: "PROHIBITED", name: "[Mẫu] Amiăng", sectorCodes: [], keywords: ["amiăng"], sample: true },
      {
        category: "RESTRICTED",
        name: "[Mẫu] Gây nhiễu",
        sectorCodes: [],
        keywords: ["thiết bị gây nhiễu"],
        sample: true,
      },
      {
        category: "ENCOURAGED",
        name: "[Mẫu] Xử lý chất thải",
        sectorCodes: [],
        keywords: ["xử lý nước thải"],
        sample: true,
      },
    ],
  });
});

describe("offer lifecycle", () => {
  it("goes draft → submitted → published, encouraged badge, owner notified, audit chain intact", async () => {
    const offer = await createListing(ctx, provider, "offer", offerForm());
    expect(offer.status).toBe("DRAFT");
    const submitted = await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    expect(submitted.status).toBe("SUBMITTED");
    expect(submitted.screening?.outcome).toBe("ENCOURAGED");
    await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined);
    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row.status).toBe("PUBLISHED");
    expect(row.screening).toBe("ENCOURAGED");
    const months = (row.expiresAt!.getTime() - row.publishedAt!.getTime()) / (30.4 * 86_400_000);
    expect(months).toBeGreaterThan(11.8);
    expect(months).toBeLessThan(12.2);
    expect(await db.notification.count({ where: { userId: provider.id, type: "listing.approved" } })).toBe(1);
    const actions = (await db.auditEvent.findMany({ where: { entityId: offer.id }, orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["offer.create", "offer.submit", "offer.approve"]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("rejects only with a reason, which the owner sees; the owner can fix and resubmit", async () => {
    const offer = await createListing(ctx, provider, "offer", offerForm({ titleVi: "Công nghệ cần bổ sung hồ sơ" }));
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    await expect(moderateListing(ctx, operator, "offer", offer.id, "reject", undefined)).rejects.toMatchObject({
      message: "reason_required",
    });
    await moderateListing(ctx, operator, "offer", offer.id, "reject", "Thiếu số văn bằng bảo hộ hợp lệ.");
    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ status: "REJECTED", moderationNote: "Thiếu số văn bằng bảo hộ hợp lệ." });
    const note = await db.notification.findFirstOrThrow({ where: { userId: provider.id, type: "listing.rejected" } });
    expect(note.params).toMatchObject({ reason: "Thiếu số văn bằng bảo hộ hợp lệ." });
    await updateListing(ctx, provider, "offer", offer.id, offerForm({ titleVi: "Công nghệ đã bổ sung hồ sơ" }));
    expect((await ownerTransition(ctx, provider, "offer", offer.id, "submit")).status).toBe("SUBMITTED");
  });

  it("never submits a prohibited technology and keeps the reason", async () => {
    const offer = await createListing(
      ctx,
      provider,
      "offer",
      offerForm({ titleVi: "Tấm lợp fibro xi măng amiăng", keywords: "tấm lợp" }),
    );
    const result = await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    expect(result.screening?.outcome).toBe("PROHIBITED");
    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ status: "DRAFT", screening: "PROHIBITED" });
    expect(row.screeningNote).toContain("[Mẫu] Amiăng");
  });

  it("routes a restricted technology to a department officer", async () => {
    const offer = await createListing(
      ctx,
      provider,
      "offer",
      offerForm({ titleVi: "Thiết bị gây nhiễu sóng flycam", keywords: "an ninh" }),
    );
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    expect(
      await db.notification.count({ where: { userId: officer.id, type: "listing.needs_officer" } }),
    ).toBeGreaterThan(0);
    await expect(moderateListing(ctx, operator, "offer", offer.id, "approve", undefined)).rejects.toMatchObject({
      code: "forbidden",
    });
    await moderateListing(ctx, officer, "offer", offer.id, "approve", undefined);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PUBLISHED");
  });

  it("keeps the published version live while an edit waits for review", async () => {
    const offer = await createListing(ctx, provider, "offer", offerForm({ titleVi: "Bản gốc công bố" }));
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined);
    const result = await updateListing(
      ctx,
      provider,
      "offer",
      offer.id,
      offerForm({ titleVi: "Bản chỉnh sửa mới", priceMax: "900.000.000" }),
    );
    expect(result.revision).toBe(true);
    let row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", titleVi: "Bản gốc công bố", priceMax: 500_000_000n });
    await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined);
    row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({
      status: "PUBLISHED",
      titleVi: "Bản chỉnh sửa mới",
      priceMax: 900_000_000n,
      pendingRevision: null,
    });
  });

  it("answers not found to another organization and forbidden to the wrong role, changing nothing", async () => {
    const offer = await createListing(ctx, provider, "offer", offerForm({ titleVi: "Công nghệ của tổ chức A" }));
    await expect(
      updateListing(ctx, otherProvider, "offer", offer.id, offerForm({ titleVi: "Bị sửa trái phép" })),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(ownerTransition(ctx, otherProvider, "offer", offer.id, "submit")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(createListing(ctx, seeker, "offer", offerForm())).rejects.toMatchObject({ code: "forbidden" });
    await expect(moderateListing(ctx, provider, "offer", offer.id, "approve", undefined)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).titleVi).toBe("Công nghệ của tổ chức A");
  });

  it("lets only the owning organization read its drafts", async () => {
    const offer = await createListing(ctx, provider, "offer", offerForm({ titleVi: "Bản nháp bí mật của tổ chức A" }));
    expect((await ownListing(provider, "offer", offer.id))?.titleVi).toBe("Bản nháp bí mật của tổ chức A");
    expect(await ownListing(otherProvider, "offer", offer.id)).toBeNull();
    expect((await ownListings(otherProvider, "offer")).items.map((i) => i.id)).not.toContain(offer.id);
    expect(await ownListing(seeker, "offer", offer.id)).toBeNull();
  });

  it("shows the last page of the workspace list for a page past the end", async () => {
    const first = await ownListings(provider, "offer");
    const past = await ownListings(provider, "offer", 999);
    expect(past.total).toBeGreaterThan(0);
    expect(past.page).toBe(Math.ceil(past.total / past.pageSize));
    expect(past.items.length).toBeGreaterThan(0);
    if (past.page === 1) expect(past.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });

  it("refuses a stale edit (optimistic concurrency) and invalid transitions", async () => {
    const offer = await createListing(ctx, provider, "offer", offerForm({ titleVi: "Kiểm tra phiên bản" }));
    await updateListing(ctx, provider, "offer", offer.id, offerForm({ titleVi: "Lần sửa thứ nhất", version: 1 }));
    await expect(
      updateListing(ctx, provider, "offer", offer.id, offerForm({ titleVi: "Sửa từ bản cũ", version: 1 })),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(ownerTransition(ctx, provider, "offer", offer.id, "renew")).rejects.toMatchObject({
      code: "invalid_state",
    });
    await expect(moderateListing(ctx, operator, "offer", offer.id, "approve", undefined)).rejects.toMatchObject({
      code: "invalid_state",
    });
  });
});

describe("demand lifecycle and scheduled jobs", () => {
  it("publishes a seeker's demand through moderation", async () => {
    const input = DemandInputSchema.parse({
      titleVi: "Cần công nghệ xử lý nước thải chế biến thủy sản",
      description:
        "Nhà máy chế biến cá tra công suất 500 m3/ngày cần hệ thống xử lý nước thải đạt QCVN 11-MT:2015/BTNMT.",
      sectorCode: "207",
      keywords: "nước thải, thủy sản",
      trlMin: "6",
      budgetMin: "1000000000",
      budgetMax: "3000000000",
      location: "HN",
      preferredForms: ["STANDALONE"],
    });
    const demand = await createListing(ctx, seeker, "demand", input);
    await expect(createListing(ctx, provider, "demand", input)).rejects.toMatchObject({ code: "forbidden" });
    await ownerTransition(ctx, seeker, "demand", demand.id, "submit");
    await moderateListing(ctx, operator, "demand", demand.id, "approve", undefined);
    expect((await db.demand.findUniqueOrThrow({ where: { id: demand.id } })).status).toBe("PUBLISHED");
  });

  it("expires after 12 months, reminds before, and renews on the owner's request", async () => {
    const offer = await createListing(ctx, provider, "offer", offerForm({ titleVi: "Công nghệ sắp hết hạn" }));
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined);
    const inTwentyDays = new Date(Date.now() + 20 * 86_400_000);
    await db.offer.update({ where: { id: offer.id }, data: { expiresAt: inTwentyDays } });
    const updatedAt = (await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).updatedAt;

    const first = await runListingLifecycle(new Date());
    expect(first.expiring).toBeGreaterThanOrEqual(1);
    expect(await db.notification.count({ where: { userId: provider.id, type: "listing.expiring" } })).toBe(1);
    await runListingLifecycle(new Date()); // reminded once, not every day
    expect(await db.notification.count({ where: { userId: provider.id, type: "listing.expiring" } })).toBe(1);

    await runListingLifecycle(new Date(Date.now() + 21 * 86_400_000));
    const expired = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(expired.status).toBe("EXPIRED");
    expect(expired.updatedAt).toEqual(updatedAt); // the job does not pretend the owner updated it
    expect(await db.notification.count({ where: { userId: provider.id, type: "listing.expired" } })).toBe(1);

    await ownerTransition(ctx, provider, "offer", offer.id, "renew");
    const renewed = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(renewed.status).toBe("PUBLISHED");
    expect(renewed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 360 * 86_400_000);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
