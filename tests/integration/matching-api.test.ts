import { beforeAll, describe, expect, it } from "vitest";
import { GET as demandMatchesGET } from "@/app/api/v1/demands/[id]/matches/route";
import { GET as offerMatchesGET } from "@/app/api/v1/offers/[id]/matches/route";
import { GET as suggestGET } from "@/app/api/v1/suggest/route";
import { db } from "@/lib/db";
import { recomputeMatches } from "@/lib/matching/mutations";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { API_BASE, expectNoPersonalData, readJson, routeContext } from "../support/public-api";

const USER = { email: "nguoi-dang.an-danh@example.vn", name: "Người Đăng Ẩn Danh" };
const SECRET_ORG = "Công ty Chăn nuôi Giấu Tên";

const ids: Record<string, string> = {};
const slugs: Record<string, string> = {};

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY", taxCode: "0109999999" });
  const farm = await createOrganization(db, { type: "ENTERPRISE", name: "Công ty Nông trại Minh Bạch" });
  const secret = await createOrganization(db, { type: "ENTERPRISE", name: SECRET_ORG });
  const user = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: uni.id, ...USER });
  const offer = async (key: string, data: Parameters<typeof buildOffer>[2]) => {
    const row = await db.offer.create({
      data: buildOffer(uni.id, user.id, {
        titleEn: null,
        description: "Chi tiết kỹ thuật.",
        moderationNote: "ghi chú nội bộ",
        ...data,
      }),
    });
    ids[key] = row.id;
    slugs[key] = row.slug;
  };
  const demand = async (key: string, orgId: string, data: Parameters<typeof buildDemand>[2]) => {
    const row = await db.demand.create({ data: buildDemand(orgId, user.id, data) });
    ids[key] = row.id;
    slugs[key] = row.slug;
  };
  await offer("mbr", {
    titleVi: "Xử lý nước thải chăn nuôi lợn bằng màng MBR",
    titleEn: "MBR for piggery wastewater",
    keywords: ["nước thải", "chăn nuôi", "màng"],
    summaryVi: "Nước thải trang trại lợn đạt QCVN 62.",
    trl: 7,
    priceType: "RANGE",
    priceMin: 500_000_000n,
    priceMax: 900_000_000n,
  });
  await offer("biogas", {
    titleVi: "Hầm biogas xử lý nước thải trang trại chăn nuôi",
    keywords: ["biogas", "chăn nuôi", "nước thải"],
    summaryVi: "Xử lý chất thải chăn nuôi, thu khí sinh học.",
    trl: 8,
  });
  await offer("withdrawn", {
    titleVi: "Xử lý nước thải chăn nuôi bằng tảo",
    keywords: ["nước thải", "chăn nuôi"],
    summaryVi: "Nước thải chăn nuôi lợn.",
    trl: 6,
  });
  await offer("draft", {
    titleVi: "Xử lý nước thải chăn nuôi bằng đất ngập nước bản nháp",
    keywords: ["nước thải", "chăn nuôi"],
    status: "DRAFT",
    publishedAt: null,
  });
  await demand("open", farm.id, {
    titleVi: "Cần công nghệ xử lý nước thải trang trại chăn nuôi lợn",
    keywords: ["nước thải", "chăn nuôi"],
    trlMin: 6,
    budgetMin: 400_000_000n,
    budgetMax: 1_000_000_000n,
  });
  await demand("secret", secret.id, {
    titleVi: "Tìm giải pháp nước thải chăn nuôi lợn cho trại kín",
    keywords: ["nước thải", "chăn nuôi"],
    trlMin: 5,
    confidential: true,
  });
  await demand("expired", farm.id, {
    titleVi: "Xử lý nước thải chăn nuôi bò sữa",
    keywords: ["nước thải", "chăn nuôi"],
    trlMin: 5,
  });
  for (const key of ["open", "secret", "expired"]) await recomputeMatches("demand", ids[key]!);
  // Matches were stored while these were published; the API must stop showing them once they are not.
  await db.offer.update({ where: { id: ids.withdrawn! }, data: { status: "WITHDRAWN" } });
  await db.demand.update({ where: { id: ids.expired! }, data: { status: "EXPIRED" } });
});

