import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ViewBeacon } from "@/components/analytics/view-beacon";
import { ListingDetail, listingMetadata, listingUrl } from "@/components/catalog/listing-detail";
import { OfferFacts } from "@/components/catalog/offer-facts";
import { priceLabel } from "@/components/offers/price-text";
import { publishedOfferBySlug, type OfferDetail } from "@/lib/catalog/details";
import { offerJsonLd } from "@/lib/catalog/json-ld";
import { tagPage } from "@/lib/cache/page-tags";
import { listingPageTags } from "@/lib/cache/tags";
import { pick } from "@/lib/i18n/pick";
import { pageUrl, publicBaseUrl, toLocale } from "@/lib/seo/urls";

// Cached (ISR) and tagged (lib/cache/tags.ts): a write in a request expires it at once; what jobs
// change (expiry, recomputed matches) shows within `revalidate` seconds (= PUBLIC_PAGE_SECONDS).
export const revalidate = 60;

/** None at build time (there is no database then): each page is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

type Params = PageProps<"/[locale]/technologies/[slug]">["params"];

async function load(params: Params) {
  const { locale, slug } = await params;
  return { locale, offer: await publishedOfferBySlug(slug) };
}

const images = (offer: OfferDetail) => offer.attachments.filter((a) => a.kind === "IMAGE");

export async function generateMetadata({ params }: PageProps<"/[locale]/technologies/[slug]">): Promise<Metadata> {
  const { locale, offer } = await load(params);
  if (!offer) return {};
  return listingMetadata("offer", locale, offer, pick(locale, offer.summaryVi, offer.summaryEn), images(offer)[0]);
}

function jsonLd(locale: string, offer: OfferDetail) {
  return offerJsonLd({
    name: pick(locale, offer.titleVi, offer.titleEn),
    description: pick(locale, offer.summaryVi, offer.summaryEn),
    url: listingUrl("offer", locale, offer.slug),
    category: pick(locale, offer.sector.nameVi, offer.sector.nameEn),
    keywords: offer.keywords,
    priceType: offer.priceType,
    priceMin: offer.priceMin === null ? null : Number(offer.priceMin),
    priceMax: offer.priceMax === null ? null : Number(offer.priceMax),
    trl: offer.trl,
    organization: {
      name: pick(locale, offer.organization.name, offer.organization.nameEn),
      url: pageUrl(toLocale(locale), `/organizations/${offer.organization.slug}`),
    },
    images: images(offer).map((a) => new URL(`/api/files/${a.id}`, publicBaseUrl()).toString()),
  });
}

export default async function OfferPage({ params }: PageProps<"/[locale]/technologies/[slug]">) {
  const { locale, offer } = await load(params);
  setRequestLocale(locale);
  await tagPage(listingPageTags("offer", offer));
  if (!offer) notFound();
  const t = await getTranslations("catalog.detail");
  return (
    <>
      {/* Counts the view in the owner's analytics (no personal data; lib/analytics). */}
      <ViewBeacon kind="offer" id={offer.id} />
      <ListingDetail
        kind="offer"
        locale={locale}
        listing={offer}
        jsonLd={jsonLd(locale, offer)}
        summary={pick(locale, offer.summaryVi, offer.summaryEn)}
        trl={offer.trl}
        sections={[
          { id: "description-heading", heading: t("description"), text: offer.description },
          { id: "areas-heading", heading: t("applicationAreas"), text: offer.applicationAreas },
          { id: "advantages-heading", heading: t("advantages"), text: offer.advantages },
        ]}
        facts={<OfferFacts offer={offer} />}
        price={{
          label: t("price"),
          value: await priceLabel({ type: offer.priceType, min: offer.priceMin, max: offer.priceMax }),
        }}
        expressPrice={offer.priceType === "FIXED" ? offer.priceMin : null}
      />
    </>
  );
}
