import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { UserTokenKind } from "@/lib/generated/prisma/enums";

/**
 * Single-use links sent by e-mail (verify the address, reset the password, organization invites).
 * Only the SHA-256 of a token is stored: someone reading the database cannot use a pending link.
 */

export const TOKEN_TTL_MS: Record<UserTokenKind, number> = {
  VERIFY_EMAIL: 48 * 3_600_000,
  RESET_PASSWORD: 3_600_000,
};

/** 32 random bytes, base64url (43 characters): safe in a URL, unguessable. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a token for `userId`; returns the token itself, which only the e-mail will carry. */
export async function issueUserToken(tx: Tx, userId: string, kind: UserTokenKind, now = new Date()): Promise<string> {
  const token = newToken();
  await tx.userToken.create({
    data: { userId, kind, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[kind]) },
  });
  return token;
}

/** The user a still-valid (unused, unexpired) token belongs to, without using it up. */
export async function peekUserToken(tx: Tx, token: string, kind: UserTokenKind, now = new Date()) {
  return tx.userToken.findFirst({
    where: { tokenHash: tokenHash(token), kind, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, userId: true },
  });
}

/**
 * Uses a token up: one conditional UPDATE, so two requests racing with the same link cannot both
 * succeed. Also retires the user's other pending tokens of that kind. Returns the user id, or null.
 */
export async function consumeUserToken(
  tx: Tx,
  token: string,
  kind: UserTokenKind,
  now = new Date(),
): Promise<string | null> {
  const used = await tx.userToken.updateManyAndReturn({
    where: { tokenHash: tokenHash(token), kind, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true },
  });
  const userId = used[0]?.userId ?? null;
  if (userId) await tx.userToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: now } });
  return userId;
}

/** How many tokens of `kind` were issued to the user in the last `minutes` (resend throttles). */
export function recentUserTokens(tx: Tx, userId: string, kind: UserTokenKind, minutes: number, now = new Date()) {
  return tx.userToken.count({
    where: { userId, kind, createdAt: { gte: new Date(now.getTime() - minutes * 60_000) } },
  });
}

/**
 * Deletes verification and reset tokens a week after they expired or were used (a daily job:
 * `accounts.purge-tokens`). The audit log keeps the fact that they were issued and used.
 */
export async function purgeUserTokens(now = new Date()): Promise<{ purged: number }> {
  const cutoff = new Date(now.getTime() - 7 * 86_400_000);
  const { count } = await db.userToken.deleteMany({
    where: { OR: [{ expiresAt: { lt: cutoff } }, { usedAt: { lt: cutoff } }] },
  });
  return { purged: count };
}
