import "server-only";
import type { RequestMeta } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { consumeUserToken, recentUserTokens } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { recordSecurityEvent } from "@/lib/security/log";
import { notifyMembershipRequested } from "./membership-notices";
import { sendVerificationEmail } from "./mutations";

/** Verification links one account may ask for per hour. */
export const VERIFY_RESENDS_PER_HOUR = 5;

/**
 * Confirms an address with the token of its e-mailed link (single use, 48 h). Throws
 * AppError("validation", "invalid_link") for an unknown, used or expired token.
 */
export async function verifyEmail(token: string, request: RequestMeta): Promise<{ email: string }> {
  const now = new Date();
  return audited({ actor: { id: null, role: "anonymous" }, request }, async (tx) => {
    const userId = await consumeUserToken(tx, token, "VERIFY_EMAIL", now);
    if (!userId) throw new AppError("validation", "invalid_link");
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true, emailVerifiedAt: true },
    });
    if (!user.emailVerifiedAt) {
      await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
      // A join request made at sign-up reaches its organization only now that the address is real.
      const pending = await tx.membershipRequest.findFirst({
        where: { userId, status: "PENDING" },
        select: { organization: { select: { id: true, name: true } } },
      });
      if (pending) await notifyMembershipRequested(tx, pending.organization, user.name);
    }
    await recordSecurityEvent("email.verified", { userId, email: user.email, ip: request.ip }, tx);
    return {
      result: { email: user.email },
      audit: {
        action: "user.verify_email",
        entityType: "user",
        entityId: userId,
        before: { emailVerified: user.emailVerifiedAt !== null },
        after: { emailVerified: true },
      },
    };
  });
}

/**
 * Sends a fresh verification link to the signed-in user. Throws AppError("invalid_state",
 * "already_verified") or AppError("rate_limited") past VERIFY_RESENDS_PER_HOUR.
 */
export async function resendVerification(actor: { id: string }, request: RequestMeta): Promise<void> {
  await audited({ actor: { id: actor.id, role: "user" }, request }, async (tx) => {
    // Locks the user's row: parallel clicks are counted one after another.
    const [user] = await tx.$queryRaw<{ id: string; email: string; name: string; locale: string; verified: boolean }[]>`
      SELECT id, email, name, locale, email_verified_at IS NOT NULL AS verified FROM users WHERE id = ${actor.id}::uuid FOR UPDATE`;
    if (!user) throw new AppError("unauthenticated");
    if (user.verified) throw new AppError("invalid_state", "already_verified");
    if ((await recentUserTokens(tx, user.id, "VERIFY_EMAIL", 60)) >= VERIFY_RESENDS_PER_HOUR)
      throw new AppError("rate_limited", "rate_limited");
    await sendVerificationEmail(tx, user);
    return { result: undefined, audit: { action: "user.resend_verification", entityType: "user", entityId: user.id } };
  });
}
