"use server";

import { resendVerification, verifyEmail } from "@/lib/accounts/verification";
import { callAction, formAction } from "@/lib/actions";
import { VerifyEmailSchema } from "@/lib/auth/schemas";

/** Confirms the address of the link's token (the page posts it back; opening the link changes nothing). */
export const verifyEmailAction = formAction({
  name: "verifyEmail",
  namespace: "auth.verify",
  auth: "public",
  form: { schema: VerifyEmailSchema, hidden: ["token"] },
  run: async ({ input, audit }) => ({ data: await verifyEmail(input.token, audit.request) }),
});

/** Sends the signed-in user a fresh verification link. */
export const resendVerificationAction = callAction({
  name: "resendVerification",
  namespace: "auth.resend",
  run: async ({ user, audit }) => {
    await resendVerification(user, audit.request);
    return { message: "resent" };
  },
});
