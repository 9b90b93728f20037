import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { sectorName } from "@/components/catalog/expert-card";
import { ListingHeader } from "@/components/catalog/listing-header";
import { TextSection } from "@/components/catalog/text-section";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { publicExpertBySlug } from "@/lib/catalog/experts";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { Link } from "@/lib/i18n/navigation";
import { tagPage } from "@/lib/cache/page-tags";
import { tags } from "@/lib/cache/tags";
import { pick } from "@/lib/i18n/pick";
import { pageAlternates } from "@/lib/seo/urls";

// Cached (ISR) and tagged (lib/cache/tags.ts): a write in a request expires it at once; experts are
// loaded by the seed and imports (no write path yet), so they refresh within `revalidate` seconds (= PUBLIC_PAGE_SECONDS).
export const revalidate = 60;

/** None at build time (there is no database then): each page is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

async function load(params: PageProps<"/[locale]/experts/[slug]">["params"]) {
  const { locale, slug } = await params;
  return { locale, expert: slug.length <= 160 ? await publicExpertBySlug(slug) : null };
}

export async function generateMetadata({ params }: PageProps<"/[locale]/experts/[slug]">): Promise<Metadata> {
  const { locale, expert } = await load(params);
  if (!expert) return {};
  return {
    title: expert.title ? `${expert.title} ${expert.name}` : expert.name,
    description: pick(locale, expert.expertise, expert.expertiseEn).slice(0, 300),
    alternates: pageAlternates(locale, `/experts/${expert.slug}`),
  };
}

export default async function ExpertPage({ params }: PageProps<"/[locale]/experts/[slug]">) {
  const { locale, expert } = await load(params);
  setRequestLocale(locale);
  await tagPage([tags.experts]);
  if (!expert) notFound();
  const t = await getTranslations("experts");
  const taxonomy = await catalogTaxonomy();

  return (
    <article className="space-y-8">
      <ListingHeader
        backHref="/experts"
        backLabel={t("back")}
        title={expert.title ? `${expert.title} ${expert.name}` : expert.name}
        summary={
          expert.organization ? pick(locale, expert.organization.name, expert.organization.nameEn) : t("independent")
        }
        badges={expert.sectorCodes.map((code) => (
          <Badge key={code} tone="brand" className="whitespace-normal!">
            {sectorName(taxonomy, code, locale)}
          </Badge>
        ))}
      />
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-8">
          <TextSection
            id="expertise-heading"
            heading={t("expertise")}
            text={pick(locale, expert.expertise, expert.expertiseEn)}
          />
          {expert.bio && <TextSection id="bio-heading" heading={t("bio")} text={expert.bio} />}
        </div>
        <aside className="space-y-4">
          {expert.organization && (
            <section
              aria-labelledby="expert-org-heading"
              className="rounded-lg border border-border bg-white p-4 shadow-sm"
            >
              <h2 id="expert-org-heading" className="text-sm font-semibold text-muted">
                {t("organization")}
              </h2>
              <Link
                href={`/organizations/${expert.organization.slug}`}
                className="mt-2 block font-semibold text-brand-700 hover:underline"
              >
                {pick(locale, expert.organization.name, expert.organization.nameEn)}
              </Link>
            </section>
          )}
          <section aria-labelledby="contact-heading" className="rounded-lg border border-brand-200 bg-brand-50 p-4">
            <h2 id="contact-heading" className="text-base font-semibold">
              {t("contactTitle")}
            </h2>
            <p className="mt-2 text-sm text-muted">{t("contactNote")}</p>
            {/* The same link for everybody (the page is cached): a visitor signs in first and comes back. */}
            <Link
              href={`/account/experts/${expert.slug}/contact`}
              className={buttonClasses("primary", "md", "mt-3 w-full")}
            >
              {t("contactButton")}
            </Link>
          </section>
        </aside>
      </div>
    </article>
  );
}
