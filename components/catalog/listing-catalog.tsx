import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import NextLink from "next/link";
import { demandCardView } from "@/components/demands/demand-card";
import { offerCardView } from "@/components/offers/offer-card";
import { SaveSearch, type SaveSearchAction } from "@/components/saved-searches/save-search";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { demandCatalog, offerCatalog } from "@/lib/catalog/catalog";
import type { QueryInput } from "@/lib/catalog/query-input";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { getPathname } from "@/lib/i18n/navigation";
import { LISTING_KIND } from "@/lib/listings/kinds";
import { DEMAND_SORTS, OFFER_SORTS } from "@/lib/search/filters";
import { pageAlternates } from "@/lib/seo/urls";
import { redirectToCanonical } from "./canonical-redirect";
import { CatalogPagination } from "./catalog-pagination";
import { CatalogShell } from "./catalog-shell";
import { clipText } from "./clip-text";
import { sectorName } from "./expert-card";
import { FILTER_FORM_ID, FilterForm } from "./filter-form";
import { ListingCardList } from "./listing-card-list";
import { ParamNotice } from "./param-notice";
import { SortSelect } from "./sort-select";

type Kind = "offer" | "demand";

const KIND = {
  offer: { pathname: "/technologies", ns: "offers", sorts: OFFER_SORTS },
  demand: { pathname: "/demands", ns: "demands", sorts: DEMAND_SORTS },
} as const;

export async function catalogMetadata(kind: Kind, locale: string): Promise<Metadata> {
  const { pathname, ns } = KIND[kind];
  const t = await getTranslations({ locale, namespace: `catalog.${ns}` });
  return { title: t("title"), description: t("lead"), alternates: pageAlternates(locale, pathname) };
}

/**
 * The public catalog of published offers (`/technologies`) or demands (`/demands`). Rendered from
 * the cache for a canonical query (`cached`: `raw` is the explicit query of its key, never
 * redirected) or per request for a query with values it drops (listed in a notice). `saveSearch` is
 * the route's server action behind "save this search" (beside the count; it reads no session, so
 * the page stays cacheable).
 */
export async function ListingCatalog({
  kind,
  locale,
  raw,
  cached = false,
  saveSearch,
}: {
  kind: Kind;
  locale: string;
  raw: QueryInput;
  cached?: boolean;
  saveSearch: SaveSearchAction;
}) {
  const { pathname, ns, sorts } = KIND[kind];
  const [catalog, taxonomy] = await Promise.all([
    kind === "offer" ? offerCatalog(raw) : demandCatalog(raw),
    catalogTaxonomy(),
  ]);
  const { query, issues, result } = catalog;
  if (!cached) redirectToCanonical({ pathname, locale, raw, query, page: result.page, issues });
  const t = await getTranslations("catalog");
  const filters =
    catalog.kind === "offer" ? (
      <FilterForm kind="offer" pathname="/technologies" query={catalog.query} taxonomy={taxonomy} />
    ) : (
      <FilterForm kind="demand" pathname="/demands" query={catalog.query} taxonomy={taxonomy} />
    );
  const views = await Promise.all(
    catalog.kind === "offer" ? catalog.result.items.map(offerCardView) : catalog.result.items.map(demandCardView),
  );
  const cards = views.map((card) => (card.summary ? { ...card, summary: clipText(card.summary) } : card));

  return (
    <CatalogShell
      title={t(`${ns}.title`)}
      lead={t(`${ns}.lead`)}
      post={{ href: getPathname({ href: LISTING_KIND[kind].newPath, locale }), label: t(`${ns}.post`) }}
      resultsLabel={t(`${ns}.results`)}
      count={t(result.totalCapped ? `${ns}.countMore` : `${ns}.count`, { count: result.total })}
      filters={filters}
      save={
        <SaveSearch
          kind={ns}
          q={query.q ?? ""}
          filters={query}
          topic={query.sector ? sectorName(taxonomy, query.sector, locale) : undefined}
          save={saveSearch}
        />
      }
      notice={<ParamNotice issues={issues} requestedPage={query.page} page={result.page} />}
      sort={
        <SortSelect
          formId={FILTER_FORM_ID}
          label={t("filters.sort")}
          value={query.sort}
          options={sorts
            .filter((value) => value !== "relevance" || query.q)
            .map((value) => [value, t(`sort.${value}`)] as const)}
        />
      }
      pagination={
        <CatalogPagination pathname={pathname} query={query} page={result.page} pageCount={result.pageCount} />
      }
    >
      {result.items.length === 0 ? (
        <EmptyState
          titleAs="h3"
          title={t(`${ns}.emptyTitle`)}
          description={t(`${ns}.emptyHint`)}
          action={
            <NextLink href={getPathname({ href: pathname, locale })} className={buttonClasses("secondary", "md")}>
              {t("filters.clear")}
            </NextLink>
          }
        />
      ) : (
        <ListingCardList cards={cards} />
      )}
    </CatalogShell>
  );
}
