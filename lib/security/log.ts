import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The security log (Decree 53/2022/NĐ-CP: kept at least 12 months): sign-ins and their failures,
 * lock-outs, sign-ups, password resets. Never a password or a token. Separate from the audit chain,
 * which records changes to the exchange's data.
 */
export type SecurityEventKind =
  | "sign_in.success"
  | "sign_in.failure"
  | "sign_in.rate_limited"
  | "sign_out"
  | "sign_up"
  | "sign_up.rate_limited"
  | "email.verified"
  | "password.reset_requested"
  | "password.reset"
  | "password.changed";

export interface SecurityEventInput {
  userId?: string | null;
  email?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  detail?: Record<string, unknown>;
}

/** Months the security log is kept before the purge job removes an entry. */
export const SECURITY_LOG_RETENTION_MONTHS = 12;

/** Appends one entry; inside `tx` when the event belongs to a larger change. */
export async function recordSecurityEvent(kind: SecurityEventKind, input: SecurityEventInput, tx?: Tx) {
  await (tx ?? db).securityEvent.create({
    data: {
      kind,
      userId: input.userId ?? null,
      email: input.email?.slice(0, 254) ?? null,
      ip: input.ip?.slice(0, 64) ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      detail: input.detail ? (input.detail as Prisma.InputJsonValue) : Prisma.DbNull,
    },
  });
}

/** How many events of `kind` came from `ip` in the last `minutes` (sign-up and reset throttles). */
export async function recentSecurityEvents(kind: SecurityEventKind, ip: string, minutes: number): Promise<number> {
  return db.securityEvent.count({ where: { kind, ip, createdAt: { gte: new Date(Date.now() - minutes * 60_000) } } });
}

/** Removes entries older than the retention period (a daily job). */
export async function purgeSecurityLog(now = new Date()) {
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - SECURITY_LOG_RETENTION_MONTHS);
  const { count } = await db.securityEvent.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return { purged: count };
}
