import { beforeAll, describe, expect, it } from "vitest";
import { GET as demandGET } from "@/app/api/v1/demands/[id]/route";
import { GET as demandsGET } from "@/app/api/v1/demands/route";
import { GET as offerGET } from "@/app/api/v1/offers/[id]/route";
import { GET as offersGET } from "@/app/api/v1/offers/route";
import { demandCatalog, offerCatalog } from "@/lib/catalog/catalog";
import { publishedDemandBySlug, publishedOfferBySlug } from "@/lib/catalog/details";
import { db } from "@/lib/db";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { API_BASE, expectNoPersonalData, readJson, routeContext } from "../support/public-api";

const UNPUBLISHED = ["DRAFT", "SUBMITTED", "REJECTED", "EXPIRED", "WITHDRAWN"] as const;
const USER = { email: "tac-gia.bi-mat@example.vn", name: "Người Viết Bí Mật" };
const SECRET_ORG = "Công ty Bảo Mật Danh Tính";

let offer: { id: string; slug: string };
let secretDemand: { id: string; slug: string };
const hidden: { kind: "offer" | "demand"; status: string; id: string; slug: string }[] = [];

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "INSTITUTE", taxCode: "0101234567", address: "Số 1 Đường Thử" });
  const secret = await createOrganization(db, { name: SECRET_ORG, type: "ENTERPRISE" });
  const user = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: org.id, ...USER });
  offer = await db.offer.create({
    data: buildOffer(org.id, user.id, {
      priceType: "RANGE",
      priceMin: 120_000_000n,
      priceMax: 450_000_000n,
      moderationNote: "ghi chú nội bộ",
    }),
  });
  await db.attachment.create({
    data: {
      kind: "IMAGE",
      filename: "so-do.png",
      mimeType: "image/png",
      size: 2048,
      sha256: "a".repeat(64),
      storageKey: `test/${offer.id}.png`,
      uploadedById: user.id,
      offerId: offer.id,
    },
  });
  await db.demand.create({ data: buildDemand(org.id, user.id, { budgetMin: 1_000_000n, budgetMax: 2_000_000n }) });
  secretDemand = await db.demand.create({ data: buildDemand(secret.id, user.id, { confidential: true }) });
  for (const status of UNPUBLISHED) {
    const o = await db.offer.create({ data: buildOffer(org.id, user.id, { status }) });
    const d = await db.demand.create({ data: buildDemand(org.id, user.id, { status }) });
    hidden.push({ kind: "offer", status, id: o.id, slug: o.slug }, { kind: "demand", status, id: d.id, slug: d.slug });
  }
});

