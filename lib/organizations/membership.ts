import "server-only";
import { queueAccountEmail } from "@/lib/accounts/email";
import { notifyMembershipRequested, organizationAdminIds } from "@/lib/accounts/membership-notices";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { newToken, tokenHash } from "@/lib/auth/tokens";
import { assertCan, assertEmailVerified, can, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MembershipRequest, Prisma } from "@/lib/generated/prisma/client";
import type { MembershipRequestStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/mutations";
import { start, transition, workflowTransaction, type Workflow } from "@/lib/workflow/transition";
import { MEMBERSHIP_REQUEST_MACHINE, type MembershipActor, type MembershipRequestEvent } from "./state-machine";

/**
 * Organization membership (issue 9, item 1): nobody joins an organization by naming it. A request
 * is decided by the organization's administrator (or, for an organization without one, by the
 * operator); administrators invite by e-mail, remove members and hand the role on. Every change is
 * one audited transaction that re-reads the people involved under a lock on the organization, so a
 * stale session or two administrators acting at once cannot leave it without an administrator.
 */

export const INVITE_TTL_MS = 7 * 86_400_000;
/** Invitations one organization may send per day. */
export const INVITES_PER_ORG_PER_DAY = 50;

const MEMBERS_LINK = "/account/organization/members";

/**
 * The membership-request machine with its table. Every move starts from PENDING, the only state
 * that is not final, so the compare-and-set on the status is the whole optimistic check.
 */
const MEMBERSHIP_WORKFLOW: Workflow<
  MembershipRequestStatus,
  MembershipRequestEvent,
  MembershipActor,
  MembershipRequest,
  Prisma.MembershipRequestUncheckedUpdateManyInput,
  Prisma.MembershipRequestUncheckedCreateInput
> = {
  machine: MEMBERSHIP_REQUEST_MACHINE,
  store: {
    field: "status",
    stateOf: (req) => req.status,
    write: async (tx, req, move) => {
      const { count } = await tx.membershipRequest.updateMany({
        where: { id: req.id, status: move.from },
        data: { ...move.data, status: move.to },
      });
      return count;
    },
    create: (tx, status, data) => tx.membershipRequest.create({ data: { ...data, status } }),
  },
};

/** Withdraws a pending request as its requester: themselves, or by joining another way (an invitation). */
function cancelRequest(tx: Tx, ctx: AuditContext, req: MembershipRequest, now: Date) {
  return transition(tx, MEMBERSHIP_WORKFLOW, req, "cancel", {
    actor: "requester",
    audit: ctx,
    action: "membership.cancel",
    entityType: "membership_request",
    data: { decidedAt: now },
  });
}

async function lockOrganization(tx: Tx, organizationId: string) {
  const [org] = await tx.$queryRaw<{ id: string; name: string; type: string }[]>`
    SELECT id, name, type::text AS type FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
  return org ?? null;
}

/** The acting user as stored now (not as the session remembered it), locked for this transaction. */
async function actorRow(tx: Tx, userId: string) {
  const [row] = await tx.$queryRaw<
    {
      id: string;
      name: string;
      email: string;
      organizationId: string | null;
      orgRole: "ADMIN" | "MEMBER" | null;
      verified: boolean;
      status: string;
    }[]
  >`
    SELECT id, name, email, organization_id AS "organizationId", org_role::text AS "orgRole",
           email_verified_at IS NOT NULL AS verified, status::text AS status
      FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  if (!row || row.status !== "ACTIVE") throw new AppError("unauthenticated");
  return row;
}

/** The caller's organization, when they administer it; anything else answers not-found. */
async function administeredOrganization(tx: Tx, user: Principal) {
  assertCan(user, "membership:manage-own", { organizationId: user.organizationId });
  const org = user.organizationId ? await lockOrganization(tx, user.organizationId) : null;
  const actor = await actorRow(tx, user.id);
  if (!org || actor.organizationId !== org.id || actor.orgRole !== "ADMIN") throw new AppError("not_found");
  return { org, actor };
}

/**
 * A signed-in user without an organization asks to join one (one pending request at a time).
 * Throws "email_unverified", ("conflict", "already_member" | "request_pending"), or not-found for
 * an unknown or state-agency organization.
 */
export async function requestMembership(
  ctx: AuditContext,
  user: Principal,
  input: { organizationId: string; message?: string | null },
) {
  assertCan(user, "membership:request");
  assertEmailVerified(user);
  return workflowTransaction(async (tx) => {
    const me = await actorRow(tx, user.id);
    if (!me.verified) throw new AppError("forbidden", "email_unverified");
    if (me.organizationId) throw new AppError("conflict", "already_member");
    if (await tx.membershipRequest.count({ where: { userId: me.id, status: "PENDING" } }))
      throw new AppError("conflict", "request_pending");
    const org = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, name: true, type: true },
    });
    if (!org || org.type === "STATE_AGENCY") throw new AppError("not_found");
    return start(
      tx,
      MEMBERSHIP_WORKFLOW,
      { organizationId: org.id, userId: me.id, message: input.message || null },
      {
        actor: "requester",
        audit: ctx,
        action: "membership.request",
        entityType: "membership_request",
        after: { organizationId: org.id, userId: me.id, status: "PENDING" },
        effects: () => notifyMembershipRequested(tx, org, me.name),
      },
    );
  });
}

