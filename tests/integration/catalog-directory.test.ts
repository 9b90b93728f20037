import { beforeAll, describe, expect, it } from "vitest";
import { expertDirectory, publicExpertBySlug } from "@/lib/catalog/experts";
import { organizationDirectory, organizationProfile } from "@/lib/catalog/organizations";
import { db } from "@/lib/db";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

let uni: { id: string; slug: string };
let biz: { id: string; slug: string };
let rejected: { id: string; slug: string };

beforeAll(async () => {
  await ensureTaxonomy(db);
  await db.taxonomyNode.create({
    data: { code: "4", level: 1, nameVi: "Khoa học nông nghiệp", nameEn: "Agricultural sciences" },
  });
  await db.taxonomyNode.create({
    data: { code: "405", parentCode: "4", level: 2, nameVi: "Thủy sản", nameEn: "Fisheries" },
  });
  uni = await createOrganization(db, { name: "Đại học A", type: "UNIVERSITY" });
  biz = await createOrganization(db, {
    name: "Công ty B",
    type: "ENTERPRISE",
    verificationStatus: "PENDING",
    verifiedAt: null,
  });
  rejected = await createOrganization(db, {
    name: "Công ty C",
    type: "ENTERPRISE",
    verificationStatus: "REJECTED",
    verifiedAt: null,
  });
  const user = await createUser(db, {
    roles: ["PROVIDER", "SEEKER"],
    organizationId: uni.id,
    email: "expert-user@example.vn",
  });
  for (const status of ["PUBLISHED", "PUBLISHED", "DRAFT", "WITHDRAWN"] as const) {
    await db.offer.create({ data: buildOffer(uni.id, user.id, { status }) });
  }
  await db.demand.create({ data: buildDemand(uni.id, user.id) });
  await db.demand.create({ data: buildDemand(uni.id, user.id, { confidential: true }) });
  await db.demand.create({ data: buildDemand(uni.id, user.id, { status: "SUBMITTED" }) });
  await db.offer.create({ data: buildOffer(biz.id, user.id) });

  await db.expert.createMany({
    data: [
      {
        slug: "chuyen-gia-moi-truong",
        name: "Nguyễn Môi Trường",
        sectorCodes: ["207"],
        expertise: "Xử lý nước thải",
        organizationId: uni.id,
        userId: user.id,
      },
      { slug: "chuyen-gia-dien", name: "Trần Điện", sectorCodes: ["202", "405"], expertise: "Điện tử" },
      { slug: "chuyen-gia-thuy-san", name: "Lê Thủy Sản", sectorCodes: ["405"], expertise: "Nuôi trồng" },
      { slug: "chuyen-gia-an", name: "Phạm Ẩn", sectorCodes: ["207"], expertise: "Ẩn", isPublic: false },
    ],
  });
});

describe("organization directory", () => {
  it("lists visible organizations, verified first, with counts of public listings", async () => {
    const { result } = await organizationDirectory({});
    expect(result.items.map((o) => o.slug)).toEqual([uni.slug, biz.slug]);
    expect(result.total).toBe(2);
    // Two published offers (not the draft or withdrawn one), one public demand (not the confidential or submitted one).
    expect(result.items[0]!._count).toEqual({ offers: 2, demands: 1 });
  });

  it("filters by type and by verification", async () => {
    expect((await organizationDirectory({ orgType: "ENTERPRISE" })).result.items.map((o) => o.slug)).toEqual([
      biz.slug,
    ]);
    expect((await organizationDirectory({ verified: "1" })).result.items.map((o) => o.slug)).toEqual([uni.slug]);
    expect((await organizationDirectory({ orgType: "STATE_AGENCY" })).result.total).toBe(0);
  });

  it("ignores bad values and clamps the page", async () => {
    const { query, issues, result } = await organizationDirectory({ orgType: "NGO", page: "50" });
    expect(query.orgType).toBeUndefined();
    expect(result.page).toBe(1);
    expect(issues.map((i) => i.code).sort()).toEqual(["invalid", "page_out_of_range"]);
  });

  it("shows a profile with published offers and public demands only; a rejected organization is not found", async () => {
    const profile = await organizationProfile(uni.slug);
    expect(profile?.offers).toHaveLength(2);
    expect(profile?.demands).toHaveLength(1);
    expect(profile?.demands[0]!.confidential).toBe(false);
    expect(profile).not.toHaveProperty("taxCode");
    expect(await organizationProfile(rejected.slug)).toBeNull();
  });
});

describe("expert directory", () => {
  it("lists public experts only", async () => {
    const { result } = await expertDirectory({});
    expect(result.items.map((e) => e.slug).sort()).toEqual([
      "chuyen-gia-dien",
      "chuyen-gia-moi-truong",
      "chuyen-gia-thuy-san",
    ]);
  });

  it("filters by a field (all its sectors) or a sector", async () => {
    const slugs = async (sector: string) => (await expertDirectory({ sector })).result.items.map((e) => e.slug).sort();
    expect(await slugs("2")).toEqual(["chuyen-gia-dien", "chuyen-gia-moi-truong"]);
    expect(await slugs("405")).toEqual(["chuyen-gia-dien", "chuyen-gia-thuy-san"]);
    expect(await slugs("207")).toEqual(["chuyen-gia-moi-truong"]);
  });

  it("reports an unknown sector and shows everyone", async () => {
    const { issues, result } = await expertDirectory({ sector: "399" });
    expect(issues).toEqual([expect.objectContaining({ path: "sector", code: "unknown" })]);
    expect(result.total).toBe(3);
  });

  it("shows a profile without any contact data; a hidden profile is not found", async () => {
    const expert = await publicExpertBySlug("chuyen-gia-moi-truong");
    expect(expert).not.toBeNull();
    expect(expert).not.toHaveProperty("userId");
    expect(expert).not.toHaveProperty("user");
    expect(JSON.stringify(expert)).not.toContain("expert-user@example.vn");
    expect(await publicExpertBySlug("chuyen-gia-an")).toBeNull();
  });
});
