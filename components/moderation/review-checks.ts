/**
 * What a moderator checks before deciding, and the ready-made reasons for a rejection. Only the keys
 * live here: the words are `moderation.checklist.items.<key>` and `moderation.reasons.items.<key>`
 * in the message catalogues. Client-safe.
 */

export const CHECKS = {
  offer: ["organization", "title", "personalData", "screening", "documents", "ip", "price"],
  demand: ["organization", "title", "personalData", "screening", "documents", "budget"],
} as const;

export type CheckKey = (typeof CHECKS)[keyof typeof CHECKS][number];

/** One line of the checklist: what the page knows about it (organization verified or not...). */
export interface CheckItem {
  key: CheckKey;
  /** The fact to look at, already in words. */
  fact?: string;
  /** The fact itself calls for attention (an unverified organization, a screening hit). */
  attention?: boolean;
}

export const REJECTION_REASONS = [
  "incomplete",
  "unclear",
  "notTechnology",
  "personalData",
  "ipUnproven",
  "price",
  "documents",
  "duplicate",
  "organization",
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * The reason text with one ready-made reason added (as its own line, once) or removed (the line
 * that is exactly it, if the moderator has not reworded it), leaving whatever else was typed.
 */
export function toggleReason(text: string, reason: string, on: boolean): string {
  const lines = text.split("\n");
  const has = lines.some((line) => line.trim() === reason);
  if (on) {
    if (has) return text;
    return text.trim() === "" ? reason : `${text.replace(/\s+$/, "")}\n${reason}`;
  }
  if (!has) return text;
  const index = lines.findIndex((line) => line.trim() === reason);
  return lines.filter((_, i) => i !== index).join("\n");
}
