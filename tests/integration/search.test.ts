import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchListings, suggest } from "@/lib/search/queries";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const ids: Record<string, string> = {};

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "UNIVERSITY", name: "Trường Đại học Thủy lợi" });
  const unverified = await createOrganization(db, {
    type: "ENTERPRISE",
    verificationStatus: "UNVERIFIED",
    verifiedAt: null,
  });
  const user = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: org.id });
  const offer = async (key: string, data: Parameters<typeof buildOffer>[2], orgId = org.id) => {
    // Neutral defaults: only the words each case sets may match.
    const neutral = {
      titleEn: null,
      summaryVi: "Giải pháp đã thử nghiệm, sẵn sàng chuyển giao.",
      description: "Chi tiết kỹ thuật cung cấp khi ký thỏa thuận bảo mật.",
      keywords: ["chuyển giao"],
    };
    ids[key] = (await db.offer.create({ data: buildOffer(orgId, user.id, { ...neutral, ...data }) })).id;
  };
  await offer("wastewater", {
    titleVi: "Công nghệ xử lý nước thải chăn nuôi bằng màng MBR",
    titleEn: "MBR livestock wastewater treatment",
    trl: 7,
    sectorCode: "207",
    keywords: ["nước thải", "màng lọc"],
  });
  await offer("air", {
    titleVi: "Hệ thống xử lý khí thải lò hơi công nghiệp",
    trl: 6,
    sectorCode: "207",
    keywords: ["khí thải"],
    summaryVi: "Giảm bụi và SO2 cho lò hơi đốt than.",
  });
  await offer("water-in-summary", {
    titleVi: "Trạm quan trắc tự động",
    sectorCode: "202",
    trl: 8,
    summaryVi: "Quan trắc liên tục chất lượng nước thải đầu ra tại khu công nghiệp.",
    keywords: ["quan trắc"],
  });
  await offer("water-in-description", {
    titleVi: "Bộ điều khiển bơm thông minh",
    sectorCode: "202",
    trl: 5,
    summaryVi: "Tiết kiệm điện cho trạm bơm.",
    description: "Có thể dùng cho trạm xử lý nước thải quy mô nhỏ.",
    keywords: ["bơm"],
  });
  await offer("draft", { titleVi: "Bản nháp xử lý nước thải chưa công bố", status: "DRAFT", publishedAt: null });
  await offer("expired", { titleVi: "Xử lý nước thải đã hết hạn", status: "EXPIRED" });
  await offer(
    "nano",
    { titleVi: "Vật liệu nano bạc kháng khuẩn", sectorCode: "202", trl: 4, keywords: ["nano"] },
    unverified.id,
  );
  await db.demand.create({
    data: buildDemand(org.id, user.id, { titleVi: "Cần giải pháp xử lý nước thải thủy sản", confidential: false }),
  });
});

const order = async (q: string, filters = {}) =>
  (await searchListings("offers", { q, filters })).items.map((i) => i.id);

