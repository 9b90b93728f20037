import "server-only";
import type { AuditAction } from "@/lib/audit/actions";
import { systemContext, type AuditContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { assertCan, assertEmailVerified, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { invalidate } from "@/lib/cache/invalidate";
import { tags } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { vnDateKey } from "@/lib/calendar/working-days";
import { Prisma, type Deal } from "@/lib/generated/prisma/client";
import type { DealOrigin, DealState } from "@/lib/generated/prisma/enums";
import { actOnMatch } from "@/lib/matching/mutations";
import { start, transition, workflowTransaction } from "@/lib/workflow/transition";
import { canWriteMessages } from "./access";
import { otherSide, senderSide, type DealSide } from "./parties";
import { storedContract } from "./contract";
import { contractSha256 } from "./contract-hash";
import { expressLicenceContract } from "./express-licence";
import { newDealReference } from "./reference";
import { countryOfLocation, registrationRequirement } from "./registration";
import type { ExpressionOfInterestInput } from "./schemas";
import { eoiRespondBy, canMessage, type DealEvent } from "./state-machine";
import {
  DEAL_WORKFLOW,
  dealForStep,
  entityOf,
  loadEntity,
  namesOf,
  partyOnly,
  sha256,
  tell,
  type DealData,
  type DealNotification,
} from "./store";

export { DEAL_WORKFLOW } from "./store";

/**
 * Deals (issue #12; DOMAIN §5): every step is one transaction through the workflow engine — the
 * deal machine's table decides, the row is written only if it is still as it was read (version and
 * state: of two conflicting steps exactly one wins, the other gets "conflict"), the other party is
 * notified (in-app and by e-mail) and the audit event is appended, all or nothing.
 */

export type StartDealInput = ExpressionOfInterestInput & {
  /** "interest": a seeker about an offer; "proposal": a provider proposes one of its offers for a demand. */
  /** "express": a seeker takes an offer's express licence at its fixed price (issue #12 item 4). */
  readonly kind: "interest" | "proposal" | "express";
  readonly offerId: string;
  readonly demandId?: string | null;
  /** The match the request comes from (its card's "Quan tâm"), acted on in the same transaction. */
  readonly matchId?: string | null;
};

export interface StartDealResult {
  readonly reference: string;
  /** True when an open deal of the same pair and listing existed: nothing was sent again. */
  readonly existing: boolean;
}

/**
 * A seeker's expression of interest in a published offer, or a provider's proposal of one of its
 * published offers for a published demand (issue #12 item 1). One open deal per organization pair
 * and listing: a second attempt answers the existing deal, even when two attempts race (the unique
 * index `deals_one_open_per_pair_and_listing` decides, and the loser reads the winner's deal).
 */
export async function startDeal(ctx: AuditContext, user: Principal, input: StartDealInput): Promise<StartDealResult> {
  assertCan(user, input.kind === "proposal" ? "deal:propose" : "deal:express-interest");
  assertEmailVerified(user);
  const organizationId = user.organizationId;
  if (!organizationId) throw new AppError("forbidden", "organization_required");
  try {
    return await workflowTransaction((tx) => startInTx(tx, ctx, user, organizationId, input));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findOpenDeal(db, await partiesOf(db, organizationId, input));
    if (!existing) throw error;
    return { reference: existing.reference, existing: true };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

interface DealParties {
  readonly origin: DealOrigin;
  readonly providerOrgId: string;
  readonly seekerOrgId: string;
  readonly offerId: string;
  readonly demandId: string | null;
  readonly title: string;
}

/**
 * The parties and listings of the deal `input` asks for, after checking them: the offer (and the
 * demand of a proposal) published; the user's own offer for a proposal, someone else's for an
 * expression of interest (not_found for anything else, "own_listing" for one's own).
 */
async function partiesOf(tx: Tx | typeof db, organizationId: string, input: StartDealInput): Promise<DealParties> {
  const offer = await tx.offer.findFirst({
    where: { id: input.offerId, status: "PUBLISHED" },
    select: { id: true, organizationId: true, titleVi: true, priceType: true, priceMin: true },
  });
  if (!offer) throw new AppError("not_found", "offer_not_found");
  if (input.kind === "interest" || input.kind === "express") {
    if (offer.organizationId === organizationId) throw new AppError("invalid_state", "own_listing");
    if (input.kind === "express" && (offer.priceType !== "FIXED" || offer.priceMin === null || offer.priceMin <= 0n)) {
      throw new AppError("invalid_state", "not_express_offer");
    }
    return {
      origin: input.kind === "express" ? "EXPRESS_LICENCE" : "EOI",
      providerOrgId: offer.organizationId,
      seekerOrgId: organizationId,
      offerId: offer.id,
      demandId: null,
      title: offer.titleVi,
    };
  }
  if (offer.organizationId !== organizationId) throw new AppError("not_found", "offer_not_found");
  const demand = input.demandId
    ? await tx.demand.findFirst({
        where: { id: input.demandId, status: "PUBLISHED" },
        select: { id: true, organizationId: true, titleVi: true },
      })
    : null;
  if (!demand) throw new AppError("not_found", "demand_not_found");
  if (demand.organizationId === organizationId) throw new AppError("invalid_state", "own_listing");
  return {
    origin: "PROPOSAL",
    providerOrgId: organizationId,
    seekerOrgId: demand.organizationId,
    offerId: offer.id,
    demandId: demand.id,
    title: demand.titleVi,
  };
}

/** The open deal of the same pair and listing (the rule of the unique index), if any. */
export async function findOpenDeal(
  tx: Tx | typeof db,
  parties: Pick<DealParties, "origin" | "providerOrgId" | "seekerOrgId" | "offerId" | "demandId">,
): Promise<{ reference: string } | null> {
  const listing: Prisma.DealWhereInput =
    parties.origin === "PROPOSAL"
      ? { origin: "PROPOSAL", demandId: parties.demandId }
      : { origin: { not: "PROPOSAL" }, offerId: parties.offerId };
  return tx.deal.findFirst({
    where: {
      providerOrgId: parties.providerOrgId,
      seekerOrgId: parties.seekerOrgId,
      state: { notIn: ["DECLINED", "EXPIRED", "COMPLETED", "TERMINATED", "CANCELLED"] },
      ...listing,
    },
    select: { reference: true },
  });
}

async function startInTx(
  tx: Tx,
  ctx: AuditContext,
  user: Principal,
  organizationId: string,
  input: StartDealInput,
): Promise<StartDealResult> {
  const parties = await partiesOf(tx, organizationId, input);
  const existing = await findOpenDeal(tx, parties);
  if (existing) return { reference: existing.reference, existing: true };

  const now = new Date();
  const deal = await start(
    tx,
    DEAL_WORKFLOW,
    {
      reference: newDealReference(now),
      origin: parties.origin,
      offerId: parties.offerId,
      demandId: parties.demandId,
      matchId: input.matchId ?? null,
      providerOrgId: parties.providerOrgId,
      seekerOrgId: parties.seekerOrgId,
      initiatedById: user.id,
      intendedUse: input.intendedUse,
      budget: input.budget ?? null,
      timeline: input.timeline ?? null,
      // An express licence needs no answer: the provider accepted in advance by its fixed price.
      respondBy: parties.origin === "EXPRESS_LICENCE" ? null : eoiRespondBy(now),
      stateChangedAt: now,
    },
    {
      actor: "sender",
      audit: ctx,
      action: "deal.start",
      entityType: "deal",
      after: {
        state: "EOI_SENT",
        origin: parties.origin,
        offerId: parties.offerId,
        demandId: parties.demandId,
        providerOrgId: parties.providerOrgId,
        seekerOrgId: parties.seekerOrgId,
        respondBy: parties.origin === "EXPRESS_LICENCE" ? null : eoiRespondBy(now).toISOString(),
      },
      effects: async (created) => {
        await tx.message.create({ data: { dealId: created.id, authorId: user.id, body: input.message } });
        if (input.matchId) {
          await actOnMatch(tx, ctx, organizationId, input.matchId, {
            offerId: parties.offerId,
            demandId: parties.demandId,
          });
        }
        // An express licence is announced once taken (takeExpressLicence), with what to do next.
        if (parties.origin !== "EXPRESS_LICENCE") {
          await tell(tx, await namesOf(tx, created), otherSide(senderSide(parties.origin)), "deal.received");
        }
      },
    },
  );
  if (parties.origin === "EXPRESS_LICENCE") await takeExpressLicence(tx, ctx, user, deal, now);
  return { reference: deal.reference, existing: false };
}

/**
 * The seeker takes the express licence in the transaction that started the deal (issue #12 item 4):
 * the contract's first version is the standard non-exclusive terms at the offer's fixed price —
 * what the seeker was shown before accepting — and taking it is the seeker's confirmation of that
 * version. The provider confirms in turn, which signs the contract (lib/deals/contracts.ts).
 */
async function takeExpressLicence(tx: Tx, ctx: AuditContext, user: Principal, deal: Deal, now: Date) {
  const offer = await tx.offer.findUniqueOrThrow({ where: { id: deal.offerId! } });
  const [provider, seeker] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: deal.providerOrgId }, select: { location: true } }),
    tx.organization.findUniqueOrThrow({ where: { id: deal.seekerOrgId }, select: { location: true } }),
  ]);
  const registration = registrationRequirement({
    providerCountry: countryOfLocation(provider.location) ?? "VN",
    seekerCountry: countryOfLocation(seeker.location) ?? "VN",
    stateFunded: offer.stateFunded,
  });
  const content = expressLicenceContract(offer, offer.priceMin!, {
    startDate: vnDateKey(now),
    registrationMandatory: registration.mandatory,
  });
  const sha256 = contractSha256(content);
  await transition(tx, DEAL_WORKFLOW, entityOf(deal), "take_express_licence", {
    actor: "sender",
    audit: ctx,
    action: "deal.take_express_licence",
    entityType: "deal",
    data: { registrationMandatory: registration.mandatory, registrationReason: registration.reason },
    after: { state: "CONTRACT_DRAFTED", contractVersion: 1, sha256, confirmedBy: "seeker" },
    now,
    effects: async () => {
      const contract = await tx.contract.create({
        data: {
          dealId: deal.id,
          versionNo: 1,
          terms: storedContract(content) ?? {},
          technologyName: content.technologyName ?? null,
          value: content.value ?? null,
          contentSha256: sha256,
          createdById: user.id,
          registrationRequired: registration.mandatory,
        },
      });
      await tx.contractConfirmation.create({
        data: { contractId: contract.id, side: "seeker", versionNo: 1, contentSha256: sha256, userId: user.id },
      });
      await tell(tx, await namesOf(tx, deal), "provider", "deal.express_taken", { version: 1 });
    },
  });
}

