import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AttachmentList } from "@/components/catalog/attachment-list";
import { DemandFacts } from "@/components/catalog/demand-facts";
import { ExpressInterest } from "@/components/catalog/express-interest";
import { JsonLdScript } from "@/components/catalog/json-ld-script";
import { ListingHeader } from "@/components/catalog/listing-header";
import { OrganizationBox } from "@/components/catalog/organization-box";
import { PlainText } from "@/components/catalog/plain-text";
import { PublicMatches } from "@/components/matching/public-matches";
import { Badge } from "@/components/ui/badge";
import { publishedDemandBySlug, type DemandDetail } from "@/lib/catalog/demands";
import { demandJsonLd } from "@/lib/catalog/json-ld";
import { pick } from "@/lib/i18n/pick";
import { pageAlternates, pageUrl, toLocale } from "@/lib/seo/urls";

// Withdrawn or expired demands must disappear at once: always rendered from the database.
export const dynamic = "force-dynamic";

async function load(params: PageProps<"/[locale]/demands/[slug]">["params"]) {
  const { locale, slug } = await params;
  const demand = slug.length <= 200 ? await publishedDemandBySlug(slug) : null;
  return { locale, demand };
}

/** The summary when there is one, else the start of the description (demands may omit the summary). */
function summaryOf(locale: string, demand: DemandDetail): string {
  const summary = demand.summaryVi ? pick(locale, demand.summaryVi, demand.summaryEn) : demand.description;
  return summary.length > 300 ? `${summary.slice(0, 297)}…` : summary;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/demands/[slug]">): Promise<Metadata> {
  const { locale, demand } = await load(params);
  if (!demand) return {};
  const title = pick(locale, demand.titleVi, demand.titleEn);
  const description = summaryOf(locale, demand);
  const alternates = pageAlternates(locale, `/demands/${demand.slug}`);
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
      publishedTime: demand.publishedAt?.toISOString(),
      modifiedTime: demand.updatedAt.toISOString(),
    },
  };
}

export default async function DemandPage({ params }: PageProps<"/[locale]/demands/[slug]">) {
  const { locale, demand } = await load(params);
  setRequestLocale(locale);
  if (!demand) notFound();
  const t = await getTranslations("catalog");
  const tl = await getTranslations("listing");
  const ld = demandJsonLd({
    name: pick(locale, demand.titleVi, demand.titleEn),
    description: summaryOf(locale, demand),
    url: pageUrl(toLocale(locale), `/demands/${demand.slug}`),
    category: pick(locale, demand.sector.nameVi, demand.sector.nameEn),
    keywords: demand.keywords,
    budgetMin: demand.budgetMin === null ? null : Number(demand.budgetMin),
    budgetMax: demand.budgetMax === null ? null : Number(demand.budgetMax),
    deadline: demand.deadline ? demand.deadline.toISOString().slice(0, 10) : null,
  });

  return (
    <article className="space-y-8">
      <JsonLdScript data={ld} />
      <ListingHeader
        backHref="/demands"
        backLabel={t("demands.back")}
        title={pick(locale, demand.titleVi, demand.titleEn)}
        summary={demand.summaryVi ? pick(locale, demand.summaryVi, demand.summaryEn) : null}
        badges={
          <>
            <Badge tone="brand" className="whitespace-normal!">
              {pick(locale, demand.sector.nameVi, demand.sector.nameEn)}
            </Badge>
            <Badge tone="info">{tl("trlMinShort", { level: demand.trlMin })}</Badge>
            {demand.organization?.verificationStatus === "VERIFIED" && <Badge tone="success">{tl("verified")}</Badge>}
            {demand.screening === "ENCOURAGED" && <Badge tone="warning">{tl("encouraged")}</Badge>}
          </>
        }
      />
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-8">
          <section aria-labelledby="description-heading">
            <h2 id="description-heading" className="mb-3 text-lg font-semibold">
              {t("detail.problem")}
            </h2>
            <PlainText text={demand.description} />
          </section>
          <AttachmentList attachments={demand.attachments} />
          <PublicMatches kind="demand" id={demand.id} />
        </div>
        <aside className="space-y-4">
          <ExpressInterest />
          <OrganizationBox organization={demand.organization} />
          <section aria-labelledby="facts-heading" className="rounded-lg border border-border bg-white p-4 shadow-sm">
            <h2 id="facts-heading" className="text-base font-semibold">
              {t("detail.facts")}
            </h2>
            <DemandFacts demand={demand} />
          </section>
        </aside>
      </div>
    </article>
  );
}
