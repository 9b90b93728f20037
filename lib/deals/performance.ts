import "server-only";
import type { AuditContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { assertCan, assertEmailVerified, type Principal } from "@/lib/authz";
import { invalidate } from "@/lib/cache/invalidate";
import { tags } from "@/lib/cache/tags";
import { AppError } from "@/lib/errors";
import { workflowTransaction } from "@/lib/workflow/transition";
import { otherSide } from "./parties";
import { canRate } from "./state-machine";
import { dealForStep, namesOf, partyOnly, tell } from "./store";

/**
 * Performing a signed contract (issue #12 item 6): each milestone is marked done by the party
 * responsible for it and confirmed by the other — only a confirmed milestone counts, and the deal
 * can be completed once all are; after completion each party rates the other once (1–5 stars and a
 * comment), shown on the organization's public page. Audited; the other party notified.
 */

/** The responsible party marks a milestone done ("done"), or the other party confirms it ("confirm"). */
export async function markMilestone(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  milestoneId: string,
  step: "done" | "confirm",
): Promise<void> {
  assertCan(user, "deal:act");
  assertEmailVerified(user);
  await workflowTransaction(async (tx) => {
    const { deal, viewer } = await dealForStep(tx, user, reference);
    const party = partyOnly(viewer);
    // Serializes the steps on this deal's milestones (and against completing the deal).
    await tx.$queryRaw`SELECT id FROM deals WHERE id = ${deal.id}::uuid FOR UPDATE`;
    const fresh = await tx.deal.findUniqueOrThrow({ where: { id: deal.id }, select: { state: true } });
    if (fresh.state !== "IN_PERFORMANCE") throw new AppError("invalid_state", "not_in_performance");
    const milestone = await tx.contractMilestone.findFirst({
      where: { id: milestoneId, contract: { dealId: deal.id, state: "SIGNED" } },
    });
    if (!milestone) throw new AppError("not_found");
    // A milestone without a named party may be marked by either; its confirmation by the other.
    const deliverer =
      milestone.responsible === "provider" || milestone.responsible === "seeker" ? milestone.responsible : null;
    const now = new Date();
    if (step === "done") {
      if (deliverer !== null && deliverer !== party.side) throw new AppError("forbidden", "not_responsible");
      if (milestone.completedAt) throw new AppError("invalid_state", "milestone_done");
      await tx.contractMilestone.update({ where: { id: milestone.id }, data: { completedAt: now, doneById: user.id } });
    } else {
      if (!milestone.completedAt) throw new AppError("invalid_state", "milestone_not_done");
      if (milestone.confirmedAt) throw new AppError("invalid_state", "milestone_confirmed");
      const doneBy = milestone.doneById
        ? await tx.user.findUnique({ where: { id: milestone.doneById }, select: { organizationId: true } })
        : null;
      const doneBySide =
        doneBy?.organizationId === deal.providerOrgId
          ? "provider"
          : doneBy?.organizationId === deal.seekerOrgId
            ? "seeker"
            : null;
      if (doneBySide === party.side) throw new AppError("forbidden", "confirm_by_other_party");
      await tx.contractMilestone.update({
        where: { id: milestone.id },
        data: { confirmedAt: now, confirmedById: user.id, ...(milestone.amount ? { paidAt: now } : {}) },
      });
    }
    await appendAudit(tx, ctx, {
      action: step === "done" ? "deal.milestone_done" : "deal.milestone_confirmed",
      entityType: "deal",
      entityId: deal.id,
      after: { milestoneId: milestone.id, title: milestone.title, side: party.side },
    });
    await tell(
      tx,
      await namesOf(tx, deal),
      otherSide(party.side),
      step === "done" ? "deal.milestone_done" : "deal.milestone_confirmed",
      {
        note: milestone.title,
      },
    );
  });
}

/** After completion, a party rates the other once: 1–5 stars and an optional comment. */
export async function rateDeal(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  input: { stars: number; comment?: string | null },
): Promise<void> {
  assertCan(user, "deal:act");
  assertEmailVerified(user);
  const rated = await workflowTransaction(async (tx) => {
    const { deal, viewer } = await dealForStep(tx, user, reference);
    const party = partyOnly(viewer);
    if (!canRate(deal.state)) throw new AppError("invalid_state", "not_completed");
    const ratedOrg = party.side === "provider" ? deal.seekerOrgId : deal.providerOrgId;
    const own = party.side === "provider" ? deal.providerOrgId : deal.seekerOrgId;
    // One rating per side, whoever of the organization gives it.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM deals WHERE id = ${deal.id}::uuid FOR UPDATE`;
    if (!locked) throw new AppError("not_found");
    if (await tx.rating.findFirst({ where: { dealId: deal.id, organizationId: ratedOrg } })) {
      throw new AppError("invalid_state", "already_rated");
    }
    const rating = await tx.rating.create({
      data: {
        dealId: deal.id,
        authorId: user.id,
        organizationId: ratedOrg,
        stars: input.stars,
        comment: input.comment ?? null,
      },
    });
    await appendAudit(tx, ctx, {
      action: "deal.rate",
      entityType: "deal",
      entityId: deal.id,
      after: { ratingId: rating.id, stars: input.stars, ratedOrganizationId: ratedOrg, byOrganizationId: own },
    });
    await tell(tx, await namesOf(tx, deal), otherSide(party.side), "deal.rated", { version: input.stars });
    return ratedOrg;
  });
  invalidate([tags.organization(rated)]);
}
