import type { ListingStatus } from "@/lib/generated/prisma/enums";

/**
 * The listing lifecycle (DOMAIN §5): draft → submitted → published | rejected; published → expired |
 * withdrawn. One table, read by the mutations; a transition not listed here cannot happen.
 */
export type ListingEvent = "submit" | "recall" | "approve" | "reject" | "withdraw" | "renew" | "expire" | "edit";

export type ListingActor = "owner" | "moderator" | "system";

export const LISTING_TRANSITIONS: Record<
  ListingEvent,
  { from: readonly ListingStatus[]; to: ListingStatus | "same"; by: ListingActor }
> = {
  // Owners edit drafts and rejected listings in place; published ones through a reviewed revision.
  edit: { from: ["DRAFT", "REJECTED", "PUBLISHED"], to: "same", by: "owner" },
  submit: { from: ["DRAFT", "REJECTED"], to: "SUBMITTED", by: "owner" },
  recall: { from: ["SUBMITTED"], to: "DRAFT", by: "owner" },
  approve: { from: ["SUBMITTED"], to: "PUBLISHED", by: "moderator" },
  reject: { from: ["SUBMITTED"], to: "REJECTED", by: "moderator" },
  withdraw: { from: ["PUBLISHED", "SUBMITTED"], to: "WITHDRAWN", by: "owner" },
  // Renewing restarts the 12-month publication period after screening against today's lists
  // (lib/listings/mutations.ts): prohibited stays where it is, restricted goes back to SUBMITTED
  // for a department officer instead of being republished.
  renew: { from: ["PUBLISHED", "EXPIRED"], to: "PUBLISHED", by: "owner" },
  expire: { from: ["PUBLISHED"], to: "EXPIRED", by: "system" },
};

/** Months a publication lasts without renewal, and how often owners are asked to update. */
export const PUBLICATION_MONTHS = 12;
export const UPDATE_REMINDER_DAYS = 90;
export const EXPIRY_WARNING_DAYS = 30;

export function canTransition(status: ListingStatus, event: ListingEvent): boolean {
  return LISTING_TRANSITIONS[event].from.includes(status);
}

/** The status after `event`, or null when the event is not allowed from `status`. */
export function nextStatus(status: ListingStatus, event: ListingEvent): ListingStatus | null {
  const rule = LISTING_TRANSITIONS[event];
  if (!rule.from.includes(status)) return null;
  return rule.to === "same" ? status : rule.to;
}

/** Events the owner can trigger from a status: drives which buttons the workspace shows. */
export function ownerEvents(status: ListingStatus): ListingEvent[] {
  return (Object.keys(LISTING_TRANSITIONS) as ListingEvent[]).filter(
    (event) => LISTING_TRANSITIONS[event].by === "owner" && canTransition(status, event),
  );
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setMonth(result.getMonth() + months);
  return result;
}
