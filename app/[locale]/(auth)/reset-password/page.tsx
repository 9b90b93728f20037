import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { resetTokenValid } from "@/lib/accounts/password-reset";
import { LinkTokenSchema } from "@/lib/auth/schemas";
import { Link } from "@/lib/i18n/navigation";
import { resetPasswordAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("reset.title"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params, searchParams }: PageProps<"/[locale]/reset-password">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  const token = LinkTokenSchema.safeParse((await searchParams).token);
  const valid = token.success && (await resetTokenValid(token.data));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{t("reset.title")}</h1>
      <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
        {valid ? (
          <ResetPasswordForm token={token.data!} action={resetPasswordAction} />
        ) : (
          <Alert tone="danger">
            {t("reset.errors.invalid_link")}{" "}
            <Link href="/forgot-password" className="underline">
              {t("reset.again")}
            </Link>
          </Alert>
        )}
      </div>
    </div>
  );
}
