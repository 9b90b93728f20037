import "server-only";
import type { ListingFilters } from "@/lib/search/filters";
import { listingPage } from "@/lib/search/queries";
import type { Display, ListingSearchKind } from "@/lib/search/sql";
import { clampPage } from "@/lib/page-number";

export interface CatalogPage<T> {
  items: T[];
  total: number;
  /** `total` only counts so far (an approximate search counts up to lib/search RELAXED_COUNT_CAP): "more than". */
  totalCapped: boolean;
  /** The page shown; differs from `requestedPage` when that was beyond the last page and clamped. */
  page: number;
  requestedPage: number;
  pageSize: number;
  pageCount: number;
}

/** A parsed catalog query: filters plus `q`, `sort` and `page` (every other key is taken for a filter). */
type CatalogQuery = { q?: string; sort: string; page: number } & ListingFilters;

/**
 * One page of published listings for the catalog (pages and API) through the search module, with
 * the total (counted in parallel). `clamp` (pages) replaces a page beyond the end by the last page;
 * the API answers an empty page instead.
 */
export async function fetchPage<R>(
  kind: ListingSearchKind,
  query: CatalogQuery,
  display: Display,
  pageSize: number,
  clamp: boolean,
): Promise<CatalogPage<R>> {
  const { q, sort, page, ...filters } = query;
  // The catalog's `q` narrows a list: relaxed (lib/search) only when nothing matches every word.
  const at = (n: number) =>
    listingPage<R & object>(kind, { q: q ?? "", sort, filters, page: n, pageSize, relaxBelow: 1 }, display);
  const first = await at(page);
  const result = (
    rows: (R & { score?: number })[],
    total: number,
    shown: number,
    totalCapped = first.relaxation?.capped ?? false,
  ): CatalogPage<R> => ({
    items: rows.map(({ score: _score, ...row }) => row as R),
    total,
    totalCapped,
    page: shown,
    requestedPage: page,
    pageSize,
    pageCount: clampPage(shown, total, pageSize).pageCount,
  });

  if (first.rows.length > 0 || page === 1 || !clamp) return result(first.rows, first.total, page);
  if (first.total === 0) return result([], 0, 1, false);
  const last = clampPage(page, first.total, pageSize).page;
  return result((await at(last)).rows, first.total, last);
}
