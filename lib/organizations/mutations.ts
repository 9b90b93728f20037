import "server-only";
import { diffFields } from "@/lib/audit/chain";
import type { AuditContext } from "@/lib/audit/context";
import { assertCan, assertEmailVerified, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { invalidate } from "@/lib/cache/invalidate";
import { organizationChanged } from "@/lib/cache/tags";
import { AppError } from "@/lib/errors";
import { Prisma, type Organization } from "@/lib/generated/prisma/client";
import type { OrgType, VerificationStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/mutations";
import { transition, workflowTransaction, type Workflow } from "@/lib/workflow/transition";
import type { OrganizationProfileInput } from "./schemas";
import {
  parsePendingLegal,
  VERIFICATION_MACHINE,
  type OrganizationActor,
  type VerificationEvent,
} from "./state-machine";

const PROFILE_FIELDS = ["description", "descriptionEn", "address", "location", "website"] as const;

/** The legal identity the operator verifies (LEGAL_FIELDS in ./schemas.ts). */
type Legal = {
  name: string;
  nameEn: string | null;
  taxCode: string | null;
  establishmentDecision: string | null;
  type: OrgType;
};

const legalOf = (org: Organization): Legal => ({
  name: org.name,
  nameEn: org.nameEn,
  taxCode: org.taxCode,
  establishmentDecision: org.establishmentDecision,
  type: org.type,
});
const sameLegal = (a: Legal, b: Legal) =>
  a.name === b.name &&
  a.nameEn === b.nameEn &&
  a.taxCode === b.taxCode &&
  a.establishmentDecision === b.establishmentDecision &&
  a.type === b.type;

type OrganizationData = Prisma.OrganizationUpdateManyMutationInput;

/**
 * The verification machine with the organizations table: a move is written only if the row still
 * has the version and verification status it was read with, and bumps the version, so a decision
 * never applies to legal values changed since the operator read them.
 */
export const ORGANIZATION_WORKFLOW: Workflow<
  VerificationStatus,
  VerificationEvent,
  OrganizationActor,
  Organization,
  OrganizationData
> = {
  machine: VERIFICATION_MACHINE,
  store: {
    field: "verificationStatus",
    stateOf: (org) => org.verificationStatus,
    write: async (tx, org, move) => {
      const { count } = await tx.organization.updateMany({
        where: { id: org.id, version: org.version, verificationStatus: move.from },
        data: { ...move.data, verificationStatus: move.to, version: { increment: 1 } },
      });
      return count;
    },
  },
};

/** The organization, locked for this transaction (edits and decisions on it run one after another). */
async function lockedOrganization(tx: Tx, id: string | null): Promise<Organization | null> {
  if (!id) return null;
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM organizations WHERE id = ${id}::uuid FOR UPDATE`;
  return locked ? tx.organization.findUnique({ where: { id: locked.id } }) : null;
}

/**
 * Members edit their organization's profile. The legal fields (name, tax code, establishment
 * decision, type) are the administrator's alone; on a verified organization a change waits in
 * `pendingLegal` for the operator, and everything public keeps the verified values meanwhile.
 * Throws AppError("forbidden", "legal_admin_only") when a member changes a legal field.
 */
export async function updateOwnOrganization(ctx: AuditContext, user: Principal, input: OrganizationProfileInput) {
  assertCan(user, "organization:manage-own", { organizationId: user.organizationId });
  const changed: { id: string | null } = { id: null };
  const result = await workflowTransaction(async (tx) => {
    const org = await lockedOrganization(tx, user.organizationId);
    const actor = await tx.user.findUnique({ where: { id: user.id }, select: { organizationId: true, orgRole: true } });
    if (!org || !actor || actor.organizationId !== org.id) throw new AppError("not_found");

    const current = legalOf(org);
    const pending: Legal = { ...current, ...parsePendingLegal(org.pendingLegal) };
    const submitted: Legal = {
      name: input.name,
      nameEn: input.nameEn ?? null,
      taxCode: input.taxCode ?? null,
      establishmentDecision: input.establishmentDecision ?? null,
      type: input.type ?? pending.type,
    };
    const isAdmin = actor.orgRole === "ADMIN";
    if (!sameLegal(submitted, pending) && !isAdmin) throw new AppError("forbidden", "legal_admin_only");

    const profile = {
      description: input.description ?? null,
      descriptionEn: input.descriptionEn ?? null,
      address: input.address ?? null,
      location: input.location,
      website: input.website ?? null,
    };
    const verified = org.verificationStatus === "VERIFIED";
    const legalPending = verified && !sameLegal(submitted, current);
    // Changed while the operator reviews it: the review would approve values nobody looked at.
    const reviewReset = org.verificationStatus === "PENDING" && !sameLegal(submitted, current);
    const event: VerificationEvent = reviewReset ? "withdraw" : "edit";
    const data: OrganizationData = {
      ...profile,
      ...(verified ? {} : submitted),
      pendingLegal: legalPending ? submitted : Prisma.DbNull,
    };
    const before = {
      ...Object.fromEntries(PROFILE_FIELDS.map((k) => [k, org[k]])),
      ...current,
      pendingLegal: org.pendingLegal,
      verificationStatus: org.verificationStatus,
    };
    const after = {
      ...profile,
      ...(verified ? current : submitted),
      pendingLegal: legalPending ? submitted : null,
      verificationStatus: reviewReset ? "UNVERIFIED" : org.verificationStatus,
    };
    await transition(tx, ORGANIZATION_WORKFLOW, org, event, {
      actor: isAdmin ? "org_admin" : "member",
      audit: ctx,
      action: "organization.update",
      entityType: "organization",
      data,
      ...diffFields(before, after),
    });
    changed.id = org.id;
    return { legalPending, reviewReset };
  });
  // The profile (and a status reset) is public at once; a pending legal change is not, until accepted.
  if (changed.id) invalidate(organizationChanged(changed.id));
  return result;
}

/**
 * The operator accepts (the verified organization takes the new legal fields) or rejects (they
 * are discarded, with a note the members read) a pending legal change.
 */
export async function decideLegalChange(
  ctx: AuditContext,
  user: Principal,
  input: { id: string; decision: "approve" | "reject"; note?: string | null },
) {
  assertCan(user, "organization:verify");
  if (input.decision === "reject" && !input.note) throw new AppError("validation", "reason_required");
  const outcome = await workflowTransaction(async (tx) => {
    const org = await lockedOrganization(tx, input.id);
    if (!org) throw new AppError("not_found");
    const current = legalOf(org);
    const proposed: Legal = { ...current, ...parsePendingLegal(org.pendingLegal) };
    const approve = input.decision === "approve";
    const data: OrganizationData = approve
      ? { ...proposed, pendingLegal: Prisma.DbNull, verifiedAt: new Date(), verificationNote: null }
      : { pendingLegal: Prisma.DbNull, verificationNote: input.note ?? null };
    await transition(tx, ORGANIZATION_WORKFLOW, org, approve ? "accept_legal" : "reject_legal", {
      actor: "operator",
      audit: ctx,
      action: approve ? "organization.legal_accept" : "organization.legal_reject",
      entityType: "organization",
      data,
      before: { ...current, pendingLegal: org.pendingLegal },
      after: approve ? proposed : current,
      reason: input.note ?? null,
      effects: () =>
        approve
          ? notify(tx, {
              organizationId: org.id,
              type: "organization.legal_accepted",
              params: { name: proposed.name },
              link: "/account/organization",
            })
          : notify(tx, {
              organizationId: org.id,
              type: "organization.legal_rejected",
              params: { name: org.name, reason: input.note ?? "" },
              link: "/account/organization",
            }),
    });
    return approve ? "accepted" : "rejected";
  });
  // Accepted: the public name and identity change. A rejection only leaves a note for the members.
  if (outcome === "accepted") invalidate(organizationChanged(input.id));
  return outcome;
}

/** Asks the operator to verify the organization: needs a tax code or an establishment decision. */
export async function requestVerification(ctx: AuditContext, user: Principal | null) {
  assertCan(user, "organization:manage-own", { organizationId: user?.organizationId ?? null });
  const requested: { id: string | null } = { id: null };
  await workflowTransaction(async (tx) => {
    const org = user.organizationId ? await tx.organization.findUnique({ where: { id: user.organizationId } }) : null;
    assertCan(user, "organization:manage-own", { organizationId: org?.id ?? null });
    if (!org) throw new AppError("not_found");
    assertEmailVerified(user);
    const actor = await tx.user.findUnique({ where: { id: user.id }, select: { orgRole: true } });
    if (actor?.orgRole !== "ADMIN") throw new AppError("forbidden", "legal_admin_only");
    if (!org.taxCode && !org.establishmentDecision) throw new AppError("validation", "identity_required");
    await transition(tx, ORGANIZATION_WORKFLOW, org, "request", {
      actor: "org_admin",
      audit: ctx,
      action: "organization.request_verification",
      entityType: "organization",
      data: { verificationNote: null },
    });
    requested.id = org.id;
    return null;
  });
  // The public page shows the verification status ("pending").
  if (requested.id) invalidate(organizationChanged(requested.id));
  return null;
}

/** The operator verifies (badge) or rejects, with a reason the members see. */
export async function decideVerification(
  ctx: AuditContext,
  user: Principal,
  id: string,
  decision: "approve" | "reject",
  reason?: string,
) {
  assertCan(user, "organization:verify");
  if (decision === "reject" && !reason) throw new AppError("validation", "reason_required");
  const status = await workflowTransaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id } });
    if (!org) throw new AppError("not_found");
    const approve = decision === "approve";
    const data = approve ? { verifiedAt: new Date(), verificationNote: null } : { verificationNote: reason ?? null };
    const move = await transition(tx, ORGANIZATION_WORKFLOW, org, approve ? "verify" : "reject", {
      actor: "operator",
      audit: ctx,
      action: approve ? "organization.verify" : "organization.reject_verification",
      entityType: "organization",
      data,
      after: { verificationStatus: approve ? "VERIFIED" : "REJECTED", ...data },
      reason,
      effects: () =>
        notify(tx, {
          organizationId: id,
          type: approve ? "organization.verified" : "organization.rejected",
          params: { name: org.name, reason: reason ?? "" },
          link: "/account/organization",
        }),
    });
    return move.to;
  });
  // Verified: the badge everywhere; rejected: the organization leaves the public directory.
  invalidate(organizationChanged(id));
  return status;
}
