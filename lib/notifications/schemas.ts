import { z } from "zod";

/**
 * A link stored with a notification: a path inside the app without the locale prefix
 * ("/account/offers/…"); the page and the email add the reader's prefix. Absolute and
 * protocol-relative URLs are refused so a notification can never send someone off-site.
 */
export const NotificationLinkSchema = z
  .string()
  .max(300)
  .regex(/^\/(?![/\\])[^\s\\]*$/, "link must be an app path starting with a single /");

/** "Mark as read" on one notification (the form posts its id). */
export const MarkReadSchema = z.object({ id: z.uuid() });
