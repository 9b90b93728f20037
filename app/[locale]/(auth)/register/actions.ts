"use server";

import { getLocale } from "next-intl/server";
import { registerUser } from "@/lib/accounts/mutations";
import { callAction, formAction } from "@/lib/actions";
import { RegisterSchema } from "@/lib/auth/schemas";
import { searchOrganizationsToJoin } from "@/lib/organizations/queries";
import { OrganizationSearchSchema } from "@/lib/organizations/schemas";

/**
 * Registration: validate everything and create the account atomically. The answer is the same
 * whether or not the address already has an account; the form then signs in with what it holds
 * (components/auth/register-form.tsx), which only works for the account just created or for the
 * owner's own password.
 */
export const registerAction = formAction({
  name: "register",
  namespace: "auth.register",
  auth: "public",
  form: { schema: RegisterSchema, hidden: ["orgMode"] },
  errorFields: { organization_not_found: "organizationId", invite_invalid: "inviteToken" },
  run: async ({ input, audit }) => {
    const locale = await getLocale();
    await registerUser(input, audit.request, { locale: locale === "en" ? "en" : "vi" });
    return { message: "registered" };
  },
});

/** A handful of organizations matching a few letters of their name, for the "join" choice. */
export const searchOrganizationsAction = callAction({
  name: "searchOrganizations",
  namespace: "auth.register",
  auth: "public",
  args: [OrganizationSearchSchema],
  run: async ({ args: [query] }) => ({ data: await searchOrganizationsToJoin(query) }),
});
