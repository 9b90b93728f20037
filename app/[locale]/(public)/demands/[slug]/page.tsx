import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { budgetLabel, DemandFacts } from "@/components/catalog/demand-facts";
import { ViewBeacon } from "@/components/analytics/view-beacon";
import { ListingDetail, listingMetadata, listingUrl } from "@/components/catalog/listing-detail";
import { publishedDemandBySlug, type DemandDetail } from "@/lib/catalog/details";
import { demandJsonLd } from "@/lib/catalog/json-ld";
import { tagPage } from "@/lib/cache/page-tags";
import { listingPageTags } from "@/lib/cache/tags";
import { pick } from "@/lib/i18n/pick";

// Cached (ISR) and tagged (lib/cache/tags.ts): a write in a request expires it at once; what jobs
// change (expiry, recomputed matches) shows within `revalidate` seconds (= PUBLIC_PAGE_SECONDS).
export const revalidate = 60;

/** None at build time (there is no database then): each page is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

type Params = PageProps<"/[locale]/demands/[slug]">["params"];

async function load(params: Params) {
  const { locale, slug } = await params;
  return { locale, demand: await publishedDemandBySlug(slug) };
}

/** The summary when there is one, else the start of the description (demands may omit the summary). */
function summaryOf(locale: string, demand: DemandDetail): string {
  const summary = demand.summaryVi ? pick(locale, demand.summaryVi, demand.summaryEn) : demand.description;
  return summary.length > 300 ? `${summary.slice(0, 297)}…` : summary;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/demands/[slug]">): Promise<Metadata> {
  const { locale, demand } = await load(params);
  if (!demand) return {};
  return listingMetadata("demand", locale, demand, summaryOf(locale, demand));
}

function jsonLd(locale: string, demand: DemandDetail) {
  return demandJsonLd({
    name: pick(locale, demand.titleVi, demand.titleEn),
    description: summaryOf(locale, demand),
    url: listingUrl("demand", locale, demand.slug),
    category: pick(locale, demand.sector.nameVi, demand.sector.nameEn),
    keywords: demand.keywords,
    budgetMin: demand.budgetMin === null ? null : Number(demand.budgetMin),
    budgetMax: demand.budgetMax === null ? null : Number(demand.budgetMax),
    deadline: demand.deadline ? demand.deadline.toISOString().slice(0, 10) : null,
  });
}

export default async function DemandPage({ params }: PageProps<"/[locale]/demands/[slug]">) {
  const { locale, demand } = await load(params);
  setRequestLocale(locale);
  await tagPage(listingPageTags("demand", demand));
  if (!demand) notFound();
  const t = await getTranslations("catalog.detail");
  return (
    <>
      {/* Counts the view in the owner's analytics (no personal data; lib/analytics). */}
      <ViewBeacon kind="demand" id={demand.id} />
      <ListingDetail
        kind="demand"
        locale={locale}
        listing={demand}
        jsonLd={jsonLd(locale, demand)}
        summary={demand.summaryVi ? pick(locale, demand.summaryVi, demand.summaryEn) : null}
        trl={demand.trlMin}
        sections={[{ id: "description-heading", heading: t("problem"), text: demand.description }]}
        facts={<DemandFacts demand={demand} />}
        price={{ label: t("budget"), value: await budgetLabel(demand) }}
      />
    </>
  );
}
