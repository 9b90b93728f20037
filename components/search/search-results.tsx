import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CatalogPagination } from "@/components/catalog/catalog-pagination";
import { ResultCount } from "@/components/catalog/result-count";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { clampPage } from "@/lib/page-number";
import { MAX_QUERY, SEARCH_PAGE_SIZE, type SearchPageParams } from "@/lib/search/page-params";
import { countListings, searchDirectory, searchListings } from "@/lib/search/queries";
import { tokenize } from "@/lib/search/text";
import type { SearchKind } from "@/lib/search/types";
import { SearchEmpty } from "./search-empty";
import { SearchFacets } from "./search-facets";
import { SearchForm } from "./search-form";
import { SearchHitItem } from "./search-hit-item";
import { SEARCH_TABS, SearchTabs } from "./search-tabs";

export async function searchMetadata(locale: string, q: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "search.page" });
  // Result pages are endless variations of the catalog: keep them out of search engines.
  return { title: q ? t("titleFor", { q }) : t("title"), robots: { index: false, follow: true } };
}

function search(kind: SearchKind, q: string, page: number, pageSize: number, facets = false) {
  return kind === "offers" || kind === "demands"
    ? searchListings(kind, { q, page, pageSize, facets })
    : searchDirectory(kind, q, page, pageSize);
}

/** Totals for every tab. */
async function countAll(q: string): Promise<Record<SearchKind, number>> {
  const count = (kind: SearchKind) =>
    kind === "offers" || kind === "demands"
      ? countListings(kind, q)
      : searchDirectory(kind, q, 1, 1).then((r) => r.total);
  const totals = await Promise.all(SEARCH_TABS.map(count));
  return Object.fromEntries(SEARCH_TABS.map((kind, i) => [kind, totals[i]!])) as Record<SearchKind, number>;
}

/**
 * The search page for a parsed URL: the prompt without a query, otherwise the counts per tab, the
 * chosen (or first non-empty) tab's results, its facets and the pagination. Rendered per request
 * (app/[locale]/(public)/search/page.tsx) or from the cache (…/search/q/[key]/page.tsx).
 */
export async function SearchResults({ input }: { input: SearchPageParams }) {
  const { q } = input;
  const t = await getTranslations("search.page");
  const header = (
    <header className="max-w-3xl space-y-2">
      <h1 className="text-2xl font-bold md:text-3xl">{q ? t("titleFor", { q }) : t("title")}</h1>
      <p className="text-muted">{t("lead")}</p>
    </header>
  );
  if (!tokenize(q).length) {
    return (
      <div className="space-y-6">
        {header}
        <SearchForm q={q} tab={input.tab ?? "offers"} />
        <EmptyState title={t("promptTitle")} description={t("promptHint")} />
      </div>
    );
  }

  const counts = await countAll(q);
  // Without a chosen tab, open the first one that has something to show.
  const tab = input.tab ?? SEARCH_TABS.find((kind) => counts[kind] > 0) ?? "offers";
  const { page, pageCount } = clampPage(input.page, counts[tab], SEARCH_PAGE_SIZE);
  const result = await search(tab, q, page, SEARCH_PAGE_SIZE, true);
  const facets = "facets" in result && counts[tab] > 0 ? result.facets : undefined;
  const tokens = tokenize(q);

  return (
    <div className="space-y-6">
      {header}
      <SearchForm q={q} tab={tab} />
      {input.truncated && <Alert tone="warning">{t("qTooLong", { max: MAX_QUERY })}</Alert>}
      {page !== input.page && <Alert tone="info">{t("pageNotice", { requested: input.page, page })}</Alert>}
      {"correctedQuery" in result && result.correctedQuery && (
        <Alert tone="info">{t("corrected", { q: result.correctedQuery })}</Alert>
      )}
      <SearchTabs q={q} tab={tab} counts={counts} />
      <div className={facets ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]" : undefined}>
        <section aria-labelledby="search-results-heading" className="space-y-4">
          <h2 id="search-results-heading" className="sr-only">
            {t("results")}
          </h2>
          <ResultCount text={t("count", { count: counts[tab] })} />
          {result.items.length === 0 ? (
            <SearchEmpty q={q} />
          ) : (
            <ol className="space-y-3" data-testid="search-results">
              {result.items.map((hit) => (
                <SearchHitItem key={hit.id} hit={hit} tokens={tokens} />
              ))}
            </ol>
          )}
          <CatalogPagination pathname="/search" query={{ q, tab }} page={page} pageCount={pageCount} />
        </section>
        {facets && (tab === "offers" || tab === "demands") && (
          <SearchFacets
            kind={tab}
            q={q}
            facets={facets}
            approximate={"facetsApproximate" in result && Boolean(result.facetsApproximate)}
          />
        )}
      </div>
    </div>
  );
}
