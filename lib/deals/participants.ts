import "server-only";
import type { AuditContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { assertEmailVerified, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { workflowTransaction } from "@/lib/workflow/transition";
import { dealViewer } from "./access";
import { parseDealReference } from "./reference";
import { canShareDocuments } from "./state-machine";
import { dealForStep, namesOf, partyOnly } from "./store";

/**
 * Intermediaries in a deal (issue #12 item 2; DOMAIN §2): either party invites an intermediary
 * organization from the directory — a valuer, a broker, a consultant — once the negotiation has
 * started; its members then read the deal, write messages and share non-confidential documents,
 * and act on nothing (lib/deals/access.ts). A party may also remove an organization it no longer
 * needs. Both are audited on the deal's trail; the invited organization is told.
 */

/** How many intermediaries the invitation form offers at once (found by name). */
export const INTERMEDIARY_CHOICES = 20;

/** Intermediary organizations a party may invite into the deal, by name (the directory's public facts). */
export async function intermediaryChoices(user: Principal, reference: string, query = "") {
  const parsed = parseDealReference(reference);
  if (!parsed) return [];
  const deal = await db.deal.findUnique({
    where: { reference: parsed.reference },
    include: { participants: { select: { organizationId: true } } },
  });
  if (!deal) return [];
  const viewer = dealViewer(user, { ...deal, participantOrgIds: deal.participants.map((p) => p.organizationId) });
  if (viewer?.kind !== "party") return [];
  const q = query.trim().slice(0, 100);
  return db.organization.findMany({
    where: {
      type: "INTERMEDIARY",
      verificationStatus: { not: "REJECTED" },
      id: { notIn: [deal.providerOrgId, deal.seekerOrgId, ...deal.participants.map((p) => p.organizationId)] },
      ...(q ? { name: { contains: q, mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ verificationStatus: "asc" }, { name: "asc" }],
    take: INTERMEDIARY_CHOICES,
    select: { id: true, name: true, slug: true, verificationStatus: true },
  });
}

/**
 * A party invites an intermediary organization into the deal. Refused: to anyone but a party
 * (not_found outside the deal, forbidden for staff and intermediaries), before the acceptance or
 * after the end ("documents_closed"), for an organization that is not an intermediary
 * ("not_an_intermediary") or is already in the deal ("already_invited").
 */
export async function inviteParticipant(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  organizationId: string,
): Promise<void> {
  assertEmailVerified(user);
  await workflowTransaction(async (tx) => {
    const parsed = parseDealReference(reference);
    if (parsed) await tx.$executeRaw`SELECT 1 FROM deals WHERE reference = ${parsed.reference} FOR UPDATE`;
    const { deal, viewer } = await dealForStep(tx, user, reference);
    const party = partyOnly(viewer);
    if (!canShareDocuments(deal.state)) throw new AppError("invalid_state", "documents_closed");
    const organization = await tx.organization.findUnique({
      where: { id: organizationId },
      select: { id: true, name: true, type: true, verificationStatus: true },
    });
    if (!organization || organization.type !== "INTERMEDIARY" || organization.verificationStatus === "REJECTED") {
      throw new AppError("validation", "not_an_intermediary");
    }
    const existing = await tx.dealParticipant.findUnique({
      where: { dealId_organizationId: { dealId: deal.id, organizationId } },
    });
    if (existing) throw new AppError("conflict", "already_invited");
    await tx.dealParticipant.create({ data: { dealId: deal.id, organizationId, invitedById: user.id } });
    const names = await namesOf(tx, deal);
    await notify(tx, {
      organizationId,
      type: "deal.participant_invited",
      params: { title: names.title, organization: names[party.side].name, reference: names.reference },
      link: `/account/deals/${names.reference}`,
    });
    await appendAudit(tx, ctx, {
      action: "deal.invite_participant",
      entityType: "deal",
      entityId: deal.id,
      before: null,
      after: { organizationId, organization: organization.name, invitedBy: party.side },
      reason: null,
    });
  });
}

/** A party removes an invited organization from the deal (its members no longer see it). */
export async function removeParticipant(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  organizationId: string,
): Promise<void> {
  assertEmailVerified(user);
  await workflowTransaction(async (tx) => {
    const { deal, viewer } = await dealForStep(tx, user, reference);
    const party = partyOnly(viewer);
    const { count } = await tx.dealParticipant.deleteMany({ where: { dealId: deal.id, organizationId } });
    if (count === 0) throw new AppError("not_found", "participant_not_found");
    await appendAudit(tx, ctx, {
      action: "deal.remove_participant",
      entityType: "deal",
      entityId: deal.id,
      before: { organizationId },
      after: { removedBy: party.side },
      reason: null,
    });
  });
}
