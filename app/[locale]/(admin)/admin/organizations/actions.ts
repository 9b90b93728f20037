"use server";

import { revalidatePath } from "next/cache";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { decideVerification } from "@/lib/organizations/mutations";
import { VerificationDecisionSchema } from "@/lib/organizations/schemas";

export async function decideVerificationAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = VerificationDecisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: { reason: ["invalid_input"] } };
  const { id, decision, reason } = parsed.data;
  if (decision === "reject" && !reason) return { ok: false, fieldErrors: { reason: ["reason_required"] } };
  const user = await getCurrentUser();
  try {
    await decideVerification(await auditContext(user, "organization:verify"), user!, id, decision, reason || undefined);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
  revalidatePath("/[locale]/admin/organizations", "page");
  return { ok: true, message: decision === "approve" ? "verified" : "rejected" };
}
