import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AttachmentList } from "@/components/catalog/attachment-list";
import { ExpressInterest } from "@/components/catalog/express-interest";
import { JsonLdScript } from "@/components/catalog/json-ld-script";
import { ListingHeader } from "@/components/catalog/listing-header";
import { OfferFacts } from "@/components/catalog/offer-facts";
import { OrganizationBox } from "@/components/catalog/organization-box";
import { PlainText } from "@/components/catalog/plain-text";
import { PublicMatches } from "@/components/matching/public-matches";
import { Badge } from "@/components/ui/badge";
import { offerJsonLd } from "@/lib/catalog/json-ld";
import { publishedOfferBySlug, type OfferDetail } from "@/lib/catalog/offers";
import { pick } from "@/lib/i18n/pick";
import { pageAlternates, pageUrl, publicBaseUrl, toLocale } from "@/lib/seo/urls";

// Withdrawn or expired offers must disappear at once: always rendered from the database.
export const dynamic = "force-dynamic";

async function load(params: PageProps<"/[locale]/technologies/[slug]">["params"]) {
  const { locale, slug } = await params;
  const offer = slug.length <= 200 ? await publishedOfferBySlug(slug) : null;
  return { locale, offer };
}

export async function generateMetadata({ params }: PageProps<"/[locale]/technologies/[slug]">): Promise<Metadata> {
  const { locale, offer } = await load(params);
  if (!offer) return {};
  const title = pick(locale, offer.titleVi, offer.titleEn);
  const description = pick(locale, offer.summaryVi, offer.summaryEn);
  const path = `/technologies/${offer.slug}`;
  const image = offer.attachments.find((a) => a.kind === "IMAGE");
  const alternates = pageAlternates(locale, path);
  return {
    title,
    description,
    alternates,
    openGraph: {
      type: "article",
      title,
      description,
      url: alternates.canonical,
      locale: locale === "en" ? "en_US" : "vi_VN",
      publishedTime: offer.publishedAt?.toISOString(),
      modifiedTime: offer.updatedAt.toISOString(),
      ...(image ? { images: [{ url: `/api/files/${image.id}`, alt: image.filename }] } : {}),
    },
  };
}

function jsonLd(locale: string, offer: OfferDetail) {
  return offerJsonLd({
    name: pick(locale, offer.titleVi, offer.titleEn),
    description: pick(locale, offer.summaryVi, offer.summaryEn),
    url: pageUrl(toLocale(locale), `/technologies/${offer.slug}`),
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
    images: offer.attachments
      .filter((a) => a.kind === "IMAGE")
      .map((a) => new URL(`/api/files/${a.id}`, publicBaseUrl()).toString()),
  });
}

export default async function OfferPage({ params }: PageProps<"/[locale]/technologies/[slug]">) {
  const { locale, offer } = await load(params);
  setRequestLocale(locale);
  if (!offer) notFound();
  const t = await getTranslations("catalog");
  const tl = await getTranslations("listing");

  return (
    <article className="space-y-8">
      <JsonLdScript data={jsonLd(locale, offer)} />
      <ListingHeader
        backHref="/technologies"
        backLabel={t("offers.back")}
        title={pick(locale, offer.titleVi, offer.titleEn)}
        summary={pick(locale, offer.summaryVi, offer.summaryEn)}
        badges={
          <>
            <Badge tone="brand" className="whitespace-normal!">
              {pick(locale, offer.sector.nameVi, offer.sector.nameEn)}
            </Badge>
            <Badge tone="info">{tl("trlShort", { level: offer.trl })}</Badge>
            {offer.organization.verificationStatus === "VERIFIED" && <Badge tone="success">{tl("verified")}</Badge>}
            {offer.screening === "ENCOURAGED" && <Badge tone="warning">{tl("encouraged")}</Badge>}
          </>
        }
      />
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-8">
          <section aria-labelledby="description-heading">
            <h2 id="description-heading" className="mb-3 text-lg font-semibold">
              {t("detail.description")}
            </h2>
            <PlainText text={offer.description} />
          </section>
          {offer.applicationAreas && (
            <section aria-labelledby="areas-heading">
              <h2 id="areas-heading" className="mb-3 text-lg font-semibold">
                {t("detail.applicationAreas")}
              </h2>
              <PlainText text={offer.applicationAreas} />
            </section>
          )}
          {offer.advantages && (
            <section aria-labelledby="advantages-heading">
              <h2 id="advantages-heading" className="mb-3 text-lg font-semibold">
                {t("detail.advantages")}
              </h2>
              <PlainText text={offer.advantages} />
            </section>
          )}
          <AttachmentList attachments={offer.attachments} />
          <PublicMatches kind="offer" id={offer.id} />
        </div>
        <aside className="space-y-4">
          <ExpressInterest />
          <OrganizationBox organization={offer.organization} />
          <section aria-labelledby="facts-heading" className="rounded-lg border border-border bg-white p-4 shadow-sm">
            <h2 id="facts-heading" className="text-base font-semibold">
              {t("detail.facts")}
            </h2>
            <OfferFacts offer={offer} />
          </section>
        </aside>
      </div>
    </article>
  );
}
