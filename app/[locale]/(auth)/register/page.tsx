import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { Link } from "@/lib/i18n/navigation";
import { organizationsForSignup } from "@/lib/organizations/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("registerTitle") };
}

export default async function RegisterPage({ params }: PageProps<"/[locale]/register">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  const organizations = await organizationsForSignup();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{t("registerTitle")}</h1>
      <p className="mb-6 mt-1 text-muted">{t("registerLead")}</p>
      <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
        <RegisterForm organizations={organizations} />
      </div>
      <p className="mt-4 text-center text-sm">
        {t("haveAccount")}{" "}
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t("loginLink")}
        </Link>
      </p>
    </div>
  );
}
