"use server";

import { revalidatePath } from "next/cache";
import { fieldErrorsOf } from "@/lib/auth/schemas";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { formToObject } from "@/lib/forms";
import { cancelMembershipRequest, requestMembership } from "@/lib/organizations/membership";
import { requestVerification, updateOwnOrganization } from "@/lib/organizations/mutations";
import { IdSchema, MembershipRequestSchema, OrganizationProfileSchema } from "@/lib/organizations/schemas";

const expected = (error: unknown): ActionResult => {
  if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
  throw error;
};

export async function updateOrganizationAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = OrganizationProfileSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    const result = await updateOwnOrganization(await auditContext(user, "organization:manage-own"), user, parsed.data);
    revalidatePath("/[locale]/account/organization", "page");
    return {
      ok: true,
      message: result.legalPending
        ? "org_saved_legal_pending"
        : result.reviewReset
          ? "org_saved_review_reset"
          : "saved",
    };
  } catch (error) {
    return expected(error);
  }
}

export async function requestVerificationAction(): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    await requestVerification(await auditContext(user, "organization:manage-own"), user);
    revalidatePath("/[locale]/account/organization", "page");
    return { ok: true, message: "verification_requested" };
  } catch (error) {
    return expected(error);
  }
}

/** A signed-in user without an organization asks to join one found by name. */
export async function requestMembershipAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = MembershipRequestSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    await requestMembership(await auditContext(user, "membership:request"), user, parsed.data);
    revalidatePath("/[locale]/account/organization", "page");
    return { ok: true, message: "requested" };
  } catch (error) {
    return expected(error);
  }
}

/** The requester withdraws their pending request. */
export async function cancelMembershipRequestAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = IdSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: {}, formError: "invalid_input" };
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    await cancelMembershipRequest(await auditContext(user, "membership:request"), user, parsed.data.id);
    revalidatePath("/[locale]/account/organization", "page");
    return { ok: true, message: "cancelled" };
  } catch (error) {
    return expected(error);
  }
}
