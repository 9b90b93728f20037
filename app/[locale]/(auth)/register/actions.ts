"use server";

import { getLocale } from "next-intl/server";
import { registerUser } from "@/lib/accounts/mutations";
import { fieldErrorsOf, RegisterSchema } from "@/lib/auth/schemas";
import { requestMeta } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";

const FIELD_OF: Record<string, string> = { email_taken: "email", organization_not_found: "organizationId" };

/** Registration: validate everything, create account + organization atomically, then sign-in page. */
export async function registerAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const raw = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const parsed = RegisterSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await registerUser(parsed.data, await requestMeta());
  } catch (error) {
    if (error instanceof AppError && FIELD_OF[error.message]) {
      return { ok: false, fieldErrors: { [FIELD_OF[error.message]!]: [error.message] } };
    }
    throw error;
  }
  const locale = await getLocale();
  redirect({ href: { pathname: "/login", query: { registered: "1", email: parsed.data.email } }, locale });
  return { ok: true };
}
