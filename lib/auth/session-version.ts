import "server-only";
import type { RequestMeta } from "@/lib/audit/context";
import { db, type Tx } from "@/lib/db";
import { recordSecurityEvent } from "@/lib/security/log";

/**
 * Sessions are stateless JWTs, so revoking one means making it stale: each token carries the user's
 * `sessionVersion` from sign-in, and a token whose version differs from the user's current one is
 * signed out. Bumping the version ends every session of the user, on every device.
 */

/** Ends all of the user's sessions; call inside the transaction of a password or role change. */
export async function bumpSessionVersion(tx: Tx, userId: string): Promise<number> {
  const { sessionVersion } = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}

/** Sign-out: ends the user's sessions and records it in the security log. */
export async function revokeSessions(userId: string, request: RequestMeta & { userAgent?: string | null }) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return;
    await bumpSessionVersion(tx, userId);
    await recordSecurityEvent(
      "sign_out",
      {
        userId,
        email: user.email,
        ip: request.ip,
        userAgent: request.userAgent,
        detail: { requestId: request.requestId },
      },
      tx,
    );
  });
}

/**
 * The user behind a session token: active, and with the version the token was issued for (a token
 * without one predates session versions and is stale). Null means signed out.
 */
export async function loadSessionUser(id: string, sessionVersion: number | undefined) {
  if (sessionVersion === undefined) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      status: true,
      sessionVersion: true,
      organizationId: true,
      orgRole: true,
      emailVerifiedAt: true,
      organization: { select: { id: true, name: true, slug: true, verificationStatus: true } },
    },
  });
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== sessionVersion) return null;
  const { emailVerifiedAt, status: _status, sessionVersion: _version, ...rest } = user;
  return { ...rest, emailVerified: emailVerifiedAt !== null };
}
