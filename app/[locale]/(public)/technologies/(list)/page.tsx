import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CatalogPagination } from "@/components/catalog/catalog-pagination";
import { CatalogShell } from "@/components/catalog/catalog-shell";
import { FILTER_FORM_ID, FilterForm } from "@/components/catalog/filter-form";
import { ParamNotice } from "@/components/catalog/param-notice";
import { SortSelect } from "@/components/catalog/sort-select";
import { OfferCard } from "@/components/offers/offer-card";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { offerCatalog } from "@/lib/catalog/catalog";
import { isCanonical, toQueryString } from "@/lib/catalog/query-input";
import { OFFER_SORTS } from "@/lib/catalog/schemas";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { alternatesFor } from "@/lib/catalog/urls";
import { Link, redirect } from "@/lib/i18n/navigation";

export async function generateMetadata({ params }: PageProps<"/[locale]/technologies">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "catalog.offers" });
  return { title: t("title"), description: t("lead"), alternates: alternatesFor(locale, "/technologies") };
}

export default async function TechnologiesPage({ params, searchParams }: PageProps<"/[locale]/technologies">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const [{ query, issues, result }, taxonomy] = await Promise.all([offerCatalog(raw), catalogTaxonomy()]);
  const canonical = toQueryString(query, { page: result.page });
  // A submitted GET form carries every empty field; send it to the short URL (only when nothing was ignored,
  // so the notice about ignored values is still shown).
  if (issues.length === 0 && !isCanonical(raw, canonical)) {
    redirect({ href: { pathname: "/technologies", query: Object.fromEntries(new URLSearchParams(canonical)) }, locale });
  }
  const t = await getTranslations("catalog");

  return (
    <CatalogShell
      title={t("offers.title")}
      lead={t("offers.lead")}
      resultsLabel={t("offers.results")}
      count={t("offers.count", { count: result.total })}
      filters={<FilterForm kind="offer" pathname="/technologies" query={query} taxonomy={taxonomy} />}
      notice={<ParamNotice issues={issues} requestedPage={query.page} page={result.page} />}
      sort={
        <SortSelect
          formId={FILTER_FORM_ID}
          label={t("filters.sort")}
          value={query.sort}
          options={OFFER_SORTS.filter((value) => value !== "relevance" || query.q).map((value) => ({ value, label: t(`sort.${value}`) }))}
        />
      }
      pagination={<CatalogPagination pathname="/technologies" query={query} page={result.page} pageCount={result.pageCount} />}
    >
      {result.items.length === 0 ? (
        <EmptyState
          titleAs="h3"
          title={t("offers.emptyTitle")}
          description={t("offers.emptyHint")}
          action={<Link href="/technologies" className={buttonClasses("secondary", "md")}>{t("filters.clear")}</Link>}
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="catalog-results">
          {result.items.map((offer) => (
            <li key={offer.id}>
              <OfferCard offer={offer} />
            </li>
          ))}
        </ul>
      )}
    </CatalogShell>
  );
}
