import "server-only";
import { diffFields } from "@/lib/audit/chain";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, type Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import type { OrganizationProfileInput } from "./schemas";

const PROFILE_FIELDS = ["name", "nameEn", "description", "descriptionEn", "taxCode", "establishmentDecision", "address", "location", "website"] as const;

/** Members edit their organization's profile. Changing the legal identity clears a verification. */
export async function updateOwnOrganization(ctx: AuditContext, user: Principal, input: OrganizationProfileInput) {
  return audited(ctx, async (tx) => {
    const org = user.organizationId ? await tx.organization.findUnique({ where: { id: user.organizationId } }) : null;
    assertCan(user, "organization:manage-own", { organizationId: org?.id ?? null });
    const data = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, input[k] ?? null]));
    const identityChanged = org!.name !== data.name || org!.taxCode !== data.taxCode || org!.establishmentDecision !== data.establishmentDecision;
    const reset = identityChanged && org!.verificationStatus === "VERIFIED" ? { verificationStatus: "UNVERIFIED" as const, verifiedAt: null } : {};
    await tx.organization.update({ where: { id: org!.id }, data: { ...data, ...reset } });
    const before = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, org![k]]));
    return { result: { verificationReset: Boolean(reset.verificationStatus) }, audit: { action: "organization.update", entityType: "organization", entityId: org!.id, ...diffFields(before, { ...data, ...reset }) } };
  });
}

/** Asks the operator to verify the organization: needs a tax code or an establishment decision. */
export async function requestVerification(ctx: AuditContext, user: Principal) {
  return audited(ctx, async (tx) => {
    const org = user.organizationId ? await tx.organization.findUnique({ where: { id: user.organizationId } }) : null;
    assertCan(user, "organization:manage-own", { organizationId: org?.id ?? null });
    if (!org!.taxCode && !org!.establishmentDecision) throw new AppError("validation", "identity_required");
    if (org!.verificationStatus === "VERIFIED" || org!.verificationStatus === "PENDING") throw new AppError("invalid_state", "invalid_state");
    await tx.organization.update({ where: { id: org!.id }, data: { verificationStatus: "PENDING", verificationNote: null } });
    return { result: null, audit: { action: "organization.request_verification", entityType: "organization", entityId: org!.id, before: { verificationStatus: org!.verificationStatus }, after: { verificationStatus: "PENDING" } } };
  });
}

/** The operator verifies (badge) or rejects, with a reason the members see. */
export async function decideVerification(ctx: AuditContext, user: Principal, id: string, decision: "approve" | "reject", reason?: string) {
  assertCan(user, "organization:verify");
  if (decision === "reject" && !reason) throw new AppError("validation", "reason_required");
  return audited(ctx, async (tx) => {
    const org = await tx.organization.findUnique({ where: { id } });
    if (!org) throw new AppError("not_found");
    if (org.verificationStatus !== "PENDING") throw new AppError("invalid_state", "invalid_state");
    const data = decision === "approve"
      ? { verificationStatus: "VERIFIED" as const, verifiedAt: new Date(), verificationNote: null }
      : { verificationStatus: "REJECTED" as const, verificationNote: reason ?? null };
    const { count } = await tx.organization.updateMany({ where: { id, verificationStatus: "PENDING" }, data });
    if (count !== 1) throw new AppError("conflict", "conflict");
    await notify(tx, { organizationId: id, type: decision === "approve" ? "organization.verified" : "organization.rejected", params: { name: org.name, reason: reason ?? "" }, link: "/account/organization" });
    return { result: data.verificationStatus, audit: { action: `organization.${decision === "approve" ? "verify" : "reject_verification"}`, entityType: "organization", entityId: id, before: { verificationStatus: "PENDING" }, after: data, reason } };
  });
}
