import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { robotsRules } from "@/lib/seo/robots";
import { sitemapEntries } from "@/lib/seo/sitemap";
import { pageAlternates, publicBaseUrl } from "@/lib/seo/urls";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

// The configured public URL: every absolute link must use it, never localhost or the request's host.
const SITE = "https://san.example.vn";
vi.stubEnv("APP_URL", SITE);
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3999");

const at = (iso: string) => new Date(iso);
const slugs: Record<string, string> = {};
const ids: Record<string, string> = {};

async function setUpdatedAt(table: "offers" | "demands" | "organizations" | "experts", id: string, when: Date) {
  // Set directly: Prisma's @updatedAt would overwrite the value with now().
  await db.$executeRawUnsafe(`UPDATE ${table} SET updated_at = $1 WHERE id = $2::uuid`, when, id);
}

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { slug: "vien-cong-khai" });
  const quiet = await createOrganization(db, { slug: "doanh-nghiep-kin-dao", type: "ENTERPRISE" });
  const rejected = await createOrganization(db, {
    slug: "to-chuc-bi-tu-choi",
    verificationStatus: "REJECTED",
    verifiedAt: null,
  });
  const user = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: uni.id });
  Object.assign(ids, { uni: uni.id, quiet: quiet.id, rejected: rejected.id });

  const offer = async (key: string, data: Parameters<typeof buildOffer>[2]) => {
    const row = await db.offer.create({ data: buildOffer(uni.id, user.id, { slug: `offer-${key}`, ...data }) });
    slugs[key] = row.slug;
    ids[key] = row.id;
  };
  await offer("published", {});
  await offer("draft", { status: "DRAFT", publishedAt: null });
  await offer("submitted", { status: "SUBMITTED", publishedAt: null });
  await offer("withdrawn", { status: "WITHDRAWN" });
  await offer("expired", { status: "EXPIRED" });

  const demand = async (key: string, orgId: string, data: Parameters<typeof buildDemand>[2]) => {
    const row = await db.demand.create({ data: buildDemand(orgId, user.id, { slug: `demand-${key}`, ...data }) });
    slugs[key] = row.slug;
    ids[key] = row.id;
  };
  await demand("open", uni.id, {});
  await demand("confidential", quiet.id, { confidential: true });
  await demand("draftDemand", uni.id, { status: "DRAFT", publishedAt: null });

  await db.expert.create({
    data: {
      slug: "chuyen-gia-cong-khai",
      name: "TS. Nguyễn Văn A",
      expertise: "Xử lý nước thải",
      sectorCodes: ["207"],
    },
  });
  await db.expert.create({
    data: {
      slug: "chuyen-gia-an",
      name: "TS. Trần Thị B",
      expertise: "Vật liệu",
      sectorCodes: ["202"],
      isPublic: false,
    },
  });

  await setUpdatedAt("organizations", uni.id, at("2025-01-01T00:00:00Z"));
  await setUpdatedAt("organizations", quiet.id, at("2025-01-01T00:00:00Z"));
  await setUpdatedAt("offers", ids.published!, at("2025-02-01T00:00:00Z"));
  await setUpdatedAt("offers", ids.withdrawn!, at("2025-02-10T00:00:00Z"));
  await setUpdatedAt("offers", ids.expired!, at("2025-01-10T00:00:00Z"));
  // Never published: their edits change no public page.
  await setUpdatedAt("offers", ids.draft!, at("2025-06-01T00:00:00Z"));
  await setUpdatedAt("offers", ids.submitted!, at("2025-06-01T00:00:00Z"));
  await setUpdatedAt("demands", ids.open!, at("2025-01-15T00:00:00Z"));
  await setUpdatedAt("demands", ids.confidential!, at("2025-03-01T00:00:00Z"));
});

const byUrl = async () => new Map((await sitemapEntries()).map((entry) => [entry.url, entry]));