type Item = {
  score: number;
  explanation: Record<string, unknown>;
  offer?: { id: string };
  demand?: { id: string; organization: unknown };
};

describe("GET /api/v1/demands/<id>/matches", () => {
  it("lists the published offers best first, each with its score, explanation and public identity", async () => {
    const response = await demandMatchesGET(
      new Request(`${API_BASE}/demands/${ids.open}/matches`),
      routeContext(ids.open!),
    );
    expect(response.status).toBe(200);
    const { items } = (await readJson(response)) as { items: Item[] };
    expect(items[0]!.offer!.id).toBe(ids.mbr);
    expect(items.map((i) => i.offer!.id)).toContain(ids.biogas);
    const scores = items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(items[0]).toEqual({
      score: expect.any(Number),
      explanation: {
        sharedTerms: expect.arrayContaining(["nước thải"]),
        text: { similarity: expect.any(Number) },
        sector: { verdict: "match", offerSector: "207", demandSector: "207" },
        trl: { verdict: "match", offerTrl: 7, demandMin: 6 },
        budget: { verdict: "match", price: [500_000_000, 900_000_000], budget: [400_000_000, 1_000_000_000] },
        location: { verdict: "match", offer: "HN", demand: "HN" },
        verified: true,
      },
      offer: {
        id: ids.mbr,
        slug: slugs.mbr,
        titleVi: "Xử lý nước thải chăn nuôi lợn bằng màng MBR",
        titleEn: "MBR for piggery wastewater",
        organization: { name: expect.any(String), nameEn: null, slug: expect.any(String) },
      },
    });
  });

  it("leaves out offers that are no longer published, and never drafts", async () => {
    const { items } = (await readJson(
      await demandMatchesGET(new Request(`${API_BASE}/demands/${ids.open}/matches`), routeContext(ids.open!)),
    )) as { items: Item[] };
    const offerIds = items.map((i) => i.offer!.id);
    expect(offerIds).not.toContain(ids.withdrawn);
    expect(offerIds).not.toContain(ids.draft);
    // The withdrawn offer's match is still stored: the filter is the API's, not an empty table.
    expect(await db.match.count({ where: { offerId: ids.withdrawn, demandId: ids.open } })).toBe(1);
  });

  it("honours limit from 1 to 50", async () => {
    const { items } = (await readJson(
      await demandMatchesGET(new Request(`${API_BASE}/demands/${ids.open}/matches?limit=1`), routeContext(ids.open!)),
    )) as { items: Item[] };
    expect(items.map((i) => i.offer!.id)).toEqual([ids.mbr]);
  });

  it.each(["0", "51", "abc", "-1", "1.5"])("answers 400 naming limit for limit=%s", async (limit) => {
    const response = await demandMatchesGET(
      new Request(`${API_BASE}/demands/${ids.open}/matches?limit=${limit}`),
      routeContext(ids.open!),
    );
    expect(response.status).toBe(400);
    expect(await readJson(response)).toEqual({
      error: "invalid_parameters",
      issues: [{ path: "limit", message: expect.stringContaining("limit") }],
    });
  });

  it("answers 400 for an id that is not a UUID", async () => {
    const response = await demandMatchesGET(new Request(`${API_BASE}/demands/42/matches`), routeContext("42"));
    expect(response.status).toBe(400);
    expect((await readJson(response)).issues).toEqual([{ path: "id", message: expect.any(String) }]);
  });

  it("answers 404 for an unknown demand and for one that is no longer published", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", ids.expired!]) {
      const response = await demandMatchesGET(new Request(`${API_BASE}/demands/${id}/matches`), routeContext(id));
      expect(response.status).toBe(404);
      expect(await readJson(response)).toEqual({ error: "not_found" });
    }
  });
});

