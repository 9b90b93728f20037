import "server-only";
import type { RequestMeta } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-strength";
import { consumeUserToken, issueUserToken, peekUserToken, recentUserTokens } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recentSecurityEvents, recordSecurityEvent } from "@/lib/security/log";
import { queueAccountEmail } from "./email";

/** Reset requests accepted from one IP address per hour (beyond: the same answer, nothing sent). */
export const RESET_REQUESTS_PER_IP_PER_HOUR = 10;
/** Reset e-mails one account receives per hour at most. */
export const RESET_EMAILS_PER_ACCOUNT_PER_HOUR = 3;

/**
 * "Forgot password": e-mails a single-use link (1 h) when the address has an active account.
 * Answers the same in every case (unknown address, disabled account, throttled), so it reveals
 * nothing about which addresses exist; throttled per IP address and per account.
 */
export async function requestPasswordReset(email: string, request: RequestMeta): Promise<void> {
  const ip = request.ip;
  if ((await recentSecurityEvents("password.reset_requested", ip ?? "", 60)) >= RESET_REQUESTS_PER_IP_PER_HOUR) {
    await recordSecurityEvent("password.reset_requested", { email, ip: ip ?? "", detail: { throttled: true } });
    return;
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, locale: true, status: true },
  });
  await recordSecurityEvent("password.reset_requested", { userId: user?.id ?? null, email, ip: ip ?? "" });
  if (!user || user.status !== "ACTIVE") return;
  await audited({ actor: { id: null, role: "anonymous" }, request }, async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    if ((await recentUserTokens(tx, user.id, "RESET_PASSWORD", 60)) >= RESET_EMAILS_PER_ACCOUNT_PER_HOUR)
      return { result: undefined, audit: [] };
    const token = await issueUserToken(tx, user.id, "RESET_PASSWORD");
    await queueAccountEmail(tx, {
      to: user.email,
      name: user.name,
      locale: user.locale,
      type: "account.password_reset",
      params: {},
      link: `/reset-password?token=${token}`,
    });
    return {
      result: undefined,
      audit: { action: "user.password_reset_requested", entityType: "user", entityId: user.id },
    };
  });
}

/** True while a reset link can still be used (the page shows the form, or says the link expired). */
export async function resetTokenValid(token: string): Promise<boolean> {
  return (await peekUserToken(db, token, "RESET_PASSWORD")) !== null;
}

/**
 * Sets a new password from a reset link: the token is used up, every existing session ends
 * (sessionVersion), the address counts as confirmed, and the owner is told by e-mail. Throws
 * AppError("validation", "invalid_link"), or AppError("validation", "password_weak") with
 * `details.fieldErrors` when the password is guessable from the account's own words.
 */
export async function resetPassword(
  input: { token: string; password: string },
  request: RequestMeta,
): Promise<{ email: string }> {
  const pending = await peekUserToken(db, input.token, "RESET_PASSWORD");
  if (!pending) throw new AppError("validation", "invalid_link");
  const owner = await db.user.findUniqueOrThrow({
    where: { id: pending.userId },
    select: { email: true, name: true, organization: { select: { name: true } } },
  });
  const problems = passwordProblems(input.password, [owner.email, owner.name, owner.organization?.name]);
  if (problems.length > 0) throw new AppError("validation", problems[0]!, { fieldErrors: { password: problems } });
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  return audited({ actor: { id: pending.userId, role: "user" }, request }, async (tx) => {
    const userId = await consumeUserToken(tx, input.token, "RESET_PASSWORD", now);
    if (userId !== pending.userId) throw new AppError("validation", "invalid_link");
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } });
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerifiedAt: before.emailVerifiedAt ?? now },
      select: { id: true, email: true, name: true, locale: true, sessionVersion: true },
    });
    await recordSecurityEvent("password.reset", { userId, email: user.email, ip: request.ip }, tx);
    await queueAccountEmail(tx, {
      to: user.email,
      name: user.name,
      locale: user.locale,
      type: "account.password_changed",
      params: {},
      link: "/forgot-password",
    });
    return {
      result: { email: user.email },
      audit: {
        action: "user.password_reset",
        entityType: "user",
        entityId: userId,
        after: { sessionVersion: user.sessionVersion, emailVerified: true },
      },
    };
  });
}
