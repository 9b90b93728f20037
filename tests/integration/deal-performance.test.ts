/**
 * Issue 12 item 6: performing a signed contract — milestones marked done by the party responsible
 * and confirmed by the other, completion only once all are confirmed, termination with a reason,
 * and one rating per side after completion.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { takeDealStep } from "@/lib/deals/mutations";
import { markMilestone, rateDeal } from "@/lib/deals/performance";
import { FULL_CONTENT } from "../fixtures/contracts/full-contract";
import { createOrganization, createUser, ensureTaxonomy } from "../factories";
import { codeOf, signedDeal } from "../support/deals";

const ctx = systemContext("test:performance");
let provider: Principal;
let seeker: Principal;
let providerOrg: string;
let seekerOrg: string;

const signed = (stateFunded = false) => signedDeal(ctx, { provider, seeker }, stateFunded);

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  providerOrg = uni.id;
  seekerOrg = business.id;
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id });
});

describe("performance", () => {
  it("milestones are marked by their party and confirmed by the other; the deal completes once all are", async () => {
    const reference = await signed();
    await takeDealStep(ctx, seeker, reference, { event: "start_performance" });
    const milestones = await db.contractMilestone.findMany({
      where: { contract: { deal: { reference } } },
      orderBy: { position: "asc" },
    });
    expect(milestones.length).toBe(FULL_CONTENT.milestones!.length);
    expect(await codeOf(takeDealStep(ctx, provider, reference, { event: "complete" }))).toBe(
      "invalid_state:milestones_open",
    );

    for (const m of milestones) {
      const doer = m.responsible === "seeker" ? seeker : provider;
      const other = doer === seeker ? provider : seeker;
      if (m.responsible) {
        expect(await codeOf(markMilestone(ctx, other, reference, m.id, "done"))).toBe("forbidden:not_responsible");
      }
      expect(await codeOf(markMilestone(ctx, other, reference, m.id, "confirm"))).toBe(
        "invalid_state:milestone_not_done",
      );
      await markMilestone(ctx, doer, reference, m.id, "done");
      expect(await codeOf(markMilestone(ctx, doer, reference, m.id, "confirm"))).toBe(
        "forbidden:confirm_by_other_party",
      );
      await markMilestone(ctx, other, reference, m.id, "confirm");
    }
    await takeDealStep(ctx, provider, reference, { event: "complete" });
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).state).toBe("COMPLETED");

    await rateDeal(ctx, seeker, reference, { stars: 5, comment: "Chuyển giao đúng tiến độ." });
    const colleague = await createUser(db, { roles: ["SEEKER"], organizationId: seekerOrg, orgRole: "MEMBER" });
    expect(await codeOf(rateDeal(ctx, colleague, reference, { stars: 1 }))).toBe("invalid_state:already_rated");
    await rateDeal(ctx, provider, reference, { stars: 4 });
    const ratings = await db.rating.findMany({ where: { deal: { reference } }, orderBy: { stars: "desc" } });
    expect(ratings.map((r) => [r.organizationId, r.stars])).toEqual([
      [providerOrg, 5],
      [seekerOrg, 4],
    ]);
  });

  it("a mandatory registration must be certified before performance; termination needs the deal signed", async () => {
    const reference = await signed(true);
    expect(await codeOf(takeDealStep(ctx, seeker, reference, { event: "start_performance" }))).toBe(
      "invalid_state:registration_mandatory",
    );
    expect(await codeOf(rateDeal(ctx, seeker, reference, { stars: 3 }))).toBe("invalid_state:not_completed");
    await takeDealStep(ctx, provider, reference, { event: "terminate", reason: "Bên nhận rút khỏi dự án." });
    expect(await db.deal.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      state: "TERMINATED",
      stateReason: "Bên nhận rút khỏi dự án.",
    });
  });
});
