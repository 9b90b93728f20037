import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicMatches } from "@/components/matching/public-matches";
import { Badge } from "@/components/ui/badge";
import type { JsonLd } from "@/lib/catalog/json-ld";
import { pick } from "@/lib/i18n/pick";
import { pageAlternates, pageUrl, toLocale } from "@/lib/seo/urls";
import { AttachmentList, type AttachmentItem } from "./attachment-list";
import { ExpressInterest } from "./express-interest";
import { JsonLdScript } from "./json-ld-script";
import { ListingHeader } from "./listing-header";
import { OrganizationBox } from "./organization-box";
import { TextSection } from "./text-section";

/**
 * The public page of one published offer (`/technologies/<slug>`) or demand (`/demands/<slug>`).
 * Both kinds share the head, the layout, the badges, attachments, matches, the organization and the
 * call to action; what differs is in `KIND` or passed in by the page (texts, facts, structured data).
 */

export type ListingKind = "offer" | "demand";

const KIND = {
  offer: { path: "/technologies", back: "offers.back", trl: "trlShort", trlFact: "trl" },
  demand: { path: "/demands", back: "demands.back", trl: "trlMinShort", trlFact: "trlMin" },
} as const;

/** What the shared parts read of a listing of either kind. */
export interface ListingDetailData {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  screening: string;
  publishedAt: Date | null;
  updatedAt: Date;
  sector: { nameVi: string; nameEn: string };
  /** Null for a confidential demand. */
  organization: { name: string; nameEn: string | null; slug: string; type: string; verificationStatus: string } | null;
  attachments: AttachmentItem[];
}

/** The listing page's absolute URL in `locale` (for structured data). */
export function listingUrl(kind: ListingKind, locale: string, slug: string): string {
  return pageUrl(toLocale(locale), `${KIND[kind].path}/${slug}`);
}

/** Title, description, canonical and language links and the Open Graph preview of a listing page. */
export function listingMetadata(
  kind: ListingKind,
  locale: string,
  listing: ListingDetailData,
  description: string,
  /** The preview image, if any. */
  image?: AttachmentItem,
): Metadata {
  const title = pick(locale, listing.titleVi, listing.titleEn);
  const alternates = pageAlternates(locale, `${KIND[kind].path}/${listing.slug}`);
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
      publishedTime: listing.publishedAt?.toISOString(),
      modifiedTime: listing.updatedAt.toISOString(),
      ...(image ? { images: [{ url: `/api/files/${image.id}`, alt: image.filename }] } : {}),
    },
  };
}

export async function ListingDetail(props: {
  kind: ListingKind;
  locale: string;
  listing: ListingDetailData;
  jsonLd: JsonLd;
  summary: string | null;
  /** The technology readiness level: the offer's, or the lowest a demand accepts. */
  trl: number;
  /** The text blocks of the main column, in order; empty ones are left out. */
  sections: { id: string; heading: string; text: string | null }[];
  facts: ReactNode;
  /** The offer's price or the demand's budget, shown beside the call to action. */
  price: { label: string; value: string };
  /** An offer's fixed express-licence price, if it has one. */
  expressPrice?: bigint | null;
}) {
  const { kind, locale, listing } = props;
  const t = await getTranslations("catalog");
  const tl = await getTranslations("listing");
  const te = await getTranslations("enums");
  return (
    <article className="space-y-8">
      <JsonLdScript data={props.jsonLd} />
      <ListingHeader
        backHref={KIND[kind].path}
        backLabel={t(KIND[kind].back)}
        title={pick(locale, listing.titleVi, listing.titleEn)}
        summary={props.summary}
        badges={
          <>
            <Badge tone="brand" className="whitespace-normal!">
              {pick(locale, listing.sector.nameVi, listing.sector.nameEn)}
            </Badge>
            <Badge tone="info">{tl(KIND[kind].trl, { level: props.trl })}</Badge>
            {listing.organization?.verificationStatus === "VERIFIED" && <Badge tone="success">{tl("verified")}</Badge>}
            {listing.screening === "ENCOURAGED" && <Badge tone="warning">{tl("encouraged")}</Badge>}
          </>
        }
      />
      {/*
        On a phone the call to action, with the price and readiness, comes first, before the
        description; from lg it heads the side column, beside the text (which spans both rows, the
        second of them flexible so that the side column's boxes keep their own heights).
      */}
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr] lg:gap-y-4">
        <div className="lg:col-start-2 lg:row-start-1">
          <ExpressInterest
            kind={kind}
            slug={listing.slug}
            expressPrice={props.expressPrice ?? null}
            terms={[
              { ...props.price, testId: "key-price" },
              {
                label: t(`detail.${KIND[kind].trlFact}`),
                value: te("trlLevel", { level: props.trl, label: te(`trl.${props.trl}`) }),
                testId: "key-trl",
              },
            ]}
          />
        </div>
        <div className="space-y-8 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          {props.sections.map(
            (section) =>
              section.text && (
                <TextSection key={section.id} id={section.id} heading={section.heading} text={section.text} />
              ),
          )}
          <AttachmentList attachments={listing.attachments} />
          <PublicMatches kind={kind} id={listing.id} />
        </div>
        <aside className="space-y-4 lg:col-start-2 lg:row-start-2">
          <OrganizationBox organization={listing.organization} />
          <section aria-labelledby="facts-heading" className="rounded-lg border border-border bg-white p-4 shadow-sm">
            <h2 id="facts-heading" className="text-base font-semibold">
              {t("detail.facts")}
            </h2>
            {props.facts}
          </section>
        </aside>
      </div>
    </article>
  );
}
