import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { FactList } from "@/components/catalog/fact-list";
import { ListingHeader } from "@/components/catalog/listing-header";
import { locationName } from "@/components/catalog/location-options";
import { TextSection } from "@/components/catalog/text-section";
import { DemandCard } from "@/components/demands/demand-card";
import { OfferCard } from "@/components/offers/offer-card";
import { Badge } from "@/components/ui/badge";
import { organizationProfile } from "@/lib/catalog/organizations";
import { tagPage } from "@/lib/cache/page-tags";
import { tags } from "@/lib/cache/tags";
import { pick } from "@/lib/i18n/pick";
import { pageAlternates } from "@/lib/seo/urls";

// Cached (ISR) and tagged (lib/cache/tags.ts): a write in a request expires it at once; what jobs
// change (a listing's expiry) shows within `revalidate` seconds (= PUBLIC_PAGE_SECONDS).
export const revalidate = 60;

/** None at build time (there is no database then): each page is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

async function load(params: PageProps<"/[locale]/organizations/[slug]">["params"]) {
  const { locale, slug } = await params;
  return { locale, org: slug.length <= 160 ? await organizationProfile(slug) : null };
}

export async function generateMetadata({ params }: PageProps<"/[locale]/organizations/[slug]">): Promise<Metadata> {
  const { locale, org } = await load(params);
  if (!org) return {};
  const description = pick(locale, org.description ?? "", org.descriptionEn).slice(0, 300) || undefined;
  return {
    title: pick(locale, org.name, org.nameEn),
    description,
    alternates: pageAlternates(locale, `/organizations/${org.slug}`),
  };
}

export default async function OrganizationPage({ params }: PageProps<"/[locale]/organizations/[slug]">) {
  const { locale, org } = await load(params);
  setRequestLocale(locale);
  // Its listings' changes carry `org:<id>` too (listingChanged); a 404 waits for the directory to change.
  await tagPage(org ? [tags.organization(org.id)] : [tags.organizations]);
  if (!org) notFound();
  const t = await getTranslations("organizations");
  const to = await getTranslations("orgTypes");
  const tv = await getTranslations("verification");
  const format = await getFormatter();
  const description = org.description ? pick(locale, org.description, org.descriptionEn) : null;
  // Only http(s) links are rendered: a stored "javascript:" URL must never become clickable.
  const website = org.website && /^https?:\/\//i.test(org.website) ? org.website : null;

  return (
    <article className="space-y-8">
      <ListingHeader
        backHref="/organizations"
        backLabel={t("back")}
        title={pick(locale, org.name, org.nameEn)}
        badges={
          <>
            <Badge tone="brand">{to(org.type)}</Badge>
            {org.verificationStatus === "VERIFIED" && <Badge tone="success">{tv("VERIFIED")}</Badge>}
          </>
        }
      />
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          {description && <TextSection id="about-heading" heading={t("about")} text={description} />}
        </div>
        <section aria-labelledby="details-heading" className="rounded-lg border border-border bg-white p-4 shadow-sm">
          <h2 id="details-heading" className="text-base font-semibold">
            {t("details")}
          </h2>
          <FactList
            facts={[
              { label: t("address"), value: org.address },
              { label: t("location"), value: locationName(locale, org.location) },
              {
                label: t("website"),
                value: website && (
                  <a href={website} rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline">
                    {website}
                  </a>
                ),
              },
              {
                label: t("transfers"),
                testId: "fact-transfers",
                value:
                  t("completedTransfers", { count: org.completedTransfers }) +
                  (org.rating
                    ? ` · ${t("rating", { average: format.number(org.rating.average, { maximumFractionDigits: 1 }), count: org.rating.count })}`
                    : ""),
              },
              {
                label: t("verification"),
                testId: "fact-verification",
                value:
                  org.verificationStatus === "VERIFIED" && org.verifiedAt
                    ? t("verifiedOn", { date: format.dateTime(org.verifiedAt, "long") })
                    : tv(org.verificationStatus),
              },
            ]}
          />
        </section>
      </div>
      <section aria-labelledby="org-offers-heading">
        <h2 id="org-offers-heading" className="mb-4 text-xl font-semibold">
          {t("offers")} ({format.number(org.offerCount, "integer")})
        </h2>
        {org.offers.length === 0 ? (
          <p className="text-muted">{t("noOffers")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {org.offers.map((offer) => (
              <li key={offer.id}>
                <OfferCard offer={offer} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="org-demands-heading">
        <h2 id="org-demands-heading" className="mb-4 text-xl font-semibold">
          {t("demands")} ({format.number(org.demandCount, "integer")})
        </h2>
        {org.demands.length === 0 ? (
          <p className="text-muted">{t("noDemands")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {org.demands.map((demand) => (
              <li key={demand.id}>
                <DemandCard demand={demand} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm text-muted">{t("confidentialNote")}</p>
      </section>
    </article>
  );
}
