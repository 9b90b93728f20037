import "server-only";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { PersonNameSchema, EmailSchema } from "@/lib/auth/schemas";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { issueUserToken, recentUserTokens } from "@/lib/auth/tokens";
import { assertCan, type Principal } from "@/lib/authz";
import { pool, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isPlainLine } from "@/lib/text";
import { queueAccountEmail } from "./email";
import { RESET_EMAILS_PER_ACCOUNT_PER_HOUR } from "./password-reset";

/**
 * The system administrator's work on accounts (issue #13 item 7, `user:manage`): the user list,
 * staff invitations, roles, deactivation and password resets. Accounts are never deleted — the
 * audit log and every record a user touched keep pointing at them.
 */

// ─── The role rule (pure) ───────────────────────────────────────────────────

/** Roles held by people of an organization (DOMAIN §2): they act for their organization. */
export const PARTY_ROLES = ["PROVIDER", "SEEKER", "INTERMEDIARY"] as const satisfies readonly Role[];
/** Roles of the exchange's own people: they moderate, decide, supervise, audit or administer. */
export const STAFF_ROLES = ["OPERATOR", "OFFICER", "AUDITOR", "ADMIN"] as const satisfies readonly Role[];
/** The three sides of the oversight (DOMAIN §1): the concession, the State, the independent audit. */
export const OVERSIGHT_ROLES = ["OPERATOR", "OFFICER", "AUDITOR"] as const satisfies readonly Role[];

export type RoleProblem = "roles_required" | "roles_mixed" | "oversight_roles_exclusive" | "admin_exclusive";

/**
 * Which roles one account may hold together, or why not:
 * - at least one role;
 * - never a party role with a staff role: staff moderate, verify, decide and audit the parties'
 *   listings, deals and registrations, so one account holding both would let a person judge their
 *   own organization's work, and the audit log would not say in which capacity they acted;
 * - at most one of operator, officer and auditor: the Department supervises the operator and the
 *   auditor checks both, so no one may be on two sides of that oversight;
 * - ADMIN alone: the administrator manages users and roles and nothing else (DOMAIN §2), so an
 *   administrator cannot give themselves the power to moderate, decide or audit.
 */
export function roleSetProblem(roles: readonly Role[]): RoleProblem | null {
  if (roles.length === 0) return "roles_required";
  const party = roles.some((r) => (PARTY_ROLES as readonly Role[]).includes(r));
  const staff = roles.some((r) => (STAFF_ROLES as readonly Role[]).includes(r));
  if (party && staff) return "roles_mixed";
  const oversight = roles.filter((r) => (OVERSIGHT_ROLES as readonly Role[]).includes(r)).length;
  if (oversight > 1) return "oversight_roles_exclusive";
  if (roles.includes("ADMIN") && oversight > 0) return "admin_exclusive";
  return null;
}

// ─── Input ──────────────────────────────────────────────────────────────────

const ALL = [...PARTY_ROLES, ...STAFF_ROLES] as const;
const rolesOf = <T extends readonly [Role, ...Role[]]>(allowed: T) =>
  z
    .array(z.enum(allowed, { error: "choose_one" }), { error: "roles_required" })
    .transform((roles) => [...new Set(roles)])
    .superRefine((roles, ctx) => {
      const problem = roleSetProblem(roles);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

export const InviteStaffSchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  roles: rolesOf(STAFF_ROLES),
  locale: z.enum(["vi", "en"], { error: "choose_one" }).default("vi"),
});
export type InviteStaffInput = z.infer<typeof InviteStaffSchema>;

export const UserIdSchema = z.uuid({ error: "invalid_input" });

export const UpdateRolesSchema = z.object({ userId: UserIdSchema, roles: rolesOf(ALL) });

export const UserTargetSchema = z.object({
  userId: UserIdSchema,
  reason: z
    .string()
    .trim()
    .max(500, "too_long")
    .refine(isPlainLine, "invisible_characters")
    .optional()
    .transform((v) => v || null),
});

const filterText = z
  .string()
  .trim()
  .max(100)
  .refine(isPlainLine)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

/** The list's query (`?q=&role=&status=&org=`): an invalid value is ignored, never an error page. */
export const UserFilterSchema = z.object({
  q: filterText,
  role: z.enum(ALL).optional().catch(undefined),
  status: z.enum(["ACTIVE", "DISABLED", "INVITED"]).optional().catch(undefined),
  org: filterText,
});
export type UserFilter = z.infer<typeof UserFilterSchema>;

// ─── Reads ──────────────────────────────────────────────────────────────────

/**
 * The password hash of an invited account until its owner chooses a password: not an argon2 hash,
 * so no password verifies against it (lib/auth/password.ts answers false), and recognisable.
 */
