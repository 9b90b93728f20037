import "server-only";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/context";
import { audited, type AuditEntry } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  appBaseUrl,
  notificationTranslator,
  renderEmail,
  renderNotification,
  toNotificationLocale,
  type NotificationLocale,
  type NotificationTranslator,
} from "./render";
import { NotificationLinkSchema } from "./schemas";
import {
  isNotificationType,
  type NotificationParams,
  type NotificationParamsByType,
  type NotificationType,
} from "./types";

export interface NotifyInput<T extends NotificationType = NotificationType> {
  /** Explicit recipients. */
  userIds?: string[];
  /** Every active member of this organization is a recipient too. */
  organizationId?: string;
  /** Every active user holding one of these roles, e.g. ["OFFICER"] for `listing.needs_officer`. */
  roles?: Role[];
  type: T;
  params: NotificationParamsByType[T];
  /** An app path without the locale prefix, e.g. "/account/offers/<id>". */
  link?: string;
  /** Also queue an email to each recipient (default true). */
  email?: boolean;
}

const SUBJECT_MAX = 300;

/** One line, at most the column's length: a listing title must not break the email header. */
function subjectLine(title: string) {
  const line = title.replace(/\s+/g, " ").trim();
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

/**
 * Notifies users inside the caller's (audited) transaction: the notification and its email exist
 * exactly when the change that caused them commits. Recipients are the explicit `userIds`, all
 * members of `organizationId` and all holders of `roles`, each once; disabled accounts are
 * skipped. Emails go to the outbox in each recipient's language, sent later by `mail.send-outbox`,
 * except to recipients who opted out of this type (`User.emailOptOut`, set on /account/settings).
 * Throws (failing the caller's transaction) on an unknown type, a missing parameter or a bad link.
 */
export async function notify<T extends NotificationType>(
  tx: Tx,
  input: NotifyInput<T>,
): Promise<{ recipients: number }> {
  if (!isNotificationType(input.type)) throw new Error(`Unknown notification type "${String(input.type)}"`);
  const params = input.params as unknown as NotificationParams;
  const link = input.link === undefined ? null : NotificationLinkSchema.parse(input.link);
  const strict = new Map<NotificationLocale, NotificationTranslator>();
  const translator = async (locale: NotificationLocale) => {
    const t = strict.get(locale) ?? (await notificationTranslator(locale, { strict: true }));
    strict.set(locale, t);
    return t;
  };
  // Rendered once up front even without email, so a missing parameter fails now, not in the inbox.
  renderNotification(await translator("vi"), input.type, params);

  const userIds = [...new Set(input.userIds ?? [])];
  const who: Prisma.UserWhereInput[] = [];
  if (userIds.length > 0) who.push({ id: { in: userIds } });
  if (input.organizationId) who.push({ organizationId: input.organizationId });
  if (input.roles?.length) who.push({ roles: { hasSome: input.roles } });
  if (who.length === 0) return { recipients: 0 };
  const recipients = await tx.user.findMany({
    where: { status: "ACTIVE", OR: who },
    select: { id: true, email: true, name: true, locale: true, emailOptOut: true },
    orderBy: { id: "asc" },
  });
  if (recipients.length === 0) return { recipients: 0 };

  await tx.notification.createMany({
    data: recipients.map((user) => ({ userId: user.id, type: input.type, params, link })),
  });
  if (input.email !== false) {
    const baseUrl = appBaseUrl(env());
    const emails: Prisma.EmailOutboxCreateManyInput[] = [];
    // The user's notification settings: a type they opted out of is shown in the app, not e-mailed
    // (lib/accounts/email-preferences.ts decides which types may be opted out of).
    for (const user of recipients.filter((r) => !r.emailOptOut.includes(input.type))) {
      const locale = toNotificationLocale(user.locale);
      const mail = renderEmail(await translator(locale), {
        locale,
        baseUrl,
        name: user.name,
        type: input.type,
        params,
        link,
      });
      emails.push({ to: user.email, subject: subjectLine(mail.subject), body: mail.body });
    }
    if (emails.length > 0) await tx.emailOutbox.createMany({ data: emails });
  }
  return { recipients: recipients.length };
}

const Uuid = z.uuid();

/**
 * Marks the user's notifications as read: the given ids, or all of them. Ids that are not the
 * user's own (or not ids at all) are ignored rather than reported, so nothing about other users'
 * notifications leaks. Audited as "notification.read" when something changed; returns how many.
 */
export async function markRead(
  userId: string,
  ids: string[] | "all",
  ctx: AuditContext = { actor: { id: userId, role: "user" }, request: { requestId: null, ip: null } },
): Promise<number> {
  const wanted = ids === "all" ? "all" : [...new Set(ids.filter((id) => Uuid.safeParse(id).success))];
  if (wanted !== "all" && wanted.length === 0) return 0;
  return audited(ctx, async (tx) => {
    const updated = await tx.notification.updateManyAndReturn({
      where: { userId, readAt: null, ...(wanted === "all" ? {} : { id: { in: wanted } }) },
      data: { readAt: new Date() },
      select: { id: true },
    });
    const count = updated.length;
    const audit: AuditEntry[] =
      count === 0
        ? []
        : [
            {
              action: "notification.read",
              entityType: "notification",
              entityId: count === 1 ? updated[0]!.id : null,
              // "all" may touch thousands of rows: record the scope and the count, not every id.
              after: wanted === "all" ? { userId, all: true, count } : { userId, ids: updated.map((n) => n.id), count },
            },
          ];
    return { result: count, audit };
  });
}
