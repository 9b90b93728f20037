import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LegalText } from "@/components/legal/legal-text";
import { RelatedLegalLinks } from "@/components/legal/related-links";
import { pageAlternates } from "@/lib/seo/urls";

// Text of the catalogue only: the same HTML for everybody, rendered on the first visit and then
// served from the cache.

export async function generateMetadata({ params }: PageProps<"/[locale]/about">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "legal.about" });
  return { title: t("title"), description: t("description"), alternates: pageAlternates(locale, "/about") };
}

export default async function AboutPage({ params }: PageProps<"/[locale]/about">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <LegalText name="about" anchorPrefix="about">
      <RelatedLegalLinks current="about" />
    </LegalText>
  );
}
