"use server";

import { resetPassword } from "@/lib/accounts/password-reset";
import { fieldErrorsOf, ResetPasswordSchema } from "@/lib/auth/schemas";
import { requestMeta } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { formToObject } from "@/lib/forms";

/** Sets the new password of a reset link; every older session of the account ends. */
export async function resetPasswordAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = ResetPasswordSchema.safeParse(formToObject(formData));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return fieldErrors.token ? { ok: false, fieldErrors: {}, formError: "invalid_link" } : { ok: false, fieldErrors };
  }
  try {
    await resetPassword(parsed.data, await requestMeta());
    return { ok: true, message: "done" };
  } catch (error) {
    if (error instanceof AppError && error.details?.fieldErrors)
      return { ok: false, fieldErrors: error.details.fieldErrors as Record<string, string[]> };
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
}
