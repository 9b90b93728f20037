import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import {
  appBaseUrl,
  notificationTranslator,
  renderAccountEmail,
  toNotificationLocale,
} from "@/lib/notifications/render";
import type { NotificationParams, EmailParamsByType, EmailType } from "@/lib/notifications/types";

export interface AccountEmail<T extends EmailType> {
  to: string;
  /** The recipient's name when they have an account. */
  name?: string | null;
  locale?: string | null;
  type: T;
  params: EmailParamsByType[T];
  /** An app path (with its token), without the locale prefix: "/verify-email?token=…". */
  link: string;
}

/**
 * Queues one account e-mail (verification, reset, invitation) in the caller's transaction, so it
 * is sent exactly when the change commits. Rendered strictly: a missing message fails the change.
 */
export async function queueAccountEmail<T extends EmailType>(tx: Tx, mail: AccountEmail<T>) {
  const locale = toNotificationLocale(mail.locale);
  const t = await notificationTranslator(locale, { strict: true });
  const { subject, body } = renderAccountEmail(t, {
    locale,
    baseUrl: appBaseUrl(env()),
    name: mail.name ?? null,
    type: mail.type,
    params: mail.params as unknown as NotificationParams,
    link: mail.link,
  });
  await tx.emailOutbox.create({ data: { to: mail.to, subject: subject.replace(/\s+/g, " ").slice(0, 300), body } });
}
