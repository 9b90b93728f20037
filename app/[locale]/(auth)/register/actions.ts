"use server";

import { getLocale } from "next-intl/server";
import { registerUser } from "@/lib/accounts/mutations";
import { fieldErrorsOf, RegisterSchema } from "@/lib/auth/schemas";
import { requestMeta } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { formToObject } from "@/lib/forms";
import { redirect } from "@/lib/i18n/navigation";
import { OrganizationSearchSchema } from "@/lib/organizations/schemas";
import { searchOrganizationsToJoin, type JoinCandidate } from "@/lib/organizations/queries";

const FIELD_OF: Record<string, string> = { organization_not_found: "organizationId", invite_invalid: "inviteToken" };

/**
 * Registration: validate everything, create the account atomically, then the sign-in page. The
 * answer is the same whether or not the address already has an account.
 */
export async function registerAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const raw = formToObject(formData);
  const parsed = RegisterSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const locale = await getLocale();
  try {
    await registerUser(parsed.data, await requestMeta(), { locale: locale === "en" ? "en" : "vi" });
  } catch (error) {
    if (error instanceof AppError && FIELD_OF[error.message]) {
      return { ok: false, fieldErrors: { [FIELD_OF[error.message]!]: [error.message] } };
    }
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
  redirect({ href: { pathname: "/login", query: { registered: "1", email: parsed.data.email } }, locale });
  return { ok: true };
}

/** A handful of organizations matching a few letters of their name, for the "join" choice. */
export async function searchOrganizationsAction(query: unknown): Promise<JoinCandidate[]> {
  const parsed = OrganizationSearchSchema.safeParse(query);
  if (!parsed.success) return [];
  return searchOrganizationsToJoin(parsed.data);
}