describe("sitemap.xml", () => {
  it("lists a published offer in both languages with hreflang alternates on the configured URL", async () => {
    const entries = await byUrl();
    const vi = entries.get(`${SITE}/technologies/offer-published`);
    const en = entries.get(`${SITE}/en/technologies/offer-published`);
    expect(vi).toBeDefined();
    expect(en).toBeDefined();
    const languages = {
      vi: `${SITE}/technologies/offer-published`,
      en: `${SITE}/en/technologies/offer-published`,
      "x-default": `${SITE}/technologies/offer-published`,
    };
    expect(vi!.alternates?.languages).toEqual(languages);
    expect(en!.alternates?.languages).toEqual(languages);
    expect(vi!.lastModified).toEqual(at("2025-02-01T00:00:00Z"));
  });

  it("leaves out draft, submitted, withdrawn and expired offers and draft demands", async () => {
    const urls = [...(await byUrl()).keys()];
    for (const key of ["draft", "submitted", "withdrawn", "expired", "draftDemand"]) {
      expect(urls.filter((url) => url.endsWith(`/${slugs[key]}`))).toEqual([]);
    }
  });

  it("lists the static public pages, public organizations and public experts; nothing private or off-site", async () => {
    const entries = await byUrl();
    for (const path of ["", "/technologies", "/demands", "/organizations", "/experts", "/statistics"]) {
      expect(entries.has(`${SITE}${path || "/"}`)).toBe(true);
      expect(entries.has(`${SITE}/en${path}`)).toBe(true);
    }
    expect(entries.get(`${SITE}/en`)!.alternates?.languages).toEqual({
      vi: `${SITE}/`,
      en: `${SITE}/en`,
      "x-default": `${SITE}/`,
    });
    expect(entries.has(`${SITE}/organizations/vien-cong-khai`)).toBe(true);
    expect(entries.has(`${SITE}/en/experts/chuyen-gia-cong-khai`)).toBe(true);
    const urls = [...entries.keys()];
    expect(
      urls.filter((url) => /to-chuc-bi-tu-choi|chuyen-gia-an|\/search|\/account|\/admin|\/api\//.test(url)),
    ).toEqual([]);
    expect(urls.every((url) => url.startsWith(`${SITE}/`))).toBe(true);
    // One entry per page and language: no duplicates.
    expect(new Set(urls).size).toBe((await sitemapEntries()).length);
  });

  it("dates the catalog pages and organization profiles from the database", async () => {
    const entries = await byUrl();
    // The catalog changed last when an offer left it (withdrawn), not when a draft was edited.
    expect(entries.get(`${SITE}/technologies`)!.lastModified).toEqual(at("2025-02-10T00:00:00Z"));
    expect(entries.get(`${SITE}/en/demands`)!.lastModified).toEqual(at("2025-03-01T00:00:00Z"));
    // The profile shows its published offer, so it changed when that offer did.
    expect(entries.get(`${SITE}/organizations/vien-cong-khai`)!.lastModified).toEqual(at("2025-02-01T00:00:00Z"));
  });

  it("lists a confidential demand by its own page, but nothing ties it to its organization", async () => {
    const entries = await byUrl();
    const own = entries.get(`${SITE}/demands/demand-confidential`);
    expect(own).toBeDefined();
    expect(JSON.stringify(own)).not.toContain("doanh-nghiep-kin-dao");
    // The organization's profile date ignores the confidential demand (updated later than anything else)…
    expect(entries.get(`${SITE}/organizations/doanh-nghiep-kin-dao`)!.lastModified).toEqual(at("2025-01-01T00:00:00Z"));

    // …while a public demand of the same organization does move it.
    const open = await db.demand.create({
      data: buildDemand(ids.quiet!, (await db.user.findFirstOrThrow()).id, { slug: "demand-open-quiet" }),
    });
    await setUpdatedAt("demands", open.id, at("2025-02-15T00:00:00Z"));
    const after = await byUrl();
    expect(after.get(`${SITE}/organizations/doanh-nghiep-kin-dao`)!.lastModified).toEqual(at("2025-02-15T00:00:00Z"));
  });
});

describe("robots.txt", () => {
  it("allows the public pages and the open-data API, disallows the workspace, administration and other API routes", () => {
    const robots = robotsRules();
    const rules = Array.isArray(robots.rules) ? robots.rules[0]! : robots.rules;
    expect(rules.userAgent).toBe("*");
    expect(rules.allow).toEqual(["/", "/api/v1/"]);
    expect(rules.disallow).toEqual(expect.arrayContaining(["/admin", "/en/admin", "/account", "/en/account", "/api/"]));
    expect(robots.sitemap).toBe(`${SITE}/sitemap.xml`);
  });
});

describe("canonical and hreflang links", () => {
  it("are absolute on the configured public URL, APP_URL first, then NEXTAUTH_URL", () => {
    expect(publicBaseUrl().origin).toBe(SITE);
    expect(publicBaseUrl({ NEXTAUTH_URL: "https://techex.hanoi.gov.vn" }).origin).toBe("https://techex.hanoi.gov.vn");
    expect(pageAlternates("en", "/technologies/abc")).toEqual({
      canonical: `${SITE}/en/technologies/abc`,
      languages: {
        vi: `${SITE}/technologies/abc`,
        en: `${SITE}/en/technologies/abc`,
        "x-default": `${SITE}/technologies/abc`,
      },
    });
    expect(pageAlternates("vi", "/").canonical).toBe(`${SITE}/`);
    expect(pageAlternates("en", "/").canonical).toBe(`${SITE}/en`);
  });
});