const STEP_ACTIONS = {
  accept: "deal.accept",
  decline: "deal.decline",
  withdraw: "deal.withdraw",
  cancel: "deal.cancel",
  require_nda: "deal.require_nda",
  accept_nda: "deal.accept_nda",
  start_performance: "deal.start_performance",
  complete: "deal.complete",
  terminate: "deal.terminate",
} as const satisfies Partial<Record<DealEvent, AuditAction>>;

export type DealStep = keyof typeof STEP_ACTIONS;

export type DealStepInput =
  | { readonly event: "accept" | "withdraw" | "start_performance" | "complete" }
  | { readonly event: "terminate"; readonly reason: string }
  | { readonly event: "decline"; readonly reason: string }
  | { readonly event: "cancel"; readonly reason?: string | null }
  | { readonly event: "require_nda"; readonly text: string }
  /** The SHA-256 of the NDA text the party read: accepting counts for that text only. */
  | { readonly event: "accept_nda"; readonly sha256: string };

/** What a step notifies: the other side's organization, with this type. */
const STEP_NOTICES: Record<DealStep, DealNotification> = {
  accept: "deal.accepted",
  decline: "deal.declined",
  withdraw: "deal.withdrawn",
  cancel: "deal.cancelled",
  require_nda: "deal.nda_required",
  accept_nda: "deal.nda_accepted",
  start_performance: "deal.performance_started",
  complete: "deal.completed",
  terminate: "deal.terminated",
};