/** The requester withdraws their own pending request (anyone else's, or a decided one: not found). */
export async function cancelMembershipRequest(ctx: AuditContext, user: Principal, requestId: string) {
  return workflowTransaction(async (tx) => {
    const req = await tx.membershipRequest.findFirst({ where: { id: requestId, userId: user.id, status: "PENDING" } });
    if (!req) throw new AppError("not_found");
    await cancelRequest(tx, ctx, req, new Date());
    return null;
  });
}

/**
 * Approves (the requester becomes a MEMBER) or rejects a pending request. Allowed to the
 * organization's administrator, and to the operator only while the organization has none.
 */
export async function decideMembershipRequest(
  ctx: AuditContext,
  user: Principal,
  input: { requestId: string; decision: "approve" | "reject"; note?: string | null },
) {
  if (!can(user, "membership:manage-own") && !can(user, "membership:decide-orphan")) throw new AppError("not_found");
  return workflowTransaction(async (tx) => {
    const req = await tx.membershipRequest.findUnique({ where: { id: input.requestId } });
    if (!req) throw new AppError("not_found");
    const org = await lockOrganization(tx, req.organizationId);
    if (!org) throw new AppError("not_found");
    const actor = await actorRow(tx, user.id);
    const admins = await organizationAdminIds(tx, org.id);
    const isAdmin = can(user, "membership:manage-own") && actor.organizationId === org.id && actor.orgRole === "ADMIN";
    const isOrphanOperator = can(user, "membership:decide-orphan") && admins.length === 0;
    if (!isAdmin && !isOrphanOperator) throw new AppError("not_found");

    const approve = input.decision === "approve";
    // The requester's row is locked before the request's, in the order acceptInvite takes them.
    const requester = approve ? await actorRow(tx, req.userId).catch(() => null) : null;
    const move = await transition(tx, MEMBERSHIP_WORKFLOW, req, input.decision, {
      actor: isAdmin ? "org_admin" : "operator",
      audit: ctx,
      action: approve ? "membership.approve" : "membership.reject",
      entityType: "membership_request",
      data: { decidedById: user.id, decidedAt: new Date(), decisionNote: input.note || null },
      after: {
        status: approve ? "APPROVED" : "REJECTED",
        userId: req.userId,
        organizationId: org.id,
        ...(approve ? { orgRole: "MEMBER" } : {}),
      },
      reason: input.note || null,
      effects: async () => {
        if (!approve) {
          await notify(tx, {
            userIds: [req.userId],
            type: "membership.rejected",
            params: { organization: org.name, note: input.note || "—" },
            link: "/account/organization",
          });
          return;
        }
        if (!requester) throw new AppError("invalid_state", "requester_inactive");
        if (!requester.verified) throw new AppError("invalid_state", "requester_unverified");
        const { count } = await tx.user.updateMany({
          where: { id: req.userId, organizationId: null },
          data: { organizationId: org.id, orgRole: "MEMBER" },
        });
        if (count !== 1) throw new AppError("invalid_state", "requester_has_organization");
        await notify(tx, {
          userIds: [req.userId],
          type: "membership.approved",
          params: { organization: org.name },
          link: "/account",
        });
      },
    });
    return move.to;
  });
}

