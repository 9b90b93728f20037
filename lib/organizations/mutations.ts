import "server-only";
import { diffFields } from "@/lib/audit/chain";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, assertEmailVerified, type Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/mutations";
import { LEGAL_FIELDS, type OrganizationProfileInput } from "./schemas";

const PROFILE_FIELDS = ["description", "descriptionEn", "address", "location", "website"] as const;
type LegalField = (typeof LEGAL_FIELDS)[number];
type Legal = Record<LegalField, string | null>;

const legalOf = (org: Record<LegalField, unknown>): Legal =>
  Object.fromEntries(LEGAL_FIELDS.map((k) => [k, (org[k] as string | null | undefined) ?? null])) as Legal;
const sameLegal = (a: Legal, b: Legal) => LEGAL_FIELDS.every((k) => a[k] === b[k]);

/**
 * Members edit their organization's profile. The legal fields (name, tax code, establishment
 * decision, type) are the administrator's alone; on a verified organization a change waits in
 * `pendingLegal` for the operator, and everything public keeps the verified values meanwhile.
 * Throws AppError("forbidden", "legal_admin_only") when a member changes a legal field.
 */
export async function updateOwnOrganization(ctx: AuditContext, user: Principal, input: OrganizationProfileInput) {
  assertCan(user, "organization:manage-own", { organizationId: user.organizationId });
  return audited(ctx, async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM organizations WHERE id = ${user.organizationId}::uuid FOR UPDATE`;
    const org = locked ? await tx.organization.findUnique({ where: { id: locked.id } }) : null;
    const actor = await tx.user.findUnique({ where: { id: user.id }, select: { organizationId: true, orgRole: true } });
    if (!org || actor?.organizationId !== org.id) throw new AppError("not_found");

    const current = legalOf(org);
    const pending = org.pendingLegal ? { ...current, ...(org.pendingLegal as Partial<Legal>) } : current;
    const submitted: Legal = {
      name: input.name,
      nameEn: input.nameEn ?? null,
      taxCode: input.taxCode ?? null,
      establishmentDecision: input.establishmentDecision ?? null,
      type: input.type ?? pending.type,
    };
    if (!sameLegal(submitted, pending) && actor.orgRole !== "ADMIN")
      throw new AppError("forbidden", "legal_admin_only");

    const profile = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, input[k] ?? null]));
    const verified = org.verificationStatus === "VERIFIED";
    const legalPending = verified && !sameLegal(submitted, current);
    // Changed while the operator reviews it: the review would approve values nobody looked at.
    const reviewReset =
      org.verificationStatus === "PENDING" && !sameLegal(submitted, current)
        ? { verificationStatus: "UNVERIFIED" as const }
        : {};
    const data = {
      ...profile,
      ...(verified ? {} : submitted),
      ...reviewReset,
      pendingLegal: legalPending ? (submitted as Prisma.InputJsonValue) : Prisma.DbNull,
    };
    await tx.organization.update({ where: { id: org.id }, data: data as Prisma.OrganizationUncheckedUpdateInput });
    const before = {
      ...Object.fromEntries(PROFILE_FIELDS.map((k) => [k, org[k]])),
      ...current,
      pendingLegal: org.pendingLegal,
    };
    const after = { ...profile, ...(verified ? current : submitted), pendingLegal: legalPending ? submitted : null };
    return {
      result: { legalPending, reviewReset: "verificationStatus" in reviewReset },
      audit: {
        action: "organization.update",
        entityType: "organization",
        entityId: org.id,
        ...diffFields(before, after),
      },
    };
  });
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
  return audited(ctx, async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM organizations WHERE id = ${input.id}::uuid FOR UPDATE`;
    const org = locked ? await tx.organization.findUnique({ where: { id: locked.id } }) : null;
    if (!org) throw new AppError("not_found");
    if (!org.pendingLegal) throw new AppError("invalid_state", "invalid_state");
    const current = legalOf(org);
    const proposed = { ...current, ...(org.pendingLegal as Partial<Legal>) };
    const approve = input.decision === "approve";
    const data = approve
      ? { ...proposed, pendingLegal: Prisma.DbNull, verifiedAt: new Date(), verificationNote: null }
      : { pendingLegal: Prisma.DbNull, verificationNote: input.note ?? null };
    await tx.organization.update({ where: { id: org.id }, data: data as Prisma.OrganizationUncheckedUpdateInput });
    if (approve) {
      await notify(tx, {
        organizationId: org.id,
        type: "organization.legal_accepted",
        params: { name: proposed.name ?? org.name },
        link: "/account/organization",
      });
    } else {
      await notify(tx, {
        organizationId: org.id,
        type: "organization.legal_rejected",
        params: { name: org.name, reason: input.note ?? "" },
        link: "/account/organization",
      });
    }
    return {
      result: approve ? "accepted" : "rejected",
      audit: {
        action: approve ? "organization.legal_accept" : "organization.legal_reject",
        entityType: "organization",
        entityId: org.id,
        before: { ...current, pendingLegal: org.pendingLegal },
        after: approve ? proposed : current,
        reason: input.note ?? null,
      },
    };
  });
}

/** Asks the operator to verify the organization: needs a tax code or an establishment decision. */
export async function requestVerification(ctx: AuditContext, user: Principal | null) {
  assertCan(user, "organization:manage-own", { organizationId: user?.organizationId ?? null });
  return audited(ctx, async (tx) => {
    const org = user.organizationId ? await tx.organization.findUnique({ where: { id: user.organizationId } }) : null;
    assertCan(user, "organization:manage-own", { organizationId: org?.id ?? null });
    assertEmailVerified(user);
    const actor = await tx.user.findUnique({ where: { id: user.id }, select: { orgRole: true } });
    if (actor?.orgRole !== "ADMIN") throw new AppError("forbidden", "legal_admin_only");
    if (!org!.taxCode && !org!.establishmentDecision) throw new AppError("validation", "identity_required");
    if (org!.verificationStatus === "VERIFIED" || org!.verificationStatus === "PENDING")
      throw new AppError("invalid_state", "invalid_state");
    await tx.organization.update({
      where: { id: org!.id },
      data: { verificationStatus: "PENDING", verificationNote: null },
    });
    return {
      result: null,
      audit: {
        action: "organization.request_verification",
        entityType: "organization",
        entityId: org!.id,
        before: { verificationStatus: org!.verificationStatus },
        after: { verificationStatus: "PENDING" },
      },
    };
  });
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
  return audited(ctx, async (tx) => {
    const org = await tx.organization.findUnique({ where: { id } });
    if (!org) throw new AppError("not_found");
    if (org.verificationStatus !== "PENDING") throw new AppError("invalid_state", "invalid_state");
    const data =
      decision === "approve"
        ? { verificationStatus: "VERIFIED" as const, verifiedAt: new Date(), verificationNote: null }
        : { verificationStatus: "REJECTED" as const, verificationNote: reason ?? null };
    const { count } = await tx.organization.updateMany({ where: { id, verificationStatus: "PENDING" }, data });
    if (count !== 1) throw new AppError("conflict", "conflict");
    await notify(tx, {
      organizationId: id,
      type: decision === "approve" ? "organization.verified" : "organization.rejected",
      params: { name: org.name, reason: reason ?? "" },
      link: "/account/organization",
    });
    return {
      result: data.verificationStatus,
      audit: {
        action: `organization.${decision === "approve" ? "verify" : "reject_verification"}`,
        entityType: "organization",
        entityId: id,
        before: { verificationStatus: "PENDING" },
        after: data,
        reason,
      },
    };
  });
}