/**
 * A party's step on its deal from the workspace (issue #12 items 1–2): answer an expression of
 * interest, withdraw it, cancel before signing, require or accept an NDA. The table says whether
 * the step is possible now (AppError("invalid_state", reason) otherwise); a concurrent change
 * answers AppError("conflict") and nothing is written.
 */
export async function takeDealStep(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  input: DealStepInput,
): Promise<{ state: DealState }> {
  assertCan(user, "deal:act");
  assertEmailVerified(user);
  const orgs: string[] = [];
  const result = await workflowTransaction(async (tx) => {
    const { deal, viewer } = await dealForStep(tx, user, reference);
    const party = partyOnly(viewer);
    if (input.event === "complete") orgs.push(deal.providerOrgId, deal.seekerOrgId);
    const now = new Date();
    let data: DealData = {};
    let reason: string | null = null;
    switch (input.event) {
      case "accept":
        data = { respondedAt: now };
        break;
      case "decline":
        data = { respondedAt: now, stateReason: input.reason };
        reason = input.reason;
        break;
      case "cancel":
        data = { stateReason: input.reason ?? null };
        reason = input.reason ?? null;
        break;
      case "withdraw":
      case "start_performance":
      case "complete":
        break;
      case "terminate":
        data = { stateReason: input.reason };
        reason = input.reason;
        break;
      case "require_nda":
        data = { ndaRequiredBy: party.side, ndaRequiredAt: now, ndaText: input.text, ndaSha256: sha256(input.text) };
        break;
      case "accept_nda":
        // The text may not have changed since the party read it (it cannot today, but the hash is
        // what the party agreed to, and it is recorded as such).
        if (deal.ndaSha256 !== null && deal.ndaSha256 !== input.sha256) throw new AppError("conflict", "nda_changed");
        data = { ndaAcknowledgedAt: now, ndaAcceptedById: user.id };
        break;
    }
    const move = await transition(tx, DEAL_WORKFLOW, await loadEntity(tx, deal), input.event, {
      actor: party.actor,
      audit: ctx,
      action: STEP_ACTIONS[input.event],
      entityType: "deal",
      data,
      reason,
      now,
      ...(input.event === "require_nda"
        ? { before: { nda: null }, after: { ndaRequiredBy: party.side, ndaSha256: sha256(input.text) } }
        : input.event === "accept_nda"
          ? { before: { ndaAcceptedAt: null }, after: { ndaSha256: deal.ndaSha256, ndaAcceptedBy: user.id } }
          : {}),
      effects: async () =>
        tell(tx, await namesOf(tx, deal), otherSide(party.side), STEP_NOTICES[input.event], {
          ...(input.event === "decline" || input.event === "cancel" || input.event === "terminate"
            ? { reason: reason ?? "" }
            : {}),
        }),
    });
    return { state: move.to };
  });
  // A completed transfer counts on both organizations' public pages and in the statistics.
  if (orgs.length > 0) invalidate([...orgs.map((id) => tags.organization(id)), tags.stats]);
  return result;
}