/**
 * Invites an address to the administrator's organization: a random token whose SHA-256 alone is
 * stored, valid 7 days, e-mailed as a link. A new invitation to the same address replaces the old.
 * Returns the token for the caller's tests; actions never show it.
 */
export async function inviteMember(ctx: AuditContext, user: Principal, input: { email: string }) {
  assertEmailVerified(user);
  return audited(ctx, async (tx) => {
    const { org, actor } = await administeredOrganization(tx, user);
    if (org.type === "STATE_AGENCY") throw new AppError("forbidden");
    const email = input.email.normalize("NFC").trim().toLowerCase();
    const existing = await tx.user.findUnique({
      where: { email },
      select: { organizationId: true, locale: true, name: true },
    });
    if (existing?.organizationId === org.id) throw new AppError("conflict", "already_member");
    const since = new Date(Date.now() - 86_400_000);
    if (
      (await tx.organizationInvite.count({ where: { organizationId: org.id, createdAt: { gte: since } } })) >=
      INVITES_PER_ORG_PER_DAY
    ) {
      throw new AppError("rate_limited", "rate_limited");
    }
    const now = new Date();
    await tx.organizationInvite.updateMany({
      where: { organizationId: org.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const token = newToken();
    const invite = await tx.organizationInvite.create({
      data: {
        organizationId: org.id,
        email,
        tokenHash: tokenHash(token),
        invitedById: actor.id,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      },
    });
    await queueAccountEmail(tx, {
      to: email,
      name: existing?.name ?? null,
      locale: existing?.locale ?? null,
      type: "organization.invite",
      params: { organization: org.name, inviter: actor.name },
      link: `/invite?token=${token}`,
    });
    return {
      result: { id: invite.id, token },
      audit: {
        action: "membership.invite",
        entityType: "organization_invite",
        entityId: invite.id,
        after: { organizationId: org.id, email, expiresAt: invite.expiresAt },
      },
    };
  });
}

/** The administrator withdraws an invitation that was not accepted yet. */
export async function revokeInvite(ctx: AuditContext, user: Principal, inviteId: string) {
  return audited(ctx, async (tx) => {
    const { org } = await administeredOrganization(tx, user);
    const { count } = await tx.organizationInvite.updateMany({
      where: { id: inviteId, organizationId: org.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) throw new AppError("not_found");
    return {
      result: null,
      audit: {
        action: "membership.revoke_invite",
        entityType: "organization_invite",
        entityId: inviteId,
        after: { revoked: true },
      },
    };
  });
}

/**
 * The signed-in user accepts an invitation sent to their own, confirmed address. Any other
 * account, an expired, used or withdrawn invitation answers not-found.
 */
export async function acceptInvite(ctx: AuditContext, user: Principal, token: string) {
  assertCan(user, "membership:request");
  assertEmailVerified(user);
  return audited(ctx, async (tx) => {
    const me = await actorRow(tx, user.id);
    if (!me.verified) throw new AppError("forbidden", "email_unverified");
    const now = new Date();
    const invite = await tx.organizationInvite.findFirst({
      where: { tokenHash: tokenHash(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    });
    if (!invite || invite.email !== me.email) throw new AppError("not_found");
    const org = await lockOrganization(tx, invite.organizationId);
    if (!org || org.type === "STATE_AGENCY") throw new AppError("not_found");
    if (me.organizationId) throw new AppError("conflict", "already_member");
    const { count } = await tx.organizationInvite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now },
    });
    if (count !== 1) throw new AppError("not_found");
    await tx.user.update({ where: { id: me.id }, data: { organizationId: org.id, orgRole: "MEMBER" } });
    // Joined by invitation: a request still waiting elsewhere is withdrawn (each audited on its own).
    for (const req of await tx.membershipRequest.findMany({ where: { userId: me.id, status: "PENDING" } })) {
      await cancelRequest(tx, ctx, req, now);
    }
    await notify(tx, {
      userIds: await organizationAdminIds(tx, org.id),
      type: "membership.joined",
      params: { name: me.name, organization: org.name },
      link: MEMBERS_LINK,
    });
    return {
      result: { organizationId: org.id },
      audit: {
        action: "membership.accept_invite",
        entityType: "organization_invite",
        entityId: invite.id,
        after: { userId: me.id, organizationId: org.id, orgRole: "MEMBER" },
      },
    };
  });
}

/**
 * Removes a member (an administrator), or lets a member leave (themselves). The last
 * administrator can do neither to themselves: they hand the role on first.
 */
export async function removeMember(ctx: AuditContext, user: Principal, memberId: string) {
  assertCan(user, "membership:manage-own", { organizationId: user.organizationId });
  return audited(ctx, async (tx) => {
    const org = user.organizationId ? await lockOrganization(tx, user.organizationId) : null;
    const actor = await actorRow(tx, user.id);
    if (!org || actor.organizationId !== org.id) throw new AppError("not_found");
    if (memberId !== actor.id && actor.orgRole !== "ADMIN") throw new AppError("not_found");
    const target = await tx.user.findFirst({
      where: { id: memberId, organizationId: org.id },
      select: { id: true, orgRole: true },
    });
    if (!target) throw new AppError("not_found");
    if (
      target.orgRole === "ADMIN" &&
      (await organizationAdminIds(tx, org.id)).filter((id) => id !== target.id).length === 0
    ) {
      throw new AppError("invalid_state", "last_admin");
    }
    await tx.user.update({ where: { id: target.id }, data: { organizationId: null, orgRole: null } });
    await notify(tx, {
      userIds: [target.id],
      type: "membership.removed",
      params: { organization: org.name },
      link: "/account",
    });
    return {
      result: null,
      audit: {
        action: "membership.remove",
        entityType: "user",
        entityId: target.id,
        before: { organizationId: org.id, orgRole: target.orgRole },
        after: { organizationId: null, orgRole: null },
      },
    };
  });
}

/** The administrator hands the role to another (confirmed) member and becomes a member. */
export async function transferAdmin(ctx: AuditContext, user: Principal, memberId: string) {
  return audited(ctx, async (tx) => {
    const { org, actor } = await administeredOrganization(tx, user);
    if (memberId === actor.id) throw new AppError("invalid_state", "invalid_state");
    const target = await tx.user.findFirst({
      where: { id: memberId, organizationId: org.id, status: "ACTIVE" },
      select: { id: true, emailVerifiedAt: true },
    });
    if (!target) throw new AppError("not_found");
    if (!target.emailVerifiedAt) throw new AppError("invalid_state", "member_unverified");
    await tx.user.update({ where: { id: target.id }, data: { orgRole: "ADMIN" } });
    await tx.user.update({ where: { id: actor.id }, data: { orgRole: "MEMBER" } });
    await notify(tx, {
      userIds: [target.id],
      type: "membership.admin_transferred",
      params: { organization: org.name },
      link: MEMBERS_LINK,
    });
    return {
      result: null,
      audit: [
        {
          action: "membership.transfer_admin",
          entityType: "organization",
          entityId: org.id,
          before: { admin: actor.id },
          after: { admin: target.id },
        },
      ],
    };
  });
}
