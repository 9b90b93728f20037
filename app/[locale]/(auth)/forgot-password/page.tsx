import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Link } from "@/lib/i18n/navigation";
import { forgotPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("forgot.title"), robots: { index: false } };
}

export default async function ForgotPasswordPage({ params }: PageProps<"/[locale]/forgot-password">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("forgot.title")}</h1>
      <p className="mb-6 mt-1 text-muted">{t("forgot.lead")}</p>
      <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
        <ForgotPasswordForm action={forgotPasswordAction} />
      </div>
      <p className="mt-4 text-center text-sm">
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t("loginLink")}
        </Link>
      </p>
    </div>
  );
}
