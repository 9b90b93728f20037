/**
 * Issue 10 item 3: the staff reads authorize themselves in lib, not only in the pages that call
 * them. Each read answers the roles the permission table gives it and refuses every other role:
 * "forbidden" for a list a role may not use at all, "not_found" for one record (its existence is
 * not revealed).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listUsers } from "@/lib/accounts/queries";
import { ALL_ROLES, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { listingForReview, moderationQueue } from "@/lib/listings/queries";
import { orphanMembershipRequests, verificationQueue } from "@/lib/organizations/queries";
import { staffQueueCounts } from "@/lib/stats/queries";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const users = {} as Record<Role, Principal>;
let ownerId: string;
let clearOffer: { id: string };
let restrictedDemand: { id: string };
let pendingOrg: { id: string };
let orphanRequest: { id: string };

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "UNIVERSITY" });
  for (const role of ALL_ROLES) {
    const member = ["PROVIDER", "SEEKER", "INTERMEDIARY"].includes(role);
    users[role] = await createUser(db, { roles: [role], organizationId: member ? org.id : null });
  }
  ownerId = users.PROVIDER.id;
  const waiting = { status: "SUBMITTED" as const, submittedAt: new Date(), publishedAt: null, expiresAt: null };
  clearOffer = await db.offer.create({ data: buildOffer(org.id, ownerId, waiting) });
  restrictedDemand = await db.demand.create({
    data: buildDemand(org.id, users.SEEKER.id, { ...waiting, screening: "RESTRICTED" }),
  });
  pendingOrg = await createOrganization(db, { verificationStatus: "PENDING", verifiedAt: null });
  // pendingOrg has no administrator: the operator decides who joins it.
  const applicant = await createUser(db, { roles: ["SEEKER"] });
  orphanRequest = await db.membershipRequest.create({ data: { organizationId: pendingOrg.id, userId: applicant.id } });
});

interface Read {
  name: string;
  /** The roles that may use the read (by the permission table). */
  allowed: Role[];
  /** How every other role is refused. */
  refusal: "forbidden" | "not_found";
  run: (user: Principal) => Promise<unknown>;
  /** What an allowed role gets back, proving the read answered with real rows. */
  answers: (result: unknown, role: Role) => void;
}

const ids = (rows: unknown) => (rows as { id: string }[]).map((r) => r.id);

const READS: Read[] = [
  {
    name: "listUsers",
    allowed: ["ADMIN"],
    refusal: "forbidden",
    run: (user) => listUsers(user, 1),
    answers: (result) => expect(ids((result as { items: unknown }).items)).toContain(ownerId),
  },
  {
    name: "moderationQueue",
    allowed: ["OPERATOR", "OFFICER"],
    refusal: "forbidden",
    run: (user) => moderationQueue(user),
    answers: (result, role) => {
      // The operator sees every waiting listing; the officer only the restricted ones.
      const queued = ids(result);
      expect(queued).toContain(restrictedDemand.id);
      expect(queued.includes(clearOffer.id)).toBe(role === "OPERATOR");
    },
  },
  {
    name: "listingForReview",
    allowed: ["OPERATOR", "OFFICER", "AUDITOR"],
    refusal: "not_found",
    run: (user) => listingForReview(user, "demand", restrictedDemand.id),
    answers: (result) => expect(result).toMatchObject({ id: restrictedDemand.id, screening: "RESTRICTED" }),
  },
  {
    name: "staffQueueCounts",
    allowed: ["OPERATOR", "OFFICER", "AUDITOR"],
    refusal: "forbidden",
    run: (user) => staffQueueCounts(user),
    answers: (result) => expect(result).toMatchObject({ submitted: 1, restricted: 1, organizations: 1 }),
  },
  {
    name: "verificationQueue",
    allowed: ["OPERATOR"],
    refusal: "forbidden",
    run: (user) => verificationQueue(user),
    answers: (result) => expect(ids(result)).toContain(pendingOrg.id),
  },
  {
    name: "orphanMembershipRequests",
    allowed: ["OPERATOR"],
    refusal: "forbidden",
    run: (user) => orphanMembershipRequests(user),
    answers: (result) => expect(ids(result)).toContain(orphanRequest.id),
  },
];

describe.each(READS)("$name", (read) => {
  it.each(ALL_ROLES.filter((role) => read.allowed.includes(role)))("answers %s", async (role) => {
    read.answers(await read.run(users[role]), role);
  });

  it.each(ALL_ROLES.filter((role) => !read.allowed.includes(role)))(`refuses %s with ${read.refusal}`, async (role) => {
    await expect(read.run(users[role])).rejects.toMatchObject({ code: read.refusal });
  });

  it("refuses a signed-in user without any role", async () => {
    await expect(read.run({ id: ownerId, roles: [], organizationId: null })).rejects.toMatchObject({
      code: read.refusal,
    });
  });
});

describe("listingForReview", () => {
  it("answers null for an unknown or malformed id, to those who may read it", async () => {
    expect(await listingForReview(users.OPERATOR, "offer", "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await listingForReview(users.OPERATOR, "offer", "not-an-id")).toBeNull();
  });

  it("refuses the owner's own organization too: the review page is for staff only", async () => {
    await expect(listingForReview(users.PROVIDER, "offer", clearOffer.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
