import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { CatalogPagination } from "@/components/catalog/catalog-pagination";
import { ResultCount } from "@/components/catalog/result-count";
import { SaveSearch, type SaveSearchAction } from "@/components/saved-searches/save-search";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { clampPage } from "@/lib/page-number";
import { MAX_QUERY, SEARCH_PAGE_SIZE, searchQueryString, type SearchPageParams } from "@/lib/search/page-params";
import { listingCount, searchDirectory, searchListings } from "@/lib/search/queries";
import { tokenize } from "@/lib/search/text";
import type { SearchKind } from "@/lib/search/types";
import { pageAlternates } from "@/lib/seo/urls";
import { MissBeacon } from "./miss-beacon";
import { RelaxedNotice } from "./relaxed-notice";
import { SearchEmpty } from "./search-empty";
import { SearchFacets } from "./search-facets";
import { SearchForm } from "./search-form";
import { SearchHitItem } from "./search-hit-item";
import { searchIndexing } from "./search-indexing";
import { SEARCH_TABS, SearchTabs } from "./search-tabs";

/**
 * Title, canonical URL and robots of a search page: indexable only for the landing page and for a
 * query with literal matches (./search-indexing.ts says why). The counts are the page's own
 * (`countAll` is memoized per request), so the metadata costs no query of its own.
 */
export async function searchMetadata(locale: string, q: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "search.page" });
  const title = q ? t("titleFor", { q }) : t("title");
  const counts = tokenize(q).length ? (await countAll(q)).counts : null;
  const indexing = searchIndexing(q, Boolean(counts && (counts.offers.exact || counts.demands.exact)));
  if (!indexing.index) return { title, robots: { index: false, follow: true } };
  return { title, alternates: pageAlternates(locale, indexing.canonical), robots: { index: true, follow: true } };
}

function search(kind: SearchKind, q: string, page: number, pageSize: number, correct: boolean) {
  return kind === "offers" || kind === "demands"
    ? searchListings(kind, { q, page, pageSize, facets: true, correct })
    : searchDirectory(kind, q, page, pageSize);
}

interface TabCount {
  total: number;
  /** `total` is a lower bound: the approximate matches were counted up to a cap. */
  capped?: boolean;
  /** Something matches every word (not only a corrected or relaxed query). */
  exact: boolean;
}

/**
 * Totals for every tab. A query with exact matches in one kind of listing is never spelling-
 * corrected in the other ("vải thiều" finds the lychee demand; the offers tab must not turn it into
 * "vai thiet"): such a count is taken again without correction.
 */
const countAll = cache(async (q: string): Promise<{ counts: Record<SearchKind, TabCount>; correct: boolean }> => {
  const count = async (kind: SearchKind, correct = true): Promise<TabCount & { corrected?: boolean }> => {
    if (kind === "offers" || kind === "demands") {
      const found = await listingCount(kind, q, correct);
      return {
        total: found.total,
        capped: found.capped,
        exact: found.exact,
        corrected: found.mode === "corrected" || found.mode === "fuzzy",
      };
    }
    const total = (await searchDirectory(kind, q, 1, 1)).total;
    return { total, exact: total > 0 };
  };
  const first = await Promise.all(SEARCH_TABS.map((kind) => count(kind)));
  const correct = !first.some((c, i) => c.exact && (SEARCH_TABS[i] === "offers" || SEARCH_TABS[i] === "demands"));
  const counts = await Promise.all(
    SEARCH_TABS.map((kind, i) => (!correct && first[i]!.corrected ? count(kind, false) : first[i]!)),
  );
  return {
    counts: Object.fromEntries(
      SEARCH_TABS.map((kind, i) => [
        kind,
        { total: counts[i]!.total, exact: counts[i]!.exact, capped: counts[i]!.capped },
      ]),
    ) as Record<SearchKind, TabCount>,
    correct,
  };
});

/**
 * The search page for a parsed URL: the prompt without a query, otherwise the counts per tab, the
 * chosen (or first non-empty) tab's results, its facets and the pagination. Rendered per request
 * (app/[locale]/(public)/search/page.tsx) or from the cache (…/search/q/[key]/page.tsx). The offers
 * and demands tabs offer to save the search (`saveSearch`, the route's server action; it reads no
 * session, so the page stays cacheable).
 */
export async function SearchResults({ input, saveSearch }: { input: SearchPageParams; saveSearch: SaveSearchAction }) {
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

  const { counts: tabs, correct } = await countAll(q);
  const counts = Object.fromEntries(SEARCH_TABS.map((k) => [k, tabs[k].total])) as Record<SearchKind, number>;
  const capped = Object.fromEntries(SEARCH_TABS.map((k) => [k, tabs[k].capped ?? false]));
  // Without a chosen tab, open the first one with exact matches, else the first with any.
  const tab =
    input.tab ??
    SEARCH_TABS.find((kind) => tabs[kind].exact) ??
    SEARCH_TABS.find((kind) => counts[kind] > 0) ??
    "offers";
  const { page, pageCount } = clampPage(input.page, counts[tab], SEARCH_PAGE_SIZE);
  const countText = t(capped[tab] ? "countMore" : "count", { count: counts[tab] });
  const result = await search(tab, q, page, SEARCH_PAGE_SIZE, correct);
  const facets = "facets" in result && counts[tab] > 0 ? result.facets : undefined;
  const relaxation = "relaxation" in result ? result.relaxation : undefined;
  // A relaxed page marks its concepts and their synonyms; otherwise the words typed.
  const tokens = relaxation
    ? relaxation.concepts.flatMap((c) => [c.text, ...c.synonyms]).flatMap((text) => tokenize(text))
    : tokenize(q);
  const nothing = SEARCH_TABS.every((kind) => counts[kind] === 0);

  return (
    <div className="space-y-6">
      {header}
      <SearchForm q={q} tab={tab} />
      {input.truncated && <Alert tone="warning">{t("qTooLong", { max: MAX_QUERY })}</Alert>}
      {page !== input.page && <Alert tone="info">{t("pageNotice", { requested: input.page, page })}</Alert>}
      {"correctedQuery" in result && result.correctedQuery && (
        <Alert tone="info">{t("corrected", { q: result.correctedQuery })}</Alert>
      )}
      {relaxation && <RelaxedNotice relaxation={relaxation} />}
      <SearchTabs q={q} tab={tab} counts={counts} capped={capped} />
      <div className={facets ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]" : undefined}>
        <section aria-labelledby="search-results-heading" className="space-y-4">
          <h2 id="search-results-heading" className="sr-only">
            {t("results")}
          </h2>
          {tab === "offers" || tab === "demands" ? (
            <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2">
              <ResultCount text={countText} />
              <SaveSearch
                kind={tab}
                q={q}
                filters={{}}
                callbackPath={`/search${searchQueryString({ q, tab: input.tab, page: input.page })}`}
                save={saveSearch}
              />
            </div>
          ) : (
            <ResultCount text={countText} />
          )}
          {result.items.length === 0 ? (
            <>
              <SearchEmpty q={q} />
              {nothing && <MissBeacon q={q} />}
            </>
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
