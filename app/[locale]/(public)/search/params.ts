import { z } from "zod";
import { pageNumber } from "@/lib/page-number";
import { firstValues, type QueryInput } from "@/lib/catalog/query-input";
import type { SearchKind } from "@/lib/search/types";

export const MAX_QUERY = 200;
export const SEARCH_PAGE_SIZE = 10;

const TabSchema = z.enum(["offers", "demands", "organizations", "experts"]);

export interface SearchPageParams {
  q: string;
  /** Null when the URL named no (valid) tab: the page then opens the first tab with results. */
  tab: SearchKind | null;
  page: number;
  truncated: boolean;
}

/**
 * The search page's URL, read leniently: a bad tab falls back to the default, a bad page to page 1
 * (lib/page-number.ts) and an overlong query is cut, so no URL anyone can type makes the
 * page fail.
 */
export function parseSearchParams(input: QueryInput): SearchPageParams {
  const raw = firstValues(input);
  const full = (raw.q ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  const q = [...full].slice(0, MAX_QUERY).join("").trim();
  const tab = TabSchema.safeParse(raw.tab);
  return {
    q,
    tab: tab.success ? tab.data : null,
    page: pageNumber(raw.page),
    truncated: q.length < full.length,
  };
}
