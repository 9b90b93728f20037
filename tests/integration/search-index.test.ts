/**
 * The search index tables (offer_search / demand_search) follow the listings through their triggers,
 * deep result pages past the ranked candidates stay a total order, and spelling correction uses the
 * title vocabulary.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { countListings, listingPage, searchListings, suggest } from "@/lib/search/queries";
import { hitDisplay } from "@/lib/search/sql";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

let orgId = "";
let userId = "";

const indexed = async (table: "offer_search" | "demand_search", id: string) =>
  (await pool().query(`SELECT verified, trl, forms_mask FROM ${table} WHERE id = $1`, [id])).rows[0] ?? null;

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "INSTITUTE", verificationStatus: "UNVERIFIED", verifiedAt: null });
  orgId = org.id;
  userId = (await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: org.id })).id;
});

describe("search index tables", () => {
  it("hold exactly the published listings, updated in the same transaction as the listing", async () => {
    const offer = await db.offer.create({
      data: buildOffer(orgId, userId, {
        titleVi: "Máy sấy thăng hoa dược liệu",
        trl: 5,
        transferForms: ["STANDALONE", "FRANCHISE"],
      }),
    });
    expect(await indexed("offer_search", offer.id)).toMatchObject({ verified: false, trl: 5 });
    // The mask has exactly the two chosen forms' bits.
    const { rows } = await pool().query(
      `SELECT forms_mask = techex_form_bit('STANDALONE') | techex_form_bit('FRANCHISE') AS exact FROM offer_search WHERE id = $1`,
      [offer.id],
    );
    expect(rows[0].exact).toBe(true);

    await db.offer.update({ where: { id: offer.id }, data: { trl: 7 } });
    expect(await indexed("offer_search", offer.id)).toMatchObject({ trl: 7 });

    // Verifying the organization changes its listings' "verified" filter at once.
    await db.organization.update({
      where: { id: orgId },
      data: { verificationStatus: "VERIFIED", verifiedAt: new Date() },
    });
    expect(await indexed("offer_search", offer.id)).toMatchObject({ verified: true });

    // Leaving PUBLISHED removes it; coming back restores it.
    await db.offer.update({ where: { id: offer.id }, data: { status: "WITHDRAWN" } });
    expect(await indexed("offer_search", offer.id)).toBeNull();
    expect(await countListings("offers", "máy sấy thăng hoa")).toBe(0);
    await db.offer.update({ where: { id: offer.id }, data: { status: "PUBLISHED" } });
    expect(await countListings("offers", "máy sấy thăng hoa")).toBe(1);

    const draft = await db.demand.create({
      data: buildDemand(orgId, userId, { titleVi: "Cần máy sấy nông sản", status: "DRAFT", publishedAt: null }),
    });
    expect(await indexed("demand_search", draft.id)).toBeNull();
    await db.demand.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await indexed("demand_search", draft.id)).not.toBeNull();
    await db.demand.delete({ where: { id: draft.id } });
    expect(await indexed("demand_search", draft.id)).toBeNull();
  });

  it("can be rebuilt from the listings with the same content", async () => {
    const before = (
      await pool().query(`SELECT id, trl, verified, forms_mask, search_vector::text FROM offer_search ORDER BY id`)
    ).rows;
    await pool().query("SELECT techex_rebuild_search_index()");
    const after = (
      await pool().query(`SELECT id, trl, verified, forms_mask, search_vector::text FROM offer_search ORDER BY id`)
    ).rows;
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(0);
  });
});

describe("deep pages past the ranked candidates", () => {
  it("page through every match exactly once, ranked candidates first", async () => {
    for (let i = 0; i < 9; i++) {
      const inTitle = i % 2 === 0;
      await db.offer.create({
        data: buildOffer(orgId, userId, {
          titleVi: inTitle ? `Chế phẩm enzyme phân giải số ${i}` : `Quy trình ủ phân hữu cơ số ${i}`,
          summaryVi: inTitle ? "Dùng cho chăn nuôi." : "Bổ sung enzyme phân giải xenluloza.",
          description: "Mô tả kỹ thuật.",
          keywords: [],
          publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        }),
      });
    }
    const display = hitDisplay("offers");
    const all = await listingPage<{ id: string; titleVi: string }>(
      "offers",
      { q: "enzyme phân giải", pageSize: 50 },
      display,
    );
    expect(all.total).toBe(9);
    // Candidates limited to 3, pages of 2: the pages straddle the ranked/unranked boundary.
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const part = await listingPage<{ id: string; titleVi: string }>(
        "offers",
        { q: "enzyme phân giải", page, pageSize: 2, candidates: 3 },
        display,
      );
      expect(part.total).toBe(9);
      seen.push(...part.rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(new Set(seen)).toEqual(new Set(all.rows.map((r) => r.id)));
    // Title matches come before text-only matches past the ranked ones too.
    const titles = await db.offer.findMany({ where: { id: { in: seen } }, select: { id: true, titleVi: true } });
    const inTitle = seen.map((id) => titles.find((t) => t.id === id)!.titleVi.startsWith("Chế phẩm"));
    expect(inTitle).toEqual([true, true, true, true, true, false, false, false, false]);
  });
});

describe("the dense-match path", () => {
  it("finds the same ranked candidates as collecting every match", async () => {
    // walk: 1 tests only the newest `candidates` listings, so every query here takes the sparse
    // path (collect all matches, sort); walk: 100000 tests every listing one by one.
    // The newest listings, from an unverified organization: the "verified" filter must skip them
    // on the walk as it does on the collected matches.
    const other = await createOrganization(db, { verificationStatus: "UNVERIFIED", verifiedAt: null });
    for (let i = 0; i < 3; i++) {
      await db.offer.create({
        data: buildOffer(other.id, userId, {
          titleVi: `Enzyme phân giải tinh bột ${i}`,
          publishedAt: new Date(Date.UTC(2026, 5, 1 + i)),
        }),
      });
    }
    const display = hitDisplay("offers");
    // Five verified title matches of "enzyme": seven candidates need two text-only matches too.
    const queries: { q: string; filters?: Record<string, unknown>; candidates: number }[] = [
      { q: "enzyme phân giải", candidates: 3 },
      { q: "enzyme", filters: { verified: true }, candidates: 7 },
      { q: "enzyme", candidates: 10 },
      { q: "xenluloza", candidates: 2 },
      { q: "số", candidates: 3 },
    ];
    for (const { q, filters, candidates } of queries) {
      const pages = async (walk: number) => {
        const ids: string[] = [];
        for (let page = 1; page <= 10; page++) {
          const part = await listingPage<{ id: string }>(
            "offers",
            { q, filters, page, pageSize: 2, candidates, walk },
            display,
          );
          ids.push(...part.rows.map((r) => r.id));
          if (part.rows.length < 2) break;
        }
        return ids;
      };
      const sparse = await pages(1);
      expect(sparse.length, q).toBeGreaterThan(candidates);
      expect(await pages(100_000), q).toEqual(sparse);
    }
    // The same two paths for the newest matches in date order (the catalog's "newest" sort).
    const newest = async (walk: number) =>
      (
        await listingPage<{ id: string }>(
          "offers",
          { q: "enzyme", sort: "newest", filters: { verified: true }, pageSize: 4, page: 2, walk },
          display,
        )
      ).rows.map((r) => r.id);
    const byDate = (
      await db.offer.findMany({
        where: {
          status: "PUBLISHED",
          organizationId: orgId,
          OR: [{ titleVi: { contains: "enzyme" } }, { summaryVi: { contains: "enzyme" } }],
        },
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((r) => r.id);
    expect(await newest(1)).toEqual(byDate.slice(4, 8));
    expect(await newest(100_000)).toEqual(byDate.slice(4, 8));
  });
});

describe("spelling correction", () => {
  it("corrects an unknown word from the title vocabulary, and says what it searched", async () => {
    await db.offer.create({
      data: buildOffer(orgId, userId, { titleVi: "Chủng nấm Trichoderma đối kháng", keywords: [] }),
    });
    await pool().query("SELECT techex_refresh_search_words()");
    const found = await listingPage<{ id: string }>("offers", { q: "trichoderna doi khang" }, hitDisplay("offers"));
    expect(found.mode).toBe("corrected");
    expect(found.q).toBe("trichoderma doi khang");
    expect(found.total).toBe(1);
    const result = await searchListings("offers", { q: "trichoderna" });
    expect(result.total).toBe(1);
    expect(result.correctedQuery).toBe("trichoderma");
  });

  it("corrects a real word that does not go with the others", async () => {
    // "mem" is a real title word (phần mềm), but no title has "lên" and "mem" together.
    await db.offer.create({
      data: buildOffer(orgId, userId, { titleVi: "Quy trình lên men rượu vang", keywords: [] }),
    });
    await db.offer.create({ data: buildOffer(orgId, userId, { titleVi: "Phần mềm kế toán nông hộ", keywords: [] }) });
    await pool().query("SELECT techex_refresh_search_words()");
    const result = await searchListings("offers", { q: "lên mem", facets: true });
    expect(result.correctedQuery).toBe("len men");
    expect(result.total).toBe(1);
    expect(result.items[0]!.title).toBe("Quy trình lên men rượu vang");
    // The facets are those of the corrected query.
    expect(result.facets!.trl.reduce((n, b) => n + b.count, 0)).toBe(1);
    expect(await countListings("offers", "lên mem")).toBe(1);
    // Under a filter, real words finding nothing is a genuine empty result.
    expect(
      (await searchListings("offers", { q: "lên mem", filters: { verified: true } })).correctedQuery,
    ).toBeUndefined();
  });

  it("does not invent matches when every word is real and a filter excludes them", async () => {
    const result = await searchListings("offers", { q: "trichoderma", filters: { trlMin: 9, trlMax: 9 } });
    expect(result.total).toBe(0);
    expect(result.correctedQuery).toBeUndefined();
  });
});

describe("suggestions", () => {
  it("come from the newest titles when those match densely, and never show a confidential demand", async () => {
    // 110 demands match "tuoi nho", 55 of them public: the newest titles alone provide the candidates.
    const demands = [];
    for (let i = 0; i < 110; i++) {
      demands.push(
        await db.demand.create({
          data: buildDemand(orgId, userId, {
            titleVi: `Cần hệ thống tưới nhỏ giọt khu ${i}`,
            confidential: i % 2 === 0,
            publishedAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
          }),
        }),
      );
    }
    const visible = new Set(demands.filter((d) => !d.confidential).map((d) => `/demands/${d.slug}`));
    for (const prefix of ["tuoi nho", "tuoi nho g", "he thong tuoi n"]) {
      const shown = (await suggest(prefix)).filter((s) => s.type === "demand");
      expect(shown, prefix).toHaveLength(3);
      for (const s of shown) expect(visible.has(s.href), `${prefix}: ${s.href}`).toBe(true);
    }
    // A last letter no word of those titles starts with: none of them is suggested.
    expect((await suggest("tuoi nho q")).filter((s) => s.type === "demand")).toEqual([]);
  });

  it("come from the index when the newest titles hold too few", async () => {
    await db.offer.create({
      data: buildOffer(orgId, userId, {
        titleVi: "Màng lọc gốm xốp cho nước giếng khoan",
        publishedAt: new Date(Date.UTC(2020, 0, 1)),
      }),
    });
    const shown = await suggest("mang loc gom x");
    expect(shown.filter((s) => s.type === "offer").map((s) => s.label)).toEqual([
      "Màng lọc gốm xốp cho nước giếng khoan",
    ]);
  });
});
