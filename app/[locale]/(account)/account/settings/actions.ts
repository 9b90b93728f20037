"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { changePassword, updateEmailPreferences, updateName } from "@/lib/accounts/settings";
import { ChangePasswordSchema, EmailPreferencesSchema, UpdateNameSchema } from "@/lib/accounts/settings-schemas";
import { formAction } from "@/lib/actions";

// The signed-in user's own account only: every action takes the user from the session, never an id
// from the form. No permission beyond being signed in (staff have the same settings as everyone).

/** Changes the display name (audited). */
export const updateNameAction = formAction({
  name: "updateName",
  namespace: "account.settings",
  form: { schema: UpdateNameSchema },
  run: async ({ input, user, audit }) => {
    const { changed } = await updateName(audit, user, input.name);
    // The header shows the name on every page.
    if (changed) revalidatePath("/[locale]", "layout");
    return { message: changed ? "saved" : "unchanged" };
  },
});

/**
 * Changes the password after checking the current one; every session ends, this one included, so
 * the form signs in again with the new password. No revalidation here: re-rendering the page with
 * the now stale session would send the user to the sign-in page before the form can do so.
 */
export const changePasswordAction = formAction({
  name: "changePassword",
  namespace: "account.settings",
  form: { schema: ChangePasswordSchema },
  run: async ({ input, user, audit }) => {
    const userAgent = (await headers()).get("user-agent");
    await changePassword(audit, user, input, { userAgent });
    return { message: "changed" };
  },
});

/** Which notifications are e-mailed (the ticked types; the others are opted out). */
export const updateEmailPreferencesAction = formAction({
  name: "updateEmailPreferences",
  namespace: "account.settings",
  form: { schema: EmailPreferencesSchema, arrays: ["email"] },
  run: async ({ input, user, audit }) => {
    const { changed } = await updateEmailPreferences(audit, user, input.email);
    if (changed) revalidatePath("/[locale]/account/settings");
    return { message: changed ? "saved" : "unchanged" };
  },
});