export const INVITED_PASSWORD_HASH = "!invited";

export const USERS_PAGE_SIZE = 25;

export interface StaffUserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: "ACTIVE" | "DISABLED";
  invited: boolean;
  organization: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Users for the administrator, newest first, searched by name or e-mail and filtered by role,
 * status ("INVITED": no password chosen yet) and organization name; `activeAdmins` lets the page
 * say why the last administrator's controls are missing.
 */
export async function listStaffUsers(user: Principal, filter: Partial<UserFilter>, requestedPage: number) {
  assertCan(user, "user:manage");
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.q) add((p) => `(u.name ILIKE ${p} OR u.email ILIKE ${p})`, like(filter.q));
  if (filter.role) add((p) => `${p}::"Role" = ANY(u.roles)`, filter.role);
  if (filter.status === "INVITED") where.push(`u.password_hash = '${INVITED_PASSWORD_HASH}'`);
  else if (filter.status) add((p) => `u.status = ${p}::"UserStatus"`, filter.status);
  if (filter.org) add((p) => `o.name ILIKE ${p}`, like(filter.org));
  const from = `FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
                ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  const [{ rows: counts }, { rows: admins }] = await Promise.all([
    pool().query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params),
    pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users
        WHERE status = 'ACTIVE' AND 'ADMIN' = ANY(roles) AND password_hash <> '${INVITED_PASSWORD_HASH}'`,
    ),
  ]);
  const total = counts[0]!.n;
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(requestedPage, pageCount);
  const { rows } = await pool().query<StaffUserRow>(
    `SELECT u.id, u.email, u.name, u.roles::text[] AS roles, u.status,
            (u.password_hash = '${INVITED_PASSWORD_HASH}') AS invited, o.name AS organization,
            u.last_login_at AS "lastLoginAt", u.created_at AS "createdAt"
       ${from}
      ORDER BY u.created_at DESC, u.id
      LIMIT ${USERS_PAGE_SIZE} OFFSET ${(page - 1) * USERS_PAGE_SIZE}`,
    params,
  );
  return { items: rows, total, page, pageCount, activeAdmins: admins[0]!.n };
}

// ─── Writes ─────────────────────────────────────────────────────────────────

// Every change that could remove an administrator holds this lock, so two administrators demoting
// each other at the same moment cannot both pass the "another active administrator" check.
const ADMIN_LOCK = 13_0007;

const SELECT = {
  id: true,
  email: true,
  name: true,
  roles: true,
  status: true,
  locale: true,
  organizationId: true,
} as const;

