import { beforeAll, describe, expect, it } from "vitest";
import { organizationProfile, PROFILE_LISTING_LIMIT } from "@/lib/catalog/organizations";
import { db } from "@/lib/db";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

describe("organization profile", () => {
  let slug = "";

  beforeAll(async () => {
    await ensureTaxonomy(db);
    const org = await createOrganization(db, { verificationStatus: "VERIFIED" });
    slug = org.slug;
    const author = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: org.id });
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
    const offers = PROFILE_LISTING_LIMIT + 3;
    await db.offer.createMany({
      data: [
        ...Array.from({ length: offers }, (_, i) =>
          buildOffer(org.id, author.id, { titleVi: `Công nghệ số ${i}`, publishedAt: day(i) }),
        ),
        buildOffer(org.id, author.id, { titleVi: "Công nghệ đã rút", status: "WITHDRAWN" }),
      ],
    });
    await db.demand.createMany({
      data: [
        buildDemand(org.id, author.id, { titleVi: "Nhu cầu công khai" }),
        buildDemand(org.id, author.id, { titleVi: "Nhu cầu bảo mật", confidential: true }),
      ],
    });
  });

  it("lists the newest published listings up to the limit and counts them all", async () => {
    const profile = await organizationProfile(slug);
    expect(profile?.offerCount).toBe(PROFILE_LISTING_LIMIT + 3);
    expect(profile?.offers).toHaveLength(PROFILE_LISTING_LIMIT);
    expect(profile?.offers[0]?.titleVi).toBe(`Công nghệ số ${PROFILE_LISTING_LIMIT + 2}`);
    expect(profile?.offers.map((o) => o.titleVi)).not.toContain("Công nghệ đã rút");
  });

  it("neither lists nor counts confidential demands", async () => {
    const profile = await organizationProfile(slug);
    expect(profile?.demandCount).toBe(1);
    expect(profile?.demands.map((d) => d.titleVi)).toEqual(["Nhu cầu công khai"]);
  });
});
