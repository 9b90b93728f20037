import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { dummyVerify, verifyPassword } from "./password";
import { LoginSchema } from "./schemas";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
}

/** Failures in the window for this email and for this IP. */
async function recentFailures(email: string, ip: string) {
  const since = new Date(Date.now() - env().LOGIN_WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return { byEmail, byIp };
}

/**
 * Checks email + password. Throws AppError("validation" | "rate_limited" | "unauthenticated").
 * Every attempt is recorded in PostgreSQL, so the limit holds across all app instances.
 */
export async function authenticate(raw: unknown, ip: string): Promise<AuthenticatedUser> {
  const parsed = LoginSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation", "invalid_input");
  const { email, password } = parsed.data;

  const { byEmail, byIp } = await recentFailures(email, ip);
  if (byEmail >= env().LOGIN_MAX_FAILURES_PER_EMAIL || byIp >= env().LOGIN_MAX_FAILURES_PER_IP) {
    throw new AppError("rate_limited", "rate_limited", { minutes: env().LOGIN_WINDOW_MINUTES });
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await dummyVerify(password);
  const success = Boolean(user && ok && user.status === "ACTIVE");
  await db.loginAttempt.create({ data: { email, ip, success } });
  if (!success || !user) throw new AppError("unauthenticated", "invalid_credentials");

  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, organizationId: user.organizationId };
}
