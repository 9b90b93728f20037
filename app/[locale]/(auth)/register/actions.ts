"use server";

import { getLocale } from "next-intl/server";
import { registerUser } from "@/lib/accounts/mutations";
import { callAction, formAction } from "@/lib/actions";
import { RegisterSchema } from "@/lib/auth/schemas";
import { redirect } from "@/lib/i18n/navigation";
import { searchOrganizationsToJoin } from "@/lib/organizations/queries";
import { OrganizationSearchSchema } from "@/lib/organizations/schemas";

/**
 * Registration: validate everything, create the account atomically, then the sign-in page. The
 * answer is the same whether or not the address already has an account.
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
    const query = {
      registered: "1",
      email: input.email,
      ...(input.callbackUrl ? { callbackUrl: input.callbackUrl } : {}),
    };
    redirect({ href: { pathname: "/login", query }, locale });
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
