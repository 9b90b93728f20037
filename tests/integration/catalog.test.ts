import { beforeAll, describe, expect, it } from "vitest";
import { demandCatalog, offerCatalog } from "@/lib/catalog/catalog";
import { searchDemands, searchOffers } from "@/lib/catalog/rows";
import { DemandQuerySchema, OfferQuerySchema } from "@/lib/catalog/schemas";
import { db } from "@/lib/db";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const M = 1_000_000n;
const UNPUBLISHED = ["DRAFT", "SUBMITTED", "REJECTED", "EXPIRED", "WITHDRAWN"] as const;

const ids: Record<string, string> = {};
const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

beforeAll(async () => {
  await ensureTaxonomy(db);
  await db.taxonomyNode.upsert({
    where: { code: "4" },
    create: { code: "4", level: 1, nameVi: "Khoa học nông nghiệp", nameEn: "Agricultural sciences" },
    update: {},
  });
  await db.taxonomyNode.upsert({
    where: { code: "405" },
    create: { code: "405", parentCode: "4", level: 2, nameVi: "Thủy sản", nameEn: "Fisheries" },
    update: {},
  });
  const uni = await createOrganization(db, { type: "UNIVERSITY", location: "HN-CAUGIAY" });
  const biz = await createOrganization(db, {
    type: "ENTERPRISE",
    location: "P-HCM",
    verificationStatus: "UNVERIFIED",
    verifiedAt: null,
  });
  const user = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: uni.id });

  const offer = async (key: string, orgId: string, data: Parameters<typeof buildOffer>[2]) =>
    (ids[key] = (await db.offer.create({ data: buildOffer(orgId, user.id, data) })).id);
  await offer("o1", uni.id, {
    sectorCode: "207",
    trl: 3,
    ipStatus: "PATENT",
    transferForms: ["STANDALONE"],
    location: "HN",
    publishedAt: ago(10),
    updatedAt: ago(2),
  });
  await offer("o2", uni.id, {
    sectorCode: "202",
    trl: 6,
    ipStatus: "KNOW_HOW",
    transferForms: ["FRANCHISE", "STANDALONE"],
    priceType: "RANGE",
    priceMin: 100n * M,
    priceMax: 300n * M,
    location: "HN-BADINH",
    publishedAt: ago(5),
    updatedAt: ago(4),
  });
  await offer("o3", biz.id, {
    sectorCode: "405",
    trl: 9,
    ipStatus: "NONE",
    transferForms: ["CAPITAL_CONTRIBUTION"],
    priceType: "FIXED",
    priceMin: 50n * M,
    location: "P-HCM",
    publishedAt: ago(1),
    updatedAt: ago(1),
  });
  await offer("o4", biz.id, {
    sectorCode: "207",
    trl: 7,
    ipStatus: "PATENT",
    transferForms: ["IP_RIGHT_TRANSFER"],
    priceType: "RANGE",
    priceMin: 500n * M,
    priceMax: 900n * M,
    location: "P-DANANG",
    publishedAt: ago(20),
    updatedAt: ago(0),
  });
  // Unpublished offers that would match every filter above.
  for (const status of UNPUBLISHED) {
    await offer(`offer-${status}`, uni.id, {
      status,
      sectorCode: "207",
      trl: 6,
      priceType: "RANGE",
      priceMin: 100n * M,
      priceMax: 900n * M,
      publishedAt: ago(0),
    });
  }

  const demand = async (key: string, orgId: string, data: Parameters<typeof buildDemand>[2]) =>
    (ids[key] = (await db.demand.create({ data: buildDemand(orgId, user.id, data) })).id);
  await demand("d1", biz.id, {
    sectorCode: "207",
    trlMin: 4,
    budgetMin: 100n * M,
    budgetMax: 200n * M,
    preferredForms: ["STANDALONE"],
    location: "HN-HADONG",
    publishedAt: ago(3),
  });
  await demand("d2", uni.id, {
    sectorCode: "405",
    trlMin: 7,
    preferredForms: ["FRANCHISE"],
    location: "P-HCM",
    confidential: true,
    publishedAt: ago(2),
  });
  await demand("d3", biz.id, {
    sectorCode: "202",
    trlMin: 2,
    budgetMin: 500n * M,
    preferredForms: ["STANDALONE", "CAPITAL_CONTRIBUTION"],
    location: "HN",
    publishedAt: ago(1),
  });
  for (const status of UNPUBLISHED) {
    await demand(`demand-${status}`, biz.id, {
      status,
      sectorCode: "207",
      trlMin: 4,
      budgetMin: 100n * M,
      budgetMax: 900n * M,
      publishedAt: ago(0),
    });
  }
});

async function offers(params: Record<string, string>, pageSize = 50) {
  const page = await searchOffers(OfferQuerySchema.parse(params), pageSize);
  expect(page.total).toBe(page.items.length);
  return page.items.map((o) => name(o.id));
}

async function demands(params: Record<string, string>) {
  const page = await searchDemands(DemandQuerySchema.parse(params), 50);
  expect(page.total).toBe(page.items.length);
  return page.items.map((d) => name(d.id));
}

