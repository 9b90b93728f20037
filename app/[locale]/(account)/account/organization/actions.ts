"use server";

import { revalidatePath } from "next/cache";
import { fieldErrorsOf } from "@/lib/auth/schemas";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { saveAttachment } from "@/lib/files/mutations";
import { formToObject } from "@/lib/forms";
import { requestVerification, updateOwnOrganization } from "@/lib/organizations/mutations";
import { OrganizationProfileSchema } from "@/lib/organizations/schemas";

const expected = (error: unknown): ActionResult => {
  if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
  throw error;
};

export async function updateOrganizationAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = OrganizationProfileSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const user = await getCurrentUser();
  try {
    const result = await updateOwnOrganization(await auditContext(user, "organization:manage-own"), user!, parsed.data);
    revalidatePath("/[locale]/account/organization", "page");
    return { ok: true, message: result.verificationReset ? "org_saved_unverified" : "saved" };
  } catch (error) {
    return expected(error);
  }
}

export async function requestVerificationAction(): Promise<ActionResult> {
  const user = await getCurrentUser();
  try {
    await requestVerification(await auditContext(user, "organization:manage-own"), user!);
    revalidatePath("/[locale]/account/organization", "page");
    return { ok: true, message: "verification_requested" };
  } catch (error) {
    return expected(error);
  }
}

/** A verification document (establishment decision, business registration) for the operator. */
export async function uploadOrganizationDocumentAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  const file = formData.get("file");
  // The browser already found the file too large and did not send it.
  if (formData.get("tooLarge") === "1") return { ok: false, fieldErrors: { file: ["too_large"] } };
  if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: ["file_required"] } };
  try {
    if (!user?.organizationId) throw new AppError("not_found");
    await saveAttachment(await auditContext(user, "organization:manage-own"), { file, uploadedById: user.id, target: { organizationId: user.organizationId }, kind: "DOCUMENT" });
    revalidatePath("/[locale]/account/organization", "page");
    return { ok: true, message: "uploaded" };
  } catch (error) {
    if (error instanceof AppError && (error.code === "too_large" || error.code === "unsupported_type")) return { ok: false, fieldErrors: { file: [error.code] } };
    return expected(error);
  }
}
