/**
 * The answers of the organization queue's decisions, shown above the queue after the redirect
 * (`?done=`): the decided card leaves the queue, so its own message would vanish with it. Each is a
 * message key of `moderation.queueDone`.
 */
export const QUEUE_NOTICES = [
  "verified",
  "verificationRejected",
  "legalAccepted",
  "legalDiscarded",
  "joinApproved",
  "joinRejected",
] as const;

export type QueueNotice = (typeof QUEUE_NOTICES)[number];

/** The notice named by a `done` query value, or null for anything else. */
export function queueNotice(value: unknown): QueueNotice | null {
  return typeof value === "string" && (QUEUE_NOTICES as readonly string[]).includes(value)
    ? (value as QueueNotice)
    : null;
}