async function lockedTarget(tx: Tx, userId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_LOCK})`;
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  const target = await tx.user.findUnique({ where: { id: userId }, select: SELECT });
  if (!target) throw new AppError("not_found");
  return target;
}

/** Refuses a change that would leave no active administrator (the acting admin included). */
async function assertAnotherAdmin(tx: Tx, target: { id: string; roles: Role[]; status: string }) {
  if (target.status !== "ACTIVE" || !target.roles.includes("ADMIN")) return;
  const others = await tx.user.count({
    // An invited administrator who never chose a password cannot sign in: not another administrator.
    where: {
      status: "ACTIVE",
      roles: { has: "ADMIN" },
      id: { not: target.id },
      passwordHash: { not: INVITED_PASSWORD_HASH },
    },
  });
  if (others === 0) throw new AppError("invalid_state", "last_admin");
}

async function sendPasswordLink(tx: Tx, target: { id: string; email: string; name: string; locale: string }) {
  const token = await issueUserToken(tx, target.id, "RESET_PASSWORD");
  await queueAccountEmail(tx, {
    to: target.email,
    name: target.name,
    locale: target.locale,
    type: "account.password_reset",
    params: {},
    link: `/reset-password?token=${token}`,
  });
}

/**
 * Creates a staff account without a usable password and e-mails its owner the password link of
 * the reset flow (single use, 1 h; "reset password" sends a new one). Choosing the password
 * confirms the address (lib/accounts/password-reset.ts). Throws ("validation", "email_taken").
 */
export async function inviteStaff(ctx: AuditContext, admin: Principal, input: InviteStaffInput) {
  assertCan(admin, "user:manage");
  const problem = roleSetProblem(input.roles);
  if (problem || input.roles.some((r) => !(STAFF_ROLES as readonly Role[]).includes(r)))
    throw new AppError("validation", problem ?? "roles_mixed");
  try {
    return await audited(ctx, async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          roles: input.roles,
          locale: input.locale,
          passwordHash: INVITED_PASSWORD_HASH,
        },
        select: SELECT,
      });
      await sendPasswordLink(tx, user);
      return {
        result: user,
        audit: {
          action: "user.invite",
          entityType: "user",
          entityId: user.id,
          after: { email: user.email, name: user.name, roles: user.roles, status: user.status },
        },
      };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("validation", "email_taken", { fieldErrors: { email: ["email_taken"] } });
    throw error;
  }
}

/**
 * Replaces a user's roles (the rule above). The last active administrator keeps ADMIN, even when
 * they edit themselves. Every session of the user ends, so the new roles apply at once.
 */
export async function updateUserRoles(ctx: AuditContext, admin: Principal, userId: string, roles: Role[]) {
  assertCan(admin, "user:manage");
  const problem = roleSetProblem(roles);
  if (problem) throw new AppError("validation", problem);
  return audited(ctx, async (tx) => {
    const target = await lockedTarget(tx, userId);
    const next = [...roles].sort();
    const before = [...target.roles].sort();
    if (before.join() === next.join()) return { result: target, audit: [] };
    // Staff judge organizations' records: a member of an organization cannot be made staff (they
    // would moderate and verify their own organization's work). They leave it first.
    if (target.organizationId !== null && next.some((r) => (STAFF_ROLES as readonly Role[]).includes(r))) {
      throw new AppError("validation", "staff_in_organization");
    }

    if (!next.includes("ADMIN")) await assertAnotherAdmin(tx, target);
    // Nobody grants themselves a role; an administrator may only give up ADMIN (if another remains).
    if (userId === admin.id && next.some((r) => !before.includes(r))) {
      throw new AppError("forbidden", "own_roles");
    }
    await tx.user.update({ where: { id: userId }, data: { roles: next } });
    const sessionVersion = await bumpSessionVersion(tx, userId);
    return {
      result: { ...target, roles: next },
      audit: {
        action: "user.update_roles",
        entityType: "user",
        entityId: userId,
        before: { roles: before },
        after: { roles: next, sessionVersion },
      },
    };
  });
}

/**
 * Deactivates an account (never deletes it): it cannot sign in, and every session ends now. The last
 * active administrator cannot be deactivated, not even by themselves.
 */
export async function deactivateUser(ctx: AuditContext, admin: Principal, userId: string, reason: string | null) {
  assertCan(admin, "user:manage");
  return audited(ctx, async (tx) => {
    const target = await lockedTarget(tx, userId);
    if (target.status === "DISABLED") throw new AppError("invalid_state", "already_disabled");
    await assertAnotherAdmin(tx, target);
    await tx.user.update({ where: { id: userId }, data: { status: "DISABLED" } });
    const sessionVersion = await bumpSessionVersion(tx, userId);
    return {
      result: { ...target, status: "DISABLED" as const },
      audit: {
        action: "user.deactivate",
        entityType: "user",
        entityId: userId,
        before: { status: target.status },
        after: { status: "DISABLED", sessionVersion },
        reason,
      },
    };
  });
}

/** Lets a deactivated account sign in again (its old sessions stay ended). */
export async function reactivateUser(ctx: AuditContext, admin: Principal, userId: string, reason: string | null) {
  assertCan(admin, "user:manage");
  return audited(ctx, async (tx) => {
    const target = await lockedTarget(tx, userId);
    if (target.status === "ACTIVE") throw new AppError("invalid_state", "already_active");
    await tx.user.update({ where: { id: userId }, data: { status: "ACTIVE" } });
    return {
      result: { ...target, status: "ACTIVE" as const },
      audit: {
        action: "user.reactivate",
        entityType: "user",
        entityId: userId,
        before: { status: target.status },
        after: { status: "ACTIVE" },
        reason,
      },
    };
  });
}

/**
 * E-mails the user the reset link (the same e-mail as "forgot password"; the current password works
 * until a new one is chosen). For an invited account, this is how a new invitation link is sent.
 * Throttled like the owner's own requests; a deactivated account gets none.
 */
export async function adminPasswordReset(ctx: AuditContext, admin: Principal, userId: string) {
  assertCan(admin, "user:manage");
  return audited(ctx, async (tx) => {
    const target = await lockedTarget(tx, userId);
    if (target.status !== "ACTIVE") throw new AppError("invalid_state", "user_disabled");
    if ((await recentUserTokens(tx, userId, "RESET_PASSWORD", 60)) >= RESET_EMAILS_PER_ACCOUNT_PER_HOUR)
      throw new AppError("rate_limited", "reset_throttled");
    await sendPasswordLink(tx, target);
    return {
      result: target,
      audit: { action: "user.admin_password_reset", entityType: "user", entityId: userId, after: { emailed: true } },
    };
  });
}
