"use server";

import { resendVerification, verifyEmail } from "@/lib/accounts/verification";
import { fieldErrorsOf, VerifyEmailSchema } from "@/lib/auth/schemas";
import { getCurrentUser, requestMeta } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { formToObject } from "@/lib/forms";

/** Confirms the address of the link's token (the page posts it back; opening the link changes nothing). */
export async function verifyEmailAction(
  _prev: ActionResult<{ email: string }>,
  formData: FormData,
): Promise<ActionResult<{ email: string }>> {
  const parsed = VerifyEmailSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), formError: "invalid_link" };
  try {
    return { ok: true, data: await verifyEmail(parsed.data.token, await requestMeta()) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: "invalid_link" };
    throw error;
  }
}

/** Sends the signed-in user a fresh verification link. */
export async function resendVerificationAction(): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    await resendVerification(user, await requestMeta());
    return { ok: true, message: "resent" };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
}
