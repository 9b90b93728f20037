import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";
import { Alert } from "@/components/ui/alert";
import { LinkTokenSchema } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { verifyEmailAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("verify.title"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function VerifyEmailPage({ params, searchParams }: PageProps<"/[locale]/verify-email">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  const token = LinkTokenSchema.safeParse((await searchParams).token);
  const signedIn = (await getCurrentUser()) !== null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{t("verify.title")}</h1>
      <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
        {token.success ? (
          <VerifyEmailForm token={token.data} action={verifyEmailAction} signedIn={signedIn} />
        ) : (
          <Alert tone="danger">{t("verify.errors.invalid_link")}</Alert>
        )}
      </div>
    </div>
  );
}
