import { can, type Principal } from "@/lib/authz";
import { partyOf, type DealPartiesRow, type DealSide, type PartyActor } from "./parties";

/**
 * Who may see a deal, and as what (issue #12 item 2; DOMAIN §2). Pure and client-safe, one rule
 * for the pages, the files and the actions:
 * - a member of one of the two organizations, with a role that takes part in deals, is a *party*;
 * - a member of an intermediary organization one of the parties invited is a *participant* (reads
 *   and writes messages, acts on nothing);
 * - the operator, department officers and auditors read every deal (`deal:read-all`), read-only;
 * - anyone else gets null, which the callers answer with "not found" (the deal's existence is not
 *   revealed).
 */
export type DealViewer =
  | { readonly kind: "party"; readonly actor: PartyActor; readonly side: DealSide }
  | { readonly kind: "participant" }
  | { readonly kind: "staff" };

export interface DealAccessRow extends DealPartiesRow {
  /** The organizations invited into the deal (DealParticipant). */
  readonly participantOrgIds: readonly string[];
}

export function dealViewer(user: Principal | null | undefined, deal: DealAccessRow): DealViewer | null {
  if (!user) return null;
  const party = can(user, "deal:act") ? partyOf(deal, user.organizationId) : null;
  if (party) return { kind: "party", ...party };
  if (
    can(user, "workspace:access") &&
    user.organizationId !== null &&
    deal.participantOrgIds.includes(user.organizationId)
  ) {
    return { kind: "participant" };
  }
  return can(user, "deal:read-all") ? { kind: "staff" } : null;
}

/** Parties and invited intermediaries write messages; staff only read. */
export function canWriteMessages(viewer: DealViewer): boolean {
  return viewer.kind !== "staff";
}
