/**
 * The notification types the exchange sends, with the parameters each one's message needs
 * (`notifications.types.<type>.title` / `.body` in messages/<locale>/notifications.json). Typing the
 * parameters here turns a forgotten `{reason}` into a compile error instead of a broken email.
 */
export interface NotificationParamsByType {
  "listing.approved": { title: string };
  "listing.rejected": { title: string; reason: string };
  "listing.revision_approved": { title: string };
  "listing.revision_rejected": { title: string; reason: string };
  /** To department officers: a restricted listing awaits their decision. */
  "listing.needs_officer": { title: string };
  "listing.prohibited": { title: string; entry: string };
  /** `date`: an ISO date ("2026-05-01" or a full timestamp); each language formats it itself. */
  "listing.expiring": { title: string; date: string };
  "listing.expired": { title: string };
  "listing.update_reminder": { title: string };
  "organization.verified": { name: string };
  "organization.rejected": { name: string; reason: string };
  /** `score`: the match score 0–1, shown as a percentage ("85%"). */
  "match.new": { title: string; score: number };
}

export type NotificationType = keyof NotificationParamsByType;

export type NotificationParams = Record<string, string | number>;

export const NOTIFICATION_TYPES = [
  "listing.approved",
  "listing.rejected",
  "listing.revision_approved",
  "listing.revision_rejected",
  "listing.needs_officer",
  "listing.prohibited",
  "listing.expiring",
  "listing.expired",
  "listing.update_reminder",
  "organization.verified",
  "organization.rejected",
  "match.new",
] as const satisfies readonly NotificationType[];

// Fails to compile when a type above is missing from NOTIFICATION_TYPES.
const _everyTypeListed: Exclude<NotificationType, (typeof NOTIFICATION_TYPES)[number]> extends never ? true : false = true;

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}
