"use server";

import { revalidatePath } from "next/cache";
import { fieldErrorsOf } from "@/lib/auth/schemas";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { formToObject } from "@/lib/forms";
import { decideMembershipRequest } from "@/lib/organizations/membership";
import { decideLegalChange, decideVerification } from "@/lib/organizations/mutations";
import { MembershipDecisionSchema, VerificationDecisionSchema } from "@/lib/organizations/schemas";

/** The operator decides a first verification, or a verified organization's change of legal fields. */
export async function decideVerificationAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = VerificationDecisionSchema.safeParse(formToObject(formData));
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    return { ok: false, fieldErrors: { reason: errors.reason ?? ["invalid_input"] } };
  }
  const { id, decision, reason, kind } = parsed.data;
  if (decision === "reject" && !reason) return { ok: false, fieldErrors: { reason: ["reason_required"] } };
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    const ctx = await auditContext(user, "organization:verify");
    if (kind === "legal") await decideLegalChange(ctx, user, { id, decision, note: reason });
    else await decideVerification(ctx, user, id, decision, reason);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
  revalidatePath("/[locale]/admin/organizations", "page");
  return { ok: true, message: decision === "approve" ? "verified" : "rejected" };
}

/** The operator decides a request to join an organization that has no administrator. */
export async function decideOrphanMembershipAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = MembershipDecisionSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    await decideMembershipRequest(await auditContext(user, "membership:decide-orphan"), user, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
  revalidatePath("/[locale]/admin/organizations", "page");
  return { ok: true, message: parsed.data.decision === "approve" ? "approved" : "rejected" };
}
