import { z } from "zod";
import { ConfirmPasswordSchema, PasswordSchema, PersonNameSchema, samePasswords } from "@/lib/auth/schemas";

/**
 * The account settings forms (/account/settings). Messages are catalog keys (`account.settings.
 * errors`, then `validation`). Server side only in practice: the password rules pull in the
 * strength dictionaries, which the browser does not need.
 */

export const UpdateNameSchema = z.object({ name: PersonNameSchema });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "required" }).min(1, "required").max(256, "too_long"),
    password: PasswordSchema,
    confirmPassword: ConfirmPasswordSchema,
  })
  .superRefine(samePasswords, { when: () => true });

export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/** The ticked boxes of the e-mail preferences form: the notification types to receive by e-mail. */
export const EmailPreferencesSchema = z.object({
  email: z.array(z.string().max(60, "invalid_input")).max(200, "invalid_input"),
});
