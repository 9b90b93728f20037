/**
 * Issue 9 item 11: a confidential demand cannot be identified through organization-attribute
 * filters (orgType, verified) or their facets, nor through the organization type on its detail.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as demandGET } from "@/app/api/v1/demands/[id]/route";
import { GET as demandsGET } from "@/app/api/v1/demands/route";
import { demandCatalog } from "@/lib/catalog/catalog";
import { publishedDemandBySlug } from "@/lib/catalog/details";
import { searchDemands, toDemandCard } from "@/lib/catalog/rows";
import { DemandQuerySchema } from "@/lib/catalog/schemas";
import { db } from "@/lib/db";
import { searchListings } from "@/lib/search/queries";
import { buildDemand, createOrganization, createUser, ensureTaxonomy } from "../factories";

const WORD = "zirconia";
let secret: { id: string; slug: string };
let open: { id: string; slug: string };

const ids = async (query: string) => {
  const response = await demandsGET(new Request(`http://localhost/api/v1/demands?${query}`));
  expect(response.status).toBe(200);
  return ((await response.json()).items as { id: string }[]).map((i) => i.id);
};

beforeAll(async () => {
  await ensureTaxonomy(db);
  const enterprise = await createOrganization(db, { type: "ENTERPRISE", name: "Công ty Gốm Kỹ thuật Bí Mật" });
  const university = await createOrganization(db, {
    type: "UNIVERSITY",
    verificationStatus: "UNVERIFIED",
    verifiedAt: null,
  });
  const seeker = await createUser(db, { roles: ["SEEKER"], organizationId: enterprise.id });
  const other = await createUser(db, { roles: ["SEEKER"], organizationId: university.id });
  secret = await db.demand.create({
    data: buildDemand(enterprise.id, seeker.id, {
      titleVi: `Cần công nghệ phủ gốm ${WORD} cho khuôn ép`,
      confidential: true,
      location: "HN-CAUGIAY",
    }),
  });
  open = await db.demand.create({
    data: buildDemand(university.id, other.id, {
      titleVi: `Cần vật liệu ${WORD} cho phòng thí nghiệm`,
      location: "HN-CAUGIAY",
    }),
  });
});

describe("confidential demands and organization-attribute filters", () => {
  it("are found by their text, but never by the organization's type or verification", async () => {
    expect(await ids(`q=${WORD}`)).toEqual(expect.arrayContaining([secret.id, open.id]));
    expect(await ids(`q=${WORD}&orgType=ENTERPRISE`)).not.toContain(secret.id);
    expect(await ids(`q=${WORD}&orgType=ENTERPRISE&verified=1`)).not.toContain(secret.id);
    expect(await ids(`q=${WORD}&verified=1`)).not.toContain(secret.id);
    expect(await ids(`orgType=ENTERPRISE`)).not.toContain(secret.id);
    expect(await ids(`q=${WORD}&orgType=UNIVERSITY`)).toEqual([open.id]);
    // The demand's own location is not an organization attribute: it still filters.
    expect(await ids(`q=${WORD}&location=HN-CAUGIAY`)).toContain(secret.id);
  });

  it("are not counted under their organization's type in the facets", async () => {
    const result = await searchListings("demands", { q: WORD, facets: true });
    expect(result.total).toBe(2);
    const orgTypes = Object.fromEntries(result.facets!.orgType.map((b) => [b.key, b.count]));
    expect(orgTypes.ENTERPRISE ?? 0).toBe(0);
    expect(orgTypes.UNIVERSITY).toBe(1);
    const catalog = await demandCatalog({ q: WORD, orgType: "ENTERPRISE" });
    expect(catalog.result.items.map((i) => i.id)).not.toContain(secret.id);
  });

  it("carry no organization type or verification in the list rows, cards, detail and API", async () => {
    const page = await searchDemands(DemandQuerySchema.parse({ q: WORD }), 20);
    const row = page.items.find((i) => i.id === secret.id)!;
    expect(row.orgType).toBeNull();
    expect(row.orgVerification).toBeNull();
    expect(toDemandCard(row).organization.type).toBeNull();
    const detail = await publishedDemandBySlug(secret.slug);
    expect(detail?.organization).toBeNull();
    const body = JSON.stringify(
      await (await demandGET(new Request("http://localhost"), { params: Promise.resolve({ id: secret.id }) })).json(),
    );
    expect(body).not.toContain("ENTERPRISE");
    expect(body).not.toContain("Bí Mật");
    const list = JSON.stringify(
      await (await demandsGET(new Request(`http://localhost/api/v1/demands?q=${WORD}`))).json(),
    );
    expect(list).not.toContain("ENTERPRISE");
  });
});
