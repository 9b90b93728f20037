import type { DealOrigin } from "@/lib/generated/prisma/enums";

/**
 * The two parties of a deal seen two ways. By *side* — the provider (bên giao công nghệ) and the
 * seeker (bên nhận công nghệ) — for everything the contract binds: confirmations, milestones,
 * ratings. By *role in the expression of interest* — the sender and the recipient — for the
 * first step only: the recipient answers, the sender may withdraw. Client-safe.
 */
export type DealSide = "provider" | "seeker";

/** A party as the deal machine names it (./state-machine.ts). */
export type PartyActor = "sender" | "recipient";

export const DEAL_SIDES: readonly DealSide[] = ["provider", "seeker"];

/**
 * The side that sent the first message: a seeker's expression of interest and a seeker taking an
 * express licence start from the seeker, a provider's proposal to a demand from the provider.
 */
export function senderSide(origin: DealOrigin): DealSide {
  return origin === "PROPOSAL" ? "provider" : "seeker";
}

/** The side a party actor stands for in a deal of this origin. */
export function sideOf(origin: DealOrigin, actor: PartyActor): DealSide {
  const sender = senderSide(origin);
  return actor === "sender" ? sender : otherSide(sender);
}

/** A side stored as text (the NDA's `nda_required_by`), or null for anything else. */
export function asDealSide(value: string | null): DealSide | null {
  return value === "provider" || value === "seeker" ? value : null;
}

export function otherSide(side: DealSide): DealSide {
  return side === "provider" ? "seeker" : "provider";
}

/** What `partyOf` reads from a deal row. */
export interface DealPartiesRow {
  readonly origin: DealOrigin;
  readonly providerOrgId: string;
  readonly seekerOrgId: string;
}

/**
 * The party a member of `organizationId` acts as in the deal, or null for anyone else (an invited
 * intermediary, the operator, another organization). A deal between an organization and itself has
 * no party — starting one must be refused — so that nobody can both send and answer it.
 */
export function partyOf(
  deal: DealPartiesRow,
  organizationId: string | null,
): { actor: PartyActor; side: DealSide } | null {
  if (organizationId === null || deal.providerOrgId === deal.seekerOrgId) return null;
  const side: DealSide | null =
    organizationId === deal.providerOrgId ? "provider" : organizationId === deal.seekerOrgId ? "seeker" : null;
  if (side === null) return null;
  return { actor: side === senderSide(deal.origin) ? "sender" : "recipient", side };
}
