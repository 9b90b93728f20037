import "server-only";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-strength";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordSecurityEvent } from "@/lib/security/log";
import { ACCOUNT_AUDIT } from "./audit-actions";
import { queueAccountEmail } from "./email";
import { nextOptOut, preferenceGroupsFor } from "./email-preferences";

/**
 * The signed-in user's own account (/account/settings): name, password, which notifications are
 * e-mailed. Each function acts on the caller's own row only (the id comes from the session, never
 * from the form) and is audited.
 */

/** Wrong current passwords accepted in LOGIN_WINDOW_MINUTES before the form refuses to check more. */
export const PASSWORD_CHANGE_MAX_FAILURES = 5;

/** Who is acting: the session's user (lib/auth/session.ts CurrentUser satisfies it). */
export interface AccountOwner {
  id: string;
  roles: readonly Role[];
}

/** Changes the user's display name; nothing is written when it is the same. */
export async function updateName(ctx: AuditContext, owner: AccountOwner, name: string): Promise<{ changed: boolean }> {
  return audited<{ changed: boolean }>(ctx, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: owner.id }, select: { name: true } });
    if (!before) throw new AppError("unauthenticated");
    if (before.name === name) return { result: { changed: false }, audit: [] };
    await tx.user.update({ where: { id: owner.id }, data: { name } });
    return {
      result: { changed: true },
      audit: {
        action: ACCOUNT_AUDIT.updateName,
        entityType: "user",
        entityId: owner.id,
        before: { name: before.name },
        after: { name },
      },
    };
  });
}

/**
 * Sets a new password after checking the current one. Every session of the account ends
 * (sessionVersion, as a reset does), this one too: the caller signs in again with the new password.
 * The owner is told by e-mail. A wrong current password is logged as a failed sign-in check and,
 * past PASSWORD_CHANGE_MAX_FAILURES in the sign-in window, no password is checked at all, so a
 * session left open cannot be used to guess the password. Throws AppError("validation",
 * "wrong_password" | "password_unchanged" | "password_contains_email" | "password_weak" …) with field
 * errors, ("rate_limited", "password_change_rate_limited") or ("conflict") when the password
 * changed meanwhile.
 */
export async function changePassword(
  ctx: AuditContext,
  owner: AccountOwner,
  input: { currentPassword: string; password: string },
  request: { userAgent?: string | null } = {},
): Promise<{ email: string }> {
  const account = await db.user.findUnique({
    where: { id: owner.id },
    select: {
      email: true,
      name: true,
      locale: true,
      status: true,
      passwordHash: true,
      organization: { select: { name: true } },
    },
  });
  if (!account || account.status !== "ACTIVE") throw new AppError("unauthenticated");
  const log = { userId: owner.id, email: account.email, ip: ctx.request.ip, userAgent: request.userAgent ?? null };

  const minutes = env().LOGIN_WINDOW_MINUTES;
  const failures = await db.securityEvent.count({
    where: {
      userId: owner.id,
      kind: "sign_in.failure",
      createdAt: { gte: new Date(Date.now() - minutes * 60_000) },
      detail: { path: ["context"], equals: "password_change" },
    },
  });
  if (failures >= PASSWORD_CHANGE_MAX_FAILURES)
    throw new AppError("rate_limited", "password_change_rate_limited", { minutes });
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await recordSecurityEvent("sign_in.failure", {
      ...log,
      detail: { reason: "wrong_password", context: "password_change" },
    });
    throw new AppError("validation", "wrong_password", { fieldErrors: { currentPassword: ["wrong_password"] } });
  }

  const problems: string[] = [];
  const password = input.password.normalize("NFC");
  if (password === input.currentPassword.normalize("NFC")) problems.push("password_unchanged");
  const local = account.email.split("@")[0] ?? "";
  if (local.length >= 4 && password.toLowerCase().includes(local)) problems.push("password_contains_email");
  problems.push(...passwordProblems(password, [account.email, account.name, account.organization?.name]));
  if (problems.length > 0) throw new AppError("validation", problems[0]!, { fieldErrors: { password: problems } });

  const passwordHash = await hashPassword(password);
  return audited(ctx, async (tx) => {
    // Only over the hash that was checked: a change made meanwhile (another tab, a reset) wins.
    const changed = await tx.user.updateManyAndReturn({
      where: { id: owner.id, passwordHash: account.passwordHash, status: "ACTIVE" },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    if (changed.length !== 1) throw new AppError("conflict");
    await recordSecurityEvent("password.changed", log, tx);
    await queueAccountEmail(tx, {
      to: account.email,
      name: account.name,
      locale: account.locale,
      type: "account.password_changed",
      params: {},
      link: "/forgot-password",
    });
    return {
      result: { email: account.email },
      audit: {
        action: ACCOUNT_AUDIT.changePassword,
        entityType: "user",
        entityId: owner.id,
        after: { sessionVersion: changed[0]!.sessionVersion },
      },
    };
  });
}

/**
 * Saves which notifications the user receives by e-mail: of the types their roles may receive, the
 * ones not in `emailOn` are opted out (lib/accounts/email-preferences.ts). Nothing is written when
 * the list is unchanged. Returns the stored opt-out list.
 */
export async function updateEmailPreferences(
  ctx: AuditContext,
  owner: AccountOwner,
  emailOn: readonly string[],
): Promise<{ optOut: string[]; changed: boolean }> {
  return audited<{ optOut: string[]; changed: boolean }>(ctx, async (tx) => {
    const [row] = await tx.$queryRaw<{ email_opt_out: string[] }[]>`
      SELECT email_opt_out FROM users WHERE id = ${owner.id}::uuid FOR UPDATE`;
    if (!row) throw new AppError("unauthenticated");
    const current = row.email_opt_out;
    const shown = preferenceGroupsFor(owner.roles, current).flatMap((group) =>
      group.types.filter((t) => !t.essential).map((t) => t.type),
    );
    const optOut = nextOptOut(current, shown, emailOn);
    if (optOut.join() === [...current].sort().join()) return { result: { optOut, changed: false }, audit: [] };
    await tx.user.update({ where: { id: owner.id }, data: { emailOptOut: optOut } });
    return {
      result: { optOut, changed: true },
      audit: {
        action: ACCOUNT_AUDIT.updateEmailPreferences,
        entityType: "user",
        entityId: owner.id,
        before: { emailOptOut: current },
        after: { emailOptOut: optOut },
      },
    };
  });
}
