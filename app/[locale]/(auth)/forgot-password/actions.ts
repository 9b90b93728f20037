"use server";

import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { fieldErrorsOf, ForgotPasswordSchema } from "@/lib/auth/schemas";
import { requestMeta } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { formToObject } from "@/lib/forms";

/** Always the same answer (unless the address is malformed): nothing reveals whether it has an account. */
export async function forgotPasswordAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = ForgotPasswordSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  await requestPasswordReset(parsed.data.email, await requestMeta());
  return { ok: true, message: "sent" };
}
