import "server-only";
import { tokenHash } from "@/lib/auth/tokens";
import { assertCan, type Principal } from "@/lib/authz";
import { db, pool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** At most this many organizations answer one search on the sign-up and join forms. */
export const JOIN_SEARCH_LIMIT = 8;

export interface JoinCandidate {
  id: string;
  name: string;
  type: string;
  location: string;
}

/**
 * Organizations a person may ask to join, found by a few letters of their name (accents and case
 * ignored): a handful at a time, never a list of everything, never a state agency.
 */
export async function searchOrganizationsToJoin(query: string): Promise<JoinCandidate[]> {
  const q = query.normalize("NFC").trim();
  if (q.length < 2 || q.length > 100) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await pool().query<JoinCandidate>(
    `SELECT id, name, type::text AS type, location FROM organizations
      WHERE type <> 'STATE_AGENCY' AND verification_status <> 'REJECTED'
        AND (techex_fold(name) LIKE techex_fold($1) OR techex_fold(coalesce(name_en, '')) LIKE techex_fold($1))
      ORDER BY verification_status = 'VERIFIED' DESC, name, id LIMIT $2`,
    [pattern, JOIN_SEARCH_LIMIT],
  );
  return rows;
}

/** The user's own organization with its verification documents. */
export function ownOrganization(organizationId: string | null) {
  if (!organizationId) return null;
  return db.organization.findUnique({
    where: { id: organizationId },
    include: { attachments: { orderBy: { createdAt: "asc" } } },
  });
}

/**
 * Organizations waiting for the operator, oldest first, with their documents: first verifications,
 * and verified organizations whose legal fields changed. Only for `organization:verify` (others:
 * "forbidden").
 */
export async function verificationQueue(user: Principal) {
  assertCan(user, "organization:verify");
  return db.organization.findMany({
    where: { OR: [{ verificationStatus: "PENDING" }, { pendingLegal: { not: Prisma.DbNull } }] },
    orderBy: { updatedAt: "asc" },
    include: { attachments: true, _count: { select: { members: true } } },
    take: 200,
  });
}

/** Members of an organization, administrators first. */
export function organizationMembers(organizationId: string) {
  return db.user.findMany({
    where: { organizationId, status: "ACTIVE" },
    orderBy: [{ orgRole: "asc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, orgRole: true, emailVerifiedAt: true, createdAt: true },
    take: 500,
  });
}

/** Pending requests to join an organization, oldest first. */
export function pendingMembershipRequests(organizationId: string) {
  return db.membershipRequest.findMany({
    where: { organizationId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      message: true,
      createdAt: true,
      user: { select: { name: true, email: true, emailVerifiedAt: true } },
    },
    take: 200,
  });
}

/** Invitations not yet accepted, withdrawn or expired. */
export function pendingInvites(organizationId: string) {
  return db.organizationInvite.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, expiresAt: true },
    take: 200,
  });
}

/** The user's own latest request (pending, or the last decision), for the join panel. */
export function ownMembershipRequest(userId: string) {
  return db.membershipRequest.findFirst({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, decisionNote: true, createdAt: true, organization: { select: { name: true } } },
  });
}

/**
 * Pending requests to organizations without an administrator: the operator decides them
 * (`membership:decide-orphan`; others: "forbidden").
 */
export async function orphanMembershipRequests(user: Principal) {
  assertCan(user, "membership:decide-orphan");
  return db.membershipRequest.findMany({
    where: { status: "PENDING", organization: { members: { none: { orgRole: "ADMIN", status: "ACTIVE" } } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      message: true,
      createdAt: true,
      organization: { select: { name: true, type: true } },
      user: { select: { name: true, email: true, emailVerifiedAt: true } },
    },
    take: 200,
  });
}

/** What the invitation page shows about a still-valid invitation (nothing for any other token). */
export function inviteByToken(token: string) {
  return db.organizationInvite.findFirst({
    where: { tokenHash: tokenHash(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true, expiresAt: true, organization: { select: { name: true } } },
  });
}