describe("search", () => {
  it("gives the same results whatever the accents, case or Unicode form", async () => {
    const reference = await order("xử lý nước thải");
    expect(reference[0]).toBe(ids.wastewater);
    for (const q of ["xu ly nuoc thai", "XU LY NUOC THAI", "XỬ LÝ NƯỚC THẢI", "xử lý nước thải".normalize("NFD")]) {
      expect(await order(q)).toEqual(reference);
    }
  });

  it("ranks title above summary above description", async () => {
    const found = await searchListings("offers", { q: "nước thải" });
    const result = found.items.map((i) => i.id);
    expect(result.indexOf(ids.wastewater!)).toBeLessThan(result.indexOf(ids["water-in-summary"]!));
    expect(result.indexOf(ids["water-in-summary"]!)).toBeLessThan(result.indexOf(ids["water-in-description"]!));
    // "khí thải" is not "nước thải": never among the exact matches; three exact matches are few,
    // so approximate ones may follow them (issue #14), the page saying so.
    const exact = found.relaxation?.strict ?? found.total;
    expect(exact).toBe(3);
    expect(result.slice(0, exact)).not.toContain(ids.air);
  });

  it("tolerates a one-letter typo and matches partial words while typing", async () => {
    expect((await order("vat lieu nanp"))[0]).toBe(ids.nano);
    expect((await order("xu ly nuoc thia"))[0]).toBe(ids.wastewater);
    expect(await order("kháng khu")).toContain(ids.nano);
    expect(await order("wastewat")).toEqual([ids.wastewater]);
  });

  it("never returns unpublished listings", async () => {
    const found = await order("nước thải");
    expect(found).not.toContain(ids.draft);
    expect(found).not.toContain(ids.expired);
  });

  it("combines the query with catalog filters and reports facets for it", async () => {
    expect(await order("nước thải", { trlMin: 6 })).toEqual(
      expect.arrayContaining([ids.wastewater, ids["water-in-summary"]]),
    );
    expect(await order("nước thải", { trlMin: 6 })).not.toContain(ids["water-in-description"]);
    expect(await order("nước thải", { sector: "202" })).not.toContain(ids.wastewater);
    expect(await order("nano", { verified: true })).toEqual([]);
    // Facets of exactly the matches (relaxed only when nothing matches, as the catalog does).
    const result = await searchListings("offers", { q: "nước thải", facets: true, relaxBelow: 1 });
    expect(result.total).toBe(3);
    expect(result.facets?.trl.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(result.facets?.field).toEqual([{ key: "2", count: 3 }]);
  });

  it("highlights the query in the snippet", async () => {
    const [hit] = (await searchListings("offers", { q: "quan trac nuoc thai" })).items;
    expect(hit?.id).toBe(ids["water-in-summary"]);
    const marked = hit!.snippet.highlights.map(([a, b]) => hit!.snippet.text.slice(a, b).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(["quan", "trắc", "nước", "thải"]));
  });

  it("suggests titles, fields and organizations from a prefix", async () => {
    const suggestions = await suggest("xu ly nu");
    expect(suggestions.find((s) => s.type === "offer")?.href).toMatch(/^\/technologies\//);
    expect((await suggest("thuy loi")).some((s) => s.type === "organization")).toBe(true);
    expect((await suggest("moi truong")).some((s) => s.type === "field")).toBe(true);
    expect(await suggest("x")).toEqual([]);
  });
});

describe("directory search", () => {
  it("finds organizations by name without accents and tolerates a typo", async () => {
    const { searchDirectory } = await import("@/lib/search/queries");
    expect((await searchDirectory("organizations", "dai hoc thuy loi")).items[0]?.title).toBe(
      "Trường Đại học Thủy lợi",
    );
    expect((await searchDirectory("organizations", "đại học thủy lọi")).items[0]?.title).toBe(
      "Trường Đại học Thủy lợi",
    );
    expect((await searchDirectory("experts", "")).total).toBe(0);
  });
});

describe("q on the catalog and the public API", () => {
  it("filters and ranks the catalog list and the API by the query", async () => {
    const { offerCatalog, offerApiList } = await import("@/lib/catalog/catalog");
    const page = await offerCatalog({ q: "XU LY NUOC THAI" });
    expect(page.query.sort).toBe("relevance");
    expect(page.result.items[0]?.id).toBe(ids.wastewater);
    expect(page.result.total).toBe(2); // every word must occur: the monitoring station says "nước thải" only
    const byDate = await offerCatalog({ q: "nuoc thai", sort: "newest", trlMin: "6" });
    expect(byDate.result.items.map((i) => i.id).sort()).toEqual([ids.wastewater, ids["water-in-summary"]].sort());
    const api = await offerApiList(new URLSearchParams({ q: "nước thải", pageSize: "2" }));
    expect(api.ok && api.body.total).toBe(3);
    expect(api.ok && api.body.items).toHaveLength(2);
    const tooLong = await offerApiList(new URLSearchParams({ q: "x".repeat(201) }));
    expect(tooLong.ok).toBe(false);
  });
});
