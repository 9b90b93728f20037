import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LegalText } from "@/components/legal/legal-text";
import { RelatedLegalLinks } from "@/components/legal/related-links";
import { pageAlternates } from "@/lib/seo/urls";

// A text of the catalogue, versioned in lib/legal/documents.ts: the same HTML for everybody, rendered
// on the first visit and then served from the cache (a new version comes with a new build).

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "legal.privacy" });
  return { title: t("title"), description: t("description"), alternates: pageAlternates(locale, "/privacy") };
}

export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <LegalText name="privacy" anchorPrefix="section" document="privacy" toc>
      <RelatedLegalLinks current="privacy" />
    </LegalText>
  );
}
