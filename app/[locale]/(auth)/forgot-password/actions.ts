"use server";

import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { formAction } from "@/lib/actions";
import { ForgotPasswordSchema } from "@/lib/auth/schemas";

/** Always the same answer (unless the address is malformed): nothing reveals whether it has an account. */
export const forgotPasswordAction = formAction({
  name: "forgotPassword",
  namespace: "auth.forgot",
  auth: "public",
  form: { schema: ForgotPasswordSchema },
  run: async ({ input, audit }) => {
    await requestPasswordReset(input.email, audit.request);
    return { message: "sent" };
  },
});
