import "server-only";
import { db, pool } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordSecurityEvent } from "@/lib/security/log";
import { dummyVerify, verifyPassword } from "./password";
import { LoginSchema } from "./schemas";
import { alertOwnerOfFailures } from "./sign-in-alert";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  /** Goes into the session token; a later bump (sign-out, password change) makes the token stale. */
  sessionVersion: number;
}

export interface LoginLimits {
  windowMinutes: number;
  /** Failures of one (e-mail, IP) pair in the window before that pair is refused. */
  maxPerPair: number;
  /** Failures of one e-mail (any IP) in the window before sign-ins to it are slowed down. */
  maxPerEmail: number;
  /** Failures from one IP (any e-mail) in the window before that IP is refused. */
  maxPerIp: number;
  /** Wait after the last failure once the per-e-mail threshold is reached; doubles per further failure. */
  slowDownBaseMs: number;
  slowDownCapMs: number;
}

export function loginLimits(overrides: Partial<LoginLimits> = {}): LoginLimits {
  const e = env();
  return {
    windowMinutes: e.LOGIN_WINDOW_MINUTES,
    maxPerPair: e.LOGIN_MAX_FAILURES_PER_PAIR,
    maxPerEmail: e.LOGIN_MAX_FAILURES_PER_EMAIL,
    maxPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
    slowDownBaseMs: 1_000,
    slowDownCapMs: 60_000,
    ...overrides,
  };
}

/**
 * The wait required since an e-mail's last failure: none below the threshold, then the base,
 * doubling with each further failure up to the cap. A slow-down, not a lock-out: an attacker
 * cannot keep the owner out for longer than the cap.
 */
export function slowDownMs(
  failuresByEmail: number,
  limits: Pick<LoginLimits, "maxPerEmail" | "slowDownBaseMs" | "slowDownCapMs">,
) {
  if (failuresByEmail < limits.maxPerEmail) return 0;
  const doublings = Math.min(failuresByEmail - limits.maxPerEmail, 30);
  return Math.min(limits.slowDownCapMs, limits.slowDownBaseMs * 2 ** doublings);
}

type Refusal = { reason: "pair" | "ip" | "slow_down"; retryAfterSeconds: number };

/**
 * Checks the limits and records the attempt as a failure, atomically: a transaction holding
 * advisory locks on the e-mail and on the IP (always in that order, so two of them cannot
 * deadlock) counts the failures and inserts this attempt before the password is checked. However
 * many requests arrive at once, each sees the attempts of all those before it, so at most the
 * limit's worth of passwords are ever checked. The attempt becomes a success after the check.
 */
async function reserveAttempt(
  email: string,
  ip: string,
  limits: LoginLimits,
): Promise<{ attemptId: string } | Refusal> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), pg_advisory_xact_lock(hashtextextended($2, 0))",
      [`login:email:${email}`, `login:ip:${ip}`],
    );
    const { rows } = await client.query<{
      pair: number;
      by_email: number;
      by_ip: number;
      since_last_ms: number | null;
    }>(
      `SELECT count(*) FILTER (WHERE email = $1 AND ip = $2)::int AS pair,
              count(*) FILTER (WHERE email = $1)::int AS by_email,
              count(*) FILTER (WHERE ip = $2)::int AS by_ip,
              (extract(epoch FROM clock_timestamp() - max(created_at) FILTER (WHERE email = $1)) * 1000)::float8 AS since_last_ms
         FROM login_attempts
        WHERE success = false AND created_at >= clock_timestamp() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
      [email, ip, limits.windowMinutes],
    );
    const counts = rows[0]!;
    let refusal: Refusal | null = null;
    if (counts.pair >= limits.maxPerPair) refusal = { reason: "pair", retryAfterSeconds: limits.windowMinutes * 60 };
    else if (counts.by_ip >= limits.maxPerIp) refusal = { reason: "ip", retryAfterSeconds: limits.windowMinutes * 60 };
    else {
      const wait = slowDownMs(counts.by_email, limits);
      const since = counts.since_last_ms ?? Number.POSITIVE_INFINITY;
      if (wait > 0 && since < wait)
        refusal = { reason: "slow_down", retryAfterSeconds: Math.ceil((wait - since) / 1000) };
    }
    if (refusal) {
      await client.query("COMMIT");
      return refusal;
    }
    const inserted = await client.query<{ id: string }>(
      "INSERT INTO login_attempts (email, ip, success, created_at) VALUES ($1, $2, false, clock_timestamp()) RETURNING id::text",
      [email, ip],
    );
    await client.query("COMMIT");
    return { attemptId: inserted.rows[0]!.id };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export interface SignInOptions {
  userAgent?: string | null;
  /** Overrides of the configured limits (tests shrink the slow-down). */
  limits?: Partial<LoginLimits>;
}

/**
 * Checks email + password. Throws AppError("validation" | "rate_limited" | "unauthenticated");
 * a slow-down refusal has the message "slow_down". Every attempt is recorded in PostgreSQL, so the
 * limits hold across all app instances, and every success, failure and refusal goes to the
 * security log (never the password).
 */
export async function authenticate(raw: unknown, ip: string, options: SignInOptions = {}): Promise<AuthenticatedUser> {
  const parsed = LoginSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation", "invalid_input");
  const { email, password } = parsed.data;
  const limits = loginLimits(options.limits);
  const log = { email, ip, userAgent: options.userAgent ?? null };

  const reservation = await reserveAttempt(email, ip, limits);
  if (!("attemptId" in reservation)) {
    await recordSecurityEvent("sign_in.rate_limited", { ...log, detail: { ...reservation } });
    if (reservation.reason === "slow_down") {
      throw new AppError("rate_limited", "slow_down", { seconds: reservation.retryAfterSeconds });
    }
    throw new AppError("rate_limited", "rate_limited", { minutes: limits.windowMinutes });
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await dummyVerify(password);
  if (!user || !ok || user.status !== "ACTIVE") {
    const reason = !user ? "unknown_email" : !ok ? "wrong_password" : "inactive";
    await recordSecurityEvent("sign_in.failure", { ...log, userId: user?.id ?? null, detail: { reason } });
    await alertOwnerOfFailures(email, limits);
    throw new AppError("unauthenticated", "invalid_credentials");
  }

  await db.$transaction(async (tx) => {
    await tx.loginAttempt.update({ where: { id: BigInt(reservation.attemptId) }, data: { success: true } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordSecurityEvent("sign_in.success", { ...log, userId: user.id }, tx);
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    organizationId: user.organizationId,
    sessionVersion: user.sessionVersion,
  };
}

/** Removes sign-in attempts older than two windows (at least a day): a daily job. */
export async function purgeLoginAttempts(now = new Date()) {
  const keepMs = Math.max(24 * 60 * 60_000, 2 * env().LOGIN_WINDOW_MINUTES * 60_000);
  const { count } = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - keepMs) } },
  });
  return { purged: count };
}
