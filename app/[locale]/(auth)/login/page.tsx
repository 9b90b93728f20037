import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { signedInLanding } from "@/lib/accounts/landing";
import { safeCallbackPath } from "@/lib/auth/callback";
import { getCurrentUser } from "@/lib/auth/session";
import { Link, redirect } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("loginTitle"), robots: { index: false } };
}

export default async function LoginPage({ params, searchParams }: PageProps<"/[locale]/login">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  // Where to go after signing in: a page of this site that asked for it (lib/auth/callback.ts).
  const callback = safeCallbackPath(query.callbackUrl);
  // Already signed in: nothing to do here, go on to where the sign-in would have led.
  const user = await getCurrentUser();
  if (user) redirect({ href: signedInLanding(user, callback), locale });
  const t = await getTranslations("auth");
  const email = typeof query.email === "string" ? query.email.slice(0, 254) : "";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{t("loginTitle")}</h1>
      {query.registered === "1" && (
        <Alert tone="success" className="mb-4">
          {t("registeredNotice")}
        </Alert>
      )}
      <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
        <LoginForm defaultEmail={email} callbackPath={callback} />
        <p className="mt-4 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            {t("forgotLink")}
          </Link>
        </p>
      </div>
      <p className="mt-4 text-center text-sm">
        {t("noAccount")}{" "}
        <Link
          href={callback ? { pathname: "/register", query: { callbackUrl: callback } } : "/register"}
          className="font-medium text-brand-700 underline"
        >
          {t("registerLink")}
        </Link>
      </p>
    </div>
  );
}