describe("offer catalog filters", () => {
  it("lists only published offers, newest first", async () => {
    expect(await offers({})).toEqual(["o3", "o2", "o1", "o4"]);
  });

  it.each([
    [{ sector: "2" }, ["o2", "o1", "o4"]],
    [{ sector: "207" }, ["o1", "o4"]],
    [{ sector: "4" }, ["o3"]],
    [{ trlMin: "6" }, ["o3", "o2", "o4"]],
    [{ trlMax: "6" }, ["o2", "o1"]],
    [{ trlMin: "6", trlMax: "7" }, ["o2", "o4"]],
    [{ ip: "PATENT" }, ["o1", "o4"]],
    [{ form: "STANDALONE" }, ["o2", "o1"]],
    [{ priceMin: "200000000", priceMax: "600000000" }, ["o2", "o4"]],
    [{ priceMax: "60000000" }, ["o3"]],
    [{ priceMin: "400000000" }, ["o4"]],
    [{ orgType: "ENTERPRISE" }, ["o3", "o4"]],
    [{ location: "HN" }, ["o2", "o1"]],
    [{ location: "HN-BADINH" }, ["o2"]],
    [{ location: "P-HCM" }, ["o3"]],
    [{ verified: "1" }, ["o2", "o1"]],
    [{ sector: "2", verified: "1", trlMin: "5" }, ["o2"]],
    [{ location: "HN", form: "STANDALONE", ip: "PATENT" }, ["o1"]],
    [{ sector: "4", verified: "1" }, []],
  ])("%j narrows to %j", async (params, expected) => {
    expect(await offers(params)).toEqual(expected);
  });

  it.each([
    ["updated", ["o4", "o3", "o1", "o2"]],
    ["trl", ["o3", "o4", "o2", "o1"]],
    ["price", ["o3", "o2", "o4", "o1"]],
  ])("sorts by %s", async (sort, expected) => {
    expect(await offers({ sort })).toEqual(expected);
  });

  it("pages add up to the total, without overlap, in every sort", async () => {
    for (const sort of ["newest", "updated", "trl", "price"]) {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const result = await searchOffers(OfferQuerySchema.parse({ sort, page: String(page) }), 2, false);
        expect(result.total).toBe(4);
        expect(result.pageCount).toBe(2);
        seen.push(...result.items.map((o) => o.id));
      }
      expect(new Set(seen).size).toBe(4);
      expect(seen).toHaveLength(4);
    }
  });

  it("clamps a page beyond the end for pages and reports it", async () => {
    const { result, issues } = await offerCatalog({ page: "99" });
    expect(result.page).toBe(1);
    expect(result.items).toHaveLength(4);
    expect(issues).toEqual([expect.objectContaining({ path: "page", code: "page_out_of_range" })]);
  });

  it("drops invalid values for pages, keeps the valid ones and reports each", async () => {
    const { query, result, issues } = await offerCatalog({
      trlMin: "0",
      trlMax: "10",
      ip: "FOO",
      sector: "298",
      location: "HN",
      page: "x",
    });
    expect([query.trlMin, query.trlMax, query.ip, query.sector]).toEqual([undefined, undefined, undefined, undefined]);
    expect(query).toMatchObject({ location: "HN", page: 1 });
    expect(result.items.map((o) => name(o.id))).toEqual(["o2", "o1"]);
    expect(issues.map((i) => i.path).sort()).toEqual(["ip", "page", "sector", "trlMax", "trlMin"]);
  });

  it("ignores a max below the min and keeps the min", async () => {
    const { query, issues } = await offerCatalog({ trlMin: "7", trlMax: "3" });
    expect(query.trlMin).toBe(7);
    expect(query.trlMax).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ path: "trlMax", code: "range" })]);
  });

  it("maps rows to the offer card shape with bigint prices", async () => {
    const { result } = await offerCatalog({ sort: "price" });
    const card = result.items[0]!;
    expect(card.priceMin).toBe(50n * M);
    expect(card.sector).toEqual({ code: "405", nameVi: "Thủy sản", nameEn: "Fisheries" });
    expect(card.organization).toMatchObject({ type: "ENTERPRISE", verificationStatus: "UNVERIFIED" });
  });
});

describe("demand catalog filters", () => {
  it("lists only published demands, newest first", async () => {
    expect(await demands({})).toEqual(["d3", "d2", "d1"]);
  });

  it.each([
    [{ sector: "2" }, ["d3", "d1"]],
    [{ sector: "405" }, ["d2"]],
    [{ trlMin: "5" }, ["d2"]],
    [{ trlMax: "4" }, ["d3", "d1"]],
    [{ form: "STANDALONE" }, ["d3", "d1"]],
    [{ budgetMin: "300000000" }, ["d3"]],
    [{ budgetMax: "150000000" }, ["d1"]],
    [{ budgetMin: "150000000", budgetMax: "600000000" }, ["d3", "d1"]],
    // d2 is confidential: its university and verification must not find it (issue 9, item 11).
    [{ orgType: "UNIVERSITY" }, []],
    [{ orgType: "ENTERPRISE" }, ["d3", "d1"]],
    [{ location: "HN" }, ["d3", "d1"]],
    [{ verified: "1" }, []],
    [{ location: "HN", form: "CAPITAL_CONTRIBUTION" }, ["d3"]],
  ])("%j narrows to %j", async (params, expected) => {
    expect(await demands(params)).toEqual(expected);
  });

  it.each([
    ["trl", ["d2", "d1", "d3"]],
    ["budget", ["d3", "d1", "d2"]],
  ])("sorts by %s", async (sort, expected) => {
    expect(await demands({ sort })).toEqual(expected);
  });

  it("hides the organization of a confidential demand already in the query result", async () => {
    const { result } = await demandCatalog({ sector: "405" });
    expect(result.items[0]!.confidential).toBe(true);
    expect(result.items[0]!.organization.name).toBe("");
    expect(result.items[0]!.organization.slug).toBe("");
    expect(result.items[0]!.organization.type).toBeNull();
    expect(result.items[0]!.organization.verificationStatus).toBeNull();
  });
});