describe("GET /api/v1/offers/<id>/matches", () => {
  it("lists published demands; a confidential one comes without its organization", async () => {
    const response = await offerMatchesGET(
      new Request(`${API_BASE}/offers/${ids.mbr}/matches?limit=50`),
      routeContext(ids.mbr!),
    );
    expect(response.status).toBe(200);
    const { items } = (await readJson(response)) as { items: Item[] };
    const byId = new Map(items.map((i) => [i.demand!.id, i]));
    expect(byId.has(ids.open!)).toBe(true);
    expect(byId.has(ids.expired!)).toBe(false);
    expect(byId.get(ids.open!)!.demand!.organization).toEqual({
      name: "Công ty Nông trại Minh Bạch",
      nameEn: null,
      slug: expect.any(String),
    });
    expect(byId.get(ids.secret!)!.demand!.organization).toBeNull();
    expect(JSON.stringify(items)).not.toContain(SECRET_ORG);
  });

  it("answers 404 for a withdrawn or draft offer", async () => {
    for (const id of [ids.withdrawn!, ids.draft!]) {
      expect((await offerMatchesGET(new Request(`${API_BASE}/offers/${id}/matches`), routeContext(id))).status).toBe(
        404,
      );
    }
  });
});

describe("the matches endpoints", () => {
  it("contain no personal or internal data", async () => {
    for (const response of [
      await demandMatchesGET(new Request(`${API_BASE}/demands/${ids.open}/matches`), routeContext(ids.open!)),
      await demandMatchesGET(new Request(`${API_BASE}/demands/${ids.secret}/matches`), routeContext(ids.secret!)),
      await offerMatchesGET(new Request(`${API_BASE}/offers/${ids.mbr}/matches`), routeContext(ids.mbr!)),
    ]) {
      const body = await readJson(response);
      expect(body.items.length).toBeGreaterThan(0);
      // A match never says whether the demand is confidential (that alone would narrow who posted it).
      expectNoPersonalData(body, [USER.email, USER.name, "ghi chú nội bộ", "0109999999", SECRET_ORG], ["confidential"]);
    }
  });
});

describe("GET /api/v1/suggest", () => {
  const suggest = (query: string) => suggestGET(new Request(`${API_BASE}/suggest${query}`));

  it("suggests published titles, diacritics ignored, with links to their pages", async () => {
    const response = await suggest("?q=xu%20ly%20nuoc");
    expect(response.status).toBe(200);
    const { items } = (await readJson(response, "public, max-age=30")) as {
      items: { type: string; label: string; labelEn: string | null; href: string }[];
    };
    expect(items).toContainEqual({
      type: "offer",
      label: "Xử lý nước thải chăn nuôi lợn bằng màng MBR",
      labelEn: "MBR for piggery wastewater",
      href: `/technologies/${slugs.mbr}`,
    });
    const hrefs = items.map((i) => i.href);
    // Unpublished listings and confidential demands are never suggested.
    for (const key of ["withdrawn", "draft", "secret", "expired"]) {
      expect(hrefs.some((h) => h.endsWith(`/${slugs[key]}`))).toBe(false);
    }
    for (const item of items) expect(Object.keys(item).sort()).toEqual(["href", "label", "labelEn", "type"]);
  });

  it("suggests fields and organizations too", async () => {
    const fields = (await (await suggest("?q=moi%20truong")).json()).items as { type: string; href: string }[];
    expect(fields).toContainEqual(expect.objectContaining({ type: "field", href: "/technologies?sector=207" }));
    const orgs = (await (await suggest("?q=nong%20trai%20minh")).json()).items as { type: string; label: string }[];
    expect(orgs).toContainEqual(
      expect.objectContaining({ type: "organization", label: "Công ty Nông trại Minh Bạch" }),
    );
  });

  it("answers an empty list for a single letter", async () => {
    expect(await readJson(await suggest("?q=x"), "public, max-age=30")).toEqual({ items: [] });
  });

  it.each([
    ["no q", ""],
    ["an empty q", "?q="],
    ["a blank q", "?q=%20%20%20"],
    ["a q over 100 characters", `?q=${"a".repeat(101)}`],
  ])("answers 400 for %s", async (_name, query) => {
    const response = await suggest(query);
    expect(response.status).toBe(400);
    expect(await readJson(response, "public, max-age=30")).toEqual({
      error: "invalid_parameters",
      issues: [{ path: "q", message: expect.stringContaining("q") }],
    });
  });

  it("accepts a q of exactly 100 characters", async () => {
    expect((await suggest(`?q=${"a".repeat(100)}`)).status).toBe(200);
  });
});
