import type { ListingStatus } from "@/lib/generated/prisma/enums";
import { defineMachine, eventsFor, nextState } from "@/lib/workflow/machine";
import { parsePendingRevision } from "./revision";

/**
 * The listing lifecycle (DOMAIN §5), shared by offers and demands: draft → submitted → published |
 * rejected; published → expired | withdrawn; a published listing's edit waits as a revision. Every
 * change of a listing goes through this table (lib/workflow/transition.ts); a move not listed here
 * cannot happen.
 */
export type ListingEvent =
  | "edit"
  | "submit"
  | "recall"
  | "withdraw"
  | "renew"
  | "renew_for_review"
  | "block"
  | "approve"
  | "reject"
  | "refuse"
  | "approve_revision"
  | "reject_revision"
  | "refuse_revision"
  | "expire";

/** Who moves a listing: its organization, the operator, a department officer, the daily job. */
export type ListingActor = "owner" | "moderator" | "officer" | "system";

/** What the guards read. */
export interface ListingFacts {
  status: ListingStatus;
  pendingRevision: unknown;
  expiresAt: Date | null;
}

const REVIEWERS = ["moderator", "officer"] as const;
// Which of the two decides a particular listing (restricted ones: the officer) is the authorization
// rule `reviewerActionFor` in ./moderation.ts, checked beside the table.

const revisionWaits = (listing: ListingFacts) => (parsePendingRevision(listing) ? null : "invalid_state");

export const LISTING_MACHINE = defineMachine<ListingStatus, ListingEvent, ListingActor, ListingFacts>({
  name: "listing",
  initial: { state: "DRAFT", by: ["owner"] },
  transitions: {
    // Owners edit drafts and rejected listings in place; published ones through a reviewed revision.
    edit: { from: ["DRAFT", "REJECTED", "PUBLISHED"], to: "same", by: ["owner"] },
    submit: { from: ["DRAFT", "REJECTED"], to: "SUBMITTED", by: ["owner"] },
    recall: { from: ["SUBMITTED"], to: "DRAFT", by: ["owner"] },
    withdraw: { from: ["PUBLISHED", "SUBMITTED"], to: "WITHDRAWN", by: ["owner"] },
    // Renewing restarts the 12-month publication period after screening against today's lists
    // (lib/listings/mutations.ts): a renewal now RESTRICTED goes back to an officer instead.
    renew: { from: ["PUBLISHED", "EXPIRED"], to: "PUBLISHED", by: ["owner"] },
    renew_for_review: { from: ["PUBLISHED", "EXPIRED"], to: "SUBMITTED", by: ["owner"] },
    // A submission or renewal screened PROHIBITED stays where it is; the outcome is recorded.
    block: { from: ["DRAFT", "REJECTED", "PUBLISHED", "EXPIRED"], to: "same", by: ["owner"] },
    approve: { from: ["SUBMITTED"], to: "PUBLISHED", by: REVIEWERS },
    reject: { from: ["SUBMITTED"], to: "REJECTED", by: REVIEWERS },
    // Approval screens again: now PROHIBITED, or RESTRICTED for the operator, it records the new
    // outcome instead of publishing.
    refuse: { from: ["SUBMITTED"], to: "same", by: REVIEWERS },
    approve_revision: { from: ["PUBLISHED"], to: "same", by: REVIEWERS, guard: revisionWaits },
    reject_revision: { from: ["PUBLISHED"], to: "same", by: REVIEWERS, guard: revisionWaits },
    refuse_revision: { from: ["PUBLISHED"], to: "same", by: REVIEWERS, guard: revisionWaits },
    // The daily job (lib/listings/lifecycle.ts), once the 12 months are over.
    expire: {
      from: ["PUBLISHED"],
      to: "EXPIRED",
      by: ["system"],
      guard: (listing, { now }) => (listing.expiresAt !== null && listing.expiresAt <= now ? null : "not_due"),
    },
  },
});

/** The table itself, by event (kept for readers of the former API). */
export const LISTING_TRANSITIONS = LISTING_MACHINE.transitions;

/** The commands an owner gives from the workspace; the other owner events are their screened outcomes. */
export const OWNER_COMMANDS = ["edit", "submit", "recall", "withdraw", "renew"] as const satisfies ListingEvent[];
export type OwnerCommand = (typeof OWNER_COMMANDS)[number];

/** Months a publication lasts without renewal, and how often owners are asked to update. */
export const PUBLICATION_MONTHS = 12;
export const UPDATE_REMINDER_DAYS = 90;
export const EXPIRY_WARNING_DAYS = 30;

/** The status after `event`, or null when the event is not allowed from `status`. */
export function nextStatus(status: ListingStatus, event: ListingEvent): ListingStatus | null {
  return nextState(LISTING_MACHINE, status, event);
}

/** Commands the owner can give from a status: drives which buttons the workspace shows. */
export function ownerEvents(status: ListingStatus): OwnerCommand[] {
  const allowed = eventsFor(LISTING_MACHINE, status, "owner");
  return OWNER_COMMANDS.filter((command) => allowed.includes(command));
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setMonth(result.getMonth() + months);
  return result;
}