/**
 * A message in the deal's thread, by a party or an invited intermediary, while the deal is open.
 * The audit event records the message's id and SHA-256, not its text (which stays private to the
 * deal); the other side is notified.
 */
export async function postDealMessage(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  body: string,
): Promise<{ id: string }> {
  assertEmailVerified(user);
  return workflowTransaction(async (tx) => {
    // Serializes messages and steps on the deal: a message never lands after a concurrent close.
    const { deal, viewer } = await dealForStep(tx, user, reference);
    if (!canWriteMessages(viewer)) throw new AppError("forbidden");
    const [locked] = await tx.$queryRaw<{ state: DealState }[]>`
      SELECT state FROM deals WHERE id = ${deal.id}::uuid FOR UPDATE`;
    if (!locked || !canMessage(locked.state)) throw new AppError("invalid_state", "deal_closed");
    const message = await tx.message.create({ data: { dealId: deal.id, authorId: user.id, body } });
    const names = await namesOf(tx, deal);
    const sides: DealSide[] = viewer.kind === "party" ? [otherSide(viewer.side)] : ["provider", "seeker"];
    for (const side of sides) await tell(tx, names, side, "deal.message");
    await appendAudit(tx, ctx, {
      action: "deal.message",
      entityType: "deal",
      entityId: deal.id,
      before: null,
      after: { messageId: message.id, sha256: sha256(body), length: body.length },
      reason: null,
    });
    return { id: message.id };
  });
}

/**
 * The daily job (issue #12 item 1): expressions of interest nobody answered within 10 days expire
 * and their sender is told. Each deal in its own transaction; one answered meanwhile is skipped.
 */
export async function expireDeals(now = new Date(), limit = 500): Promise<{ expired: number }> {
  const due = await db.deal.findMany({
    where: { state: "EOI_SENT", respondBy: { lte: now } },
    orderBy: { respondBy: "asc" },
    take: limit,
  });
  let expired = 0;
  for (const deal of due) {
    try {
      await workflowTransaction(async (tx) => {
        await transition(tx, DEAL_WORKFLOW, entityOf(deal), "expire", {
          actor: "system",
          audit: systemContext(),
          action: "deal.expire",
          entityType: "deal",
          now,
          effects: async () => tell(tx, await namesOf(tx, deal), senderSide(deal.origin), "deal.expired"),
        });
      });
      expired++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { expired };
}