describe("public API lists", () => {
  it("returns published offers with total, page and pageSize, amounts as numbers", async () => {
    const response = await offersGET(new Request(`${API_BASE}/offers`));
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(body.items.map((o: { id: string }) => o.id)).toEqual([offer.id]);
    expect(body.items[0]).toMatchObject({
      priceMin: 120_000_000,
      priceMax: 450_000_000,
      sector: { code: "207" },
      field: { code: "2" },
    });
    expect(body.items[0].organization).toEqual({
      name: expect.any(String),
      nameEn: null,
      slug: expect.any(String),
      type: "INSTITUTE",
      verified: true,
    });
  });

  it("returns published demands; a confidential one has no organization", async () => {
    const body = await readJson(await demandsGET(new Request(`${API_BASE}/demands?pageSize=100`)));
    expect(body.total).toBe(2);
    const secretItem = body.items.find((d: { id: string }) => d.id === secretDemand.id);
    expect(secretItem.organization).toBeNull();
    expect(JSON.stringify(body)).not.toContain(SECRET_ORG);
  });

  it("contain no personal data", async () => {
    for (const response of [
      await offersGET(new Request(`${API_BASE}/offers`)),
      await demandsGET(new Request(`${API_BASE}/demands`)),
      await offerGET(new Request(`${API_BASE}/offers/${offer.id}`), routeContext(offer.id)),
      await demandGET(new Request(`${API_BASE}/demands/${secretDemand.id}`), routeContext(secretDemand.id)),
    ]) {
      expectNoPersonalData(await readJson(response), [
        USER.email,
        USER.name,
        "ghi chú nội bộ",
        "0101234567",
        SECRET_ORG,
      ]);
    }
  });

  it("answers a page beyond the end with no items", async () => {
    const body = await readJson(await offersGET(new Request(`${API_BASE}/offers?page=5&pageSize=10`)));
    expect(body).toMatchObject({ items: [], total: 1, page: 5, pageSize: 10 });
  });

  it.each([
    ["offers", "trlMin=0", "trlMin"],
    ["offers", "trlMin=10", "trlMin"],
    ["offers", "trlMax=abc", "trlMax"],
    ["offers", "trlMin=7&trlMax=3", "trlMax"],
    ["offers", "priceMin=9&priceMax=1", "priceMax"],
    ["offers", "priceMin=-5", "priceMin"],
    ["offers", "ip=FOO", "ip"],
    ["offers", "sort=budget", "sort"],
    ["offers", "page=0", "page"],
    ["offers", "page=two", "page"],
    ["offers", "pageSize=101", "pageSize"],
    ["offers", "location=XX", "location"],
    ["offers", "sector=7", "sector"],
    ["offers", "sector=298", "sector"],
    ["demands", "budgetMin=5&budgetMax=1", "budgetMax"],
    ["demands", "form=GIFT", "form"],
    ["demands", "sort=price", "sort"],
    ["demands", "verified=maybe", "verified"],
  ])("GET /%s?%s is 400 naming %s", async (resource, query, path) => {
    const handler = resource === "offers" ? offersGET : demandsGET;
    const response = await handler(new Request(`${API_BASE}/${resource}?${query}`));
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.error).toBe("invalid_parameters");
    expect(body.issues).toEqual([{ path, message: expect.stringContaining(path) }]);
  });
});

describe("public API details", () => {
  it("returns a published offer with its attachments as file links", async () => {
    const body = await readJson(await offerGET(new Request(`${API_BASE}/offers/${offer.id}`), routeContext(offer.id)));
    expect(body).toMatchObject({
      id: offer.id,
      description: expect.any(String),
      ipStatus: "PATENT",
      encouraged: false,
    });
    expect(body.attachments).toEqual([
      {
        id: expect.any(String),
        kind: "IMAGE",
        filename: "so-do.png",
        mimeType: "image/png",
        size: 2048,
        url: expect.stringMatching(/^\/api\/files\//),
      },
    ]);
  });

  it("is 400 for an id that is not a UUID and 404 for an unknown one", async () => {
    const bad = await offerGET(new Request(`${API_BASE}/offers/42`), routeContext("42"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].path).toBe("id");
    const unknown = "3f1d8c2e-5b7a-4c1e-9f0a-1234567890ab";
    expect((await offerGET(new Request(`${API_BASE}/offers/${unknown}`), routeContext(unknown))).status).toBe(404);
    expect((await demandGET(new Request(`${API_BASE}/demands/x`), routeContext("x"))).status).toBe(400);
  });
});

describe("unpublished listings", () => {
  it("never appear in the API, in lists or as detail pages", async () => {
    const offerIds = (await readJson(await offersGET(new Request(`${API_BASE}/offers?pageSize=100`)))).items.map(
      (o: { id: string }) => o.id,
    );
    const demandIds = (await readJson(await demandsGET(new Request(`${API_BASE}/demands?pageSize=100`)))).items.map(
      (d: { id: string }) => d.id,
    );
    const pageOfferIds = (await offerCatalog({})).result.items.map((o) => o.id);
    const pageDemandIds = (await demandCatalog({})).result.items.map((d) => d.id);
    for (const listing of hidden) {
      const [apiIds, pageIds, detail, handler] =
        listing.kind === "offer"
          ? [offerIds, pageOfferIds, await publishedOfferBySlug(listing.slug), offerGET]
          : [demandIds, pageDemandIds, await publishedDemandBySlug(listing.slug), demandGET];
      expect(apiIds, listing.status).not.toContain(listing.id);
      expect(pageIds, listing.status).not.toContain(listing.id);
      expect(detail, listing.status).toBeNull();
      const response = await handler(
        new Request(`${API_BASE}/${listing.kind}s/${listing.id}`),
        routeContext(listing.id),
      );
      expect(response.status, `${listing.kind} ${listing.status}`).toBe(404);
    }
  });
});
