import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { observeInvalidations } from "@/lib/cache/invalidate";
import type { CacheTag } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { runListingLifecycle } from "@/lib/listings/lifecycle";
import { createListing, moderateListing, ownerTransition, updateListing } from "@/lib/listings/mutations";
import { OfferInputSchema } from "@/lib/listings/offer-schema";
import { recomputeMatches } from "@/lib/matching/mutations";
import { decideLegalChange, decideVerification, requestVerification } from "@/lib/organizations/mutations";
import { createOrganization, createUser, ensureTaxonomy } from "../factories";
import { offerFormInput } from "../support/offer-input";

// Which cache tags each write invalidates, recorded through the real writes (lib/cache/invalidate.ts
// observer hook; outside a Next.js request revalidateTag itself is a no-op, as for a job).

const ctx = systemContext("test:cache");
let provider: Principal;
let operator: Principal;
let orgId: string;
let calls: (readonly CacheTag[])[];
let stop: () => void;

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "UNIVERSITY", taxCode: "0109876543" });
  orgId = org.id;
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  operator = await createUser(db, { roles: ["OPERATOR"] });
});

beforeEach(() => {
  calls = [];
  stop = observeInvalidations((tags) => calls.push(tags));
});
afterEach(() => stop());

async function published(title: string) {
  const offer = await createListing(ctx, provider, "offer", OfferInputSchema.parse(offerFormInput({ titleVi: title })));
  await ownerTransition(ctx, provider, "offer", offer.id, "submit");
  expect(calls).toEqual([]); // a draft and a submission change no public page
  await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined);
  return offer.id;
}

const listingTags = (id: string) => [`offer:${id}`, "catalog:offers", `matches:offer:${id}`, `org:${orgId}`, "stats"];

describe("cache invalidation by write", () => {
  it("publishing, an approved revision and withdrawal expire the listing, its catalog, matches, organization and statistics", async () => {
    const id = await published("Công nghệ lọc nước bộ nhớ đệm");
    expect(calls).toEqual([listingTags(id)]);

    calls = [];
    const revised = OfferInputSchema.parse(offerFormInput({ titleVi: "Công nghệ lọc nước bộ nhớ đệm (sửa)" }));
    await updateListing(ctx, provider, "offer", id, revised);
    expect(calls).toEqual([]); // the revision waits for moderation: the public page is unchanged
    await moderateListing(ctx, operator, "offer", id, "approve", undefined);
    expect(calls).toEqual([listingTags(id)]);

    calls = [];
    await ownerTransition(ctx, provider, "offer", id, "withdraw");
    expect(calls).toEqual([listingTags(id)]);
  });

  it("a rejection changes nothing public", async () => {
    const offer = await createListing(ctx, provider, "offer", OfferInputSchema.parse(offerFormInput()));
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    await moderateListing(ctx, operator, "offer", offer.id, "reject", "Thiếu thông tin về sở hữu trí tuệ.");
    expect(calls).toEqual([]);
  });

  it("the expiry job and a renewal invalidate the same tags", async () => {
    const id = await published("Công nghệ hết hạn bộ nhớ đệm");
    await db.offer.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    calls = [];
    await runListingLifecycle();
    expect(calls).toContainEqual(listingTags(id));
    calls = [];
    await ownerTransition(ctx, provider, "offer", id, "renew");
    expect(calls).toEqual([listingTags(id)]);
  });

  it("an organization's verification and accepted legal change expire its page, the directory, both catalogs and statistics", async () => {
    const org = await createOrganization(db, {
      type: "INSTITUTE",
      taxCode: "0101112223",
      verificationStatus: "UNVERIFIED",
    });
    const admin = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
    const orgTags = [`org:${org.id}`, "catalog:organizations", "catalog:offers", "catalog:demands", "stats"];
    await requestVerification(ctx, admin);
    expect(calls).toEqual([orgTags]);
    calls = [];
    await decideVerification(ctx, operator, org.id, "approve");
    expect(calls).toEqual([orgTags]);
    calls = [];
    await db.organization.update({ where: { id: org.id }, data: { pendingLegal: { name: "Viện mới" } } });
    await decideLegalChange(ctx, operator, { id: org.id, decision: "reject", note: "Thiếu quyết định thành lập." });
    expect(calls).toEqual([]); // only a note for the members
  });

  it("recomputing matches expires the matches of the listing and of every counterpart it gained or lost", async () => {
    const id = await published("Công nghệ ghép nối bộ nhớ đệm");
    calls = [];
    await recomputeMatches("offer", id);
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe(`matches:offer:${id}`);
    for (const tag of calls[0]!.slice(1)) expect(tag).toMatch(/^matches:demand:/);
  });

  it("signing a contract expires the statistics (the home page counts signed contracts)", async () => {
    // Regression (CI, 2026-11-24): the home page's "contracts signed" stayed stale after a signing.
    const { signedDeal } = await import("../support/deals");
    const seeker = await createUser(db, { roles: ["SEEKER"], organizationId: (await createOrganization(db)).id });
    calls = [];
    await signedDeal(ctx, { provider, seeker }, false, { scan: false });
    expect(calls.some((tags) => tags.includes("stats"))).toBe(true);
  });
});
