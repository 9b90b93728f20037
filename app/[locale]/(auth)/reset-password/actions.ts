"use server";

import { resetPassword } from "@/lib/accounts/password-reset";
import { formAction } from "@/lib/actions";
import { ResetPasswordSchema } from "@/lib/auth/schemas";

/** Sets the new password of a reset link; every older session of the account ends. */
export const resetPasswordAction = formAction({
  name: "resetPassword",
  namespace: "auth.reset",
  auth: "public",
  form: { schema: ResetPasswordSchema, hidden: ["token"] },
  run: async ({ input, audit }) => {
    await resetPassword(input, audit.request);
    return { message: "done" };
  },
});
