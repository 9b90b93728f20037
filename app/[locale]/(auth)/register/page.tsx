import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { RegisterForm } from "@/components/auth/register-form";
import { signedInLanding } from "@/lib/accounts/landing";
import { safeCallbackPath } from "@/lib/auth/callback";
import { LinkTokenSchema } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { Link, redirect } from "@/lib/i18n/navigation";
import { LISTING_KIND } from "@/lib/listings/kinds";
import { inviteByToken } from "@/lib/organizations/queries";
import { registerAction, searchOrganizationsAction } from "./actions";

export const dynamic = "force-dynamic";

/**
 * `?role=` preselects the role of a new account (anything else is ignored); without it, coming back
 * to the demand form (by way of the sign-in page, which keeps only `callbackUrl`) means a seeker.
 */
const RegisterRoleSchema = z.enum(["PROVIDER", "SEEKER"]);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("registerTitle"), robots: { index: false } };
}

export default async function RegisterPage({ params, searchParams }: PageProps<"/[locale]/register">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const token = LinkTokenSchema.safeParse(query.invite);
  const callback = safeCallbackPath(query.callbackUrl);
  const role = RegisterRoleSchema.safeParse(query.role);
  // Already signed in: an invitation is accepted on its own page; otherwise go on as sign-in would.
  const user = await getCurrentUser();
  if (user) {
    const href = token.success
      ? { pathname: "/invite", query: { token: token.data } }
      : signedInLanding(user, callback);
    redirect({ href, locale });
  }
  const t = await getTranslations("auth");
  const invite = token.success ? await inviteByToken(token.data) : null;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{t("registerTitle")}</h1>
      <p className="mb-6 mt-1 text-muted">{t("registerLead")}</p>
      <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
        <RegisterForm
          invite={
            invite && token.success
              ? { token: token.data, organization: invite.organization.name, email: invite.email }
              : null
          }
          callbackPath={callback}
          defaultRole={role.success ? role.data : callback === LISTING_KIND.demand.newPath ? "SEEKER" : undefined}
          action={registerAction}
          searchOrganizations={searchOrganizationsAction}
        />
      </div>
      <p className="mt-4 text-center text-sm">
        {t("haveAccount")}{" "}
        <Link
          href={callback ? { pathname: "/login", query: { callbackUrl: callback } } : "/login"}
          className="font-medium text-brand-700 underline"
        >
          {t("loginLink")}
        </Link>
      </p>
    </div>
  );
}
