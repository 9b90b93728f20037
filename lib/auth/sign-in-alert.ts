import "server-only";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import { absoluteUrl, appBaseUrl, toNotificationLocale } from "@/lib/notifications/render";
import { recordSecurityEvent } from "@/lib/security/log";

/**
 * Tells an account's owner, once per rate-limit window, that its failed sign-ins reached the
 * per-e-mail threshold. Queued in the outbox; nothing reaches the person signing in, so the
 * requester learns nothing about whether the account exists.
 */
export async function alertOwnerOfFailures(email: string, limits: { windowMinutes: number; maxPerEmail: number }) {
  await db.$transaction(async (tx) => {
    // Serialized per e-mail, so parallel failures cannot each decide that no alert was sent yet.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login:alert:${email}`}, 0))`;
    const since = new Date(Date.now() - limits.windowMinutes * 60_000);
    const failures = await tx.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } });
    if (failures < limits.maxPerEmail) return;
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, name: true, locale: true, status: true },
    });
    if (!user || user.status !== "ACTIVE") return;
    const alreadySent = await tx.securityEvent.count({
      where: {
        email,
        kind: "sign_in.rate_limited",
        createdAt: { gte: since },
        detail: { path: ["ownerAlerted"], equals: true },
      },
    });
    if (alreadySent > 0) return;
    await queueAlert(tx, { email, name: user.name, locale: user.locale, failures, minutes: limits.windowMinutes });
    await recordSecurityEvent(
      "sign_in.rate_limited",
      { userId: user.id, email, detail: { reason: "email_threshold", ownerAlerted: true, failures } },
      tx,
    );
  });
}

async function queueAlert(
  tx: Tx,
  input: { email: string; name: string; locale: string; failures: number; minutes: number },
) {
  const locale = toNotificationLocale(input.locale);
  // The catalog-derived key types do not reach a namespace picked at run time like this one.
  const t = createTranslator({
    locale,
    messages: (await loadMessages(locale)) as AbstractIntlMessages,
    namespace: "security.signInAlert",
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const values = { name: input.name, count: input.failures, minutes: input.minutes };
  const body = [
    t("greeting", values),
    "",
    t("body", values),
    "",
    t("ifYou"),
    t("ifNotYou", { url: absoluteUrl(appBaseUrl(env()), locale, "/login") }),
    "",
    t("signature"),
  ].join("\n");
  await tx.emailOutbox.create({ data: { to: input.email, subject: t("subject"), body } });
}
