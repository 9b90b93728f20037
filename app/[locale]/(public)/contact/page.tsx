import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ContactCard } from "@/components/legal/contact-card";
import { RelatedLegalLinks } from "@/components/legal/related-links";
import { richText } from "@/components/legal/rich-text";
import { CONTACTS } from "@/lib/legal/contacts";
import { pageAlternates, toLocale } from "@/lib/seo/urls";

// Contacts are constants (lib/legal/contacts.ts): the same HTML for everybody, rendered on the first
// visit and then served from the cache.

export async function generateMetadata({ params }: PageProps<"/[locale]/contact">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "legal.contact" });
  return { title: t("title"), description: t("description"), alternates: pageAlternates(locale, "/contact") };
}

export default async function ContactPage({ params }: PageProps<"/[locale]/contact">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const lang = toLocale(locale);
  const t = await getTranslations("legal.contact");
  const rich = richText();
  const { operator, department, dataProtection } = CONTACTS;
  return (
    <article className="mx-auto max-w-prose min-w-0 space-y-6 wrap-break-word">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-lg text-muted">{t("description")}</p>
        {CONTACTS.demo && (
          <p className="rounded border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800">
            {t("demoNotice")}
          </p>
        )}
      </header>

      <ContactCard
        id="support"
        title={t("support.title")}
        intro={t.rich("support.intro", rich)}
        email={operator.email}
        phone={{ display: operator.phone, e164: operator.phoneE164 }}
        hours={t("support.hours", operator.hours)}
        address={operator.address[lang]}
      >
        <p className="text-sm text-muted">{t.rich("support.tip", rich)}</p>
      </ContactCard>

      <ContactCard
        id="department"
        title={t("department.title")}
        intro={t.rich("department.intro", rich)}
        email={department.email}
        phone={{ display: department.phone, e164: department.phoneE164 }}
        address={department.address[lang]}
      />

      <ContactCard
        id="data-protection"
        title={t("dataProtection.title")}
        intro={t.rich("dataProtection.intro", rich)}
        email={dataProtection.email}
      />

      <RelatedLegalLinks current="contact" />
    </article>
  );
}
