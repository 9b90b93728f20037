import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The one permission table: action -> roles allowed (DOMAIN.md §2). Actions ending in ":own" are
 * further scoped to the user's organization by `assertCan`. Tests enumerate this table.
 */
export const PERMISSIONS = {
  "offer:create": ["PROVIDER"],
  "offer:manage-own": ["PROVIDER"],
  "demand:create": ["SEEKER"],
  "demand:manage-own": ["SEEKER"],
  "organization:manage-own": ["PROVIDER", "SEEKER", "INTERMEDIARY"],
  // Further limited to the organization's administrator (User.orgRole) by lib/organizations/membership.ts.
  "membership:manage-own": ["PROVIDER", "SEEKER", "INTERMEDIARY"],
  "membership:request": ["PROVIDER", "SEEKER", "INTERMEDIARY"],
  // Requests to organizations that have no administrator (e.g. created before membership existed).
  "membership:decide-orphan": ["OPERATOR"],
  "intermediary:profile-own": ["INTERMEDIARY"],
  // Deals (issue #12). A seeker expresses interest in an offer, a provider proposes one of its offers
  // for a demand; either takes the party steps of its own organization's deals (lib/deals/access.ts).
  "deal:express-interest": ["SEEKER"],
  "deal:propose": ["PROVIDER"],
  "deal:act": ["PROVIDER", "SEEKER"],
  // Asking an expert for advice through the exchange (lib/experts/contact.ts).
  "expert:contact": ["PROVIDER", "SEEKER", "INTERMEDIARY"],
  "workspace:access": ["PROVIDER", "SEEKER", "INTERMEDIARY"],
  "admin:access": ["OPERATOR", "OFFICER", "AUDITOR", "ADMIN"],
  "listing:moderate": ["OPERATOR"],
  "organization:verify": ["OPERATOR"],
  "event:manage": ["OPERATOR"],
  "complaint:answer": ["OPERATOR"],
  "listing:decide-restricted": ["OFFICER"],
  "registration:decide": ["OFFICER"],
  "screening:manage": ["OFFICER"],
  "taxonomy:manage": ["OFFICER"],
  "kpi:manage": ["OFFICER"],
  // The search thesaurus (issue #14 item 2): officers edit it; every staff role reads it (admin:access).
  "thesaurus:manage": ["OFFICER"],
  // Searches that found nothing (issue #14 item 4): the operator and officers work the list; the
  // auditor reads it through oversight:read.
  "search:insights": ["OPERATOR", "OFFICER"],
  // Supervision (issue #13 item 4): an officer flags a record for review, the operator answers.
  "flag:raise": ["OFFICER"],
  "flag:answer": ["OPERATOR"],
  "oversight:read": ["OPERATOR", "OFFICER", "AUDITOR"],
  "deal:read-all": ["OPERATOR", "OFFICER", "AUDITOR"],
  // The Department reads the log too (issue #13 item 5); only the auditor verifies and exports.
  "audit:read": ["OFFICER", "AUDITOR"],
  "audit:verify": ["AUDITOR"],
  "audit:export": ["AUDITOR"],
  "user:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const ALL_ROLES: readonly Role[] = [
  "PROVIDER",
  "SEEKER",
  "INTERMEDIARY",
  "OPERATOR",
  "OFFICER",
  "AUDITOR",
  "ADMIN",
];

/** The part of the signed-in user that authorization needs. */
export interface Principal {
  id: string;
  roles: readonly Role[];
  organizationId: string | null;
  /** False until the user confirmed their e-mail address; unverified users may only draft. */
  emailVerified?: boolean;
  /** The user's standing in their organization. */
  orgRole?: "ADMIN" | "MEMBER" | null;
}

/**
 * Throws unless the user confirmed their e-mail address: an unverified account can draft but not
 * submit listings, join organizations or contact anyone.
 */
export function assertEmailVerified(user: Principal): void {
  if (user.emailVerified === false) throw new AppError("forbidden", "email_unverified");
}

/** True when one of the user's roles may perform `action` (ignores organization scope). */
export function can(user: Principal | null | undefined, action: Action): boolean {
  if (!user) return false;
  const allowed: readonly Role[] = PERMISSIONS[action];
  return user.roles.some((role) => allowed.includes(role));
}

/**
 * Throws unless the user may perform `action` (on `resource`, for organization-scoped actions).
 * Someone else's resource answers "not found", so its existence is not revealed.
 */
export function assertCan(
  user: Principal | null | undefined,
  action: Action,
  resource?: { organizationId: string | null },
): asserts user is Principal {
  if (!user) throw new AppError("unauthenticated");
  if (!can(user, action)) throw new AppError(resource ? "not_found" : "forbidden");
  if (action.endsWith("-own")) {
    if (!resource || !user.organizationId || resource.organizationId !== user.organizationId) {
      throw new AppError("not_found");
    }
  }
}

/** The role an action is performed under, for the audit log: the first role that grants it. */
export function actingRole(user: Principal, action?: Action): string {
  if (action) {
    const allowed: readonly Role[] = PERMISSIONS[action];
    const role = user.roles.find((r) => allowed.includes(r));
    if (role) return role;
  }
  return user.roles[0] ?? "user";
}
