import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ExpertContactForm } from "@/components/experts/expert-contact-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { publicExpertBySlug } from "@/lib/catalog/experts";
import { Link } from "@/lib/i18n/navigation";
import { contactExpertAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("experts.contact"))("title"), robots: { index: false } };
}

/** "Liên hệ chuyên gia": a request for advice that reaches the expert through the exchange. */
export default async function ContactExpertPage({ params }: PageProps<"/[locale]/account/experts/[slug]/contact">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  const expert = slug.length <= 160 ? await publicExpertBySlug(slug) : null;
  if (!expert) notFound();
  const t = await getTranslations("experts.contact");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">
          {t("lead", { name: expert.title ? `${expert.title} ${expert.name}` : expert.name })}{" "}
          <Link href={`/experts/${expert.slug}`} className="text-brand-700 underline">
            {t("profile")}
          </Link>
        </p>
      </header>
      {!can(user, "expert:contact") ? (
        <Alert tone="info">{t("staff")}</Alert>
      ) : (
        <>
          {!user.emailVerified && <Alert tone="warning">{t("verifyEmailFirst")}</Alert>}
          <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
            <ExpertContactForm slug={expert.slug} action={contactExpertAction} />
          </div>
        </>
      )}
    </div>
  );
}
