import { z } from "zod";
import { encodeListKey, explicitQuery, type ListQuery } from "@/lib/cache/list-key";
import { pageNumber } from "@/lib/page-number";
import type { SearchKind } from "./types";

export const MAX_QUERY = 200;
export const SEARCH_PAGE_SIZE = 10;

const TabSchema = z.enum(["offers", "demands", "organizations", "experts"]);

/** A query string as a page (`searchParams`) or proxy.ts (`URLSearchParams`) sees it. */
type Input = URLSearchParams | Record<string, string | string[] | undefined>;

export interface SearchPageParams {
  q: string;
  /** Null when the URL named no (valid) tab: the page then opens the first tab with results. */
  tab: SearchKind | null;
  page: number;
  truncated: boolean;
}

/** The first non-empty value of `key` (a GET form submits empty fields). */
function first(input: Input, key: string): string | undefined {
  const values = input instanceof URLSearchParams ? input.getAll(key) : [input[key] ?? []].flat();
  return values.map((v) => v.trim()).find(Boolean);
}

/**
 * The search page's URL, read leniently: a bad tab falls back to the default, a bad page to page 1
 * (lib/page-number.ts) and an overlong query is cut, so no URL anyone can type makes the
 * page fail.
 */
export function parseSearchParams(input: Input): SearchPageParams {
  const full = (first(input, "q") ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  const q = [...full].slice(0, MAX_QUERY).join("").trim();
  const tab = TabSchema.safeParse(first(input, "tab"));
  return {
    q,
    tab: tab.success ? tab.data : null,
    page: pageNumber(first(input, "page")),
    truncated: q.length < full.length,
  };
}

/** The visible, canonical query string of a search (`?q=…&tab=…&page=…`, defaults left out). */
export function searchQueryString(params: { q: string; tab: SearchKind | null; page: number }): string {
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  if (params.tab) out.set("tab", params.tab);
  if (params.page > 1) out.set("page", String(params.page));
  const text = out.toString();
  return text ? `?${text}` : "";
}

const sameEntries = (a: URLSearchParams, b: URLSearchParams) => {
  const list = (p: URLSearchParams) => [...p.entries()].map(([k, v]) => `${k}=${v}`).sort();
  return list(a).join("&") === list(b).join("&");
};

/**
 * Where a search URL stands, from the URL alone (proxy.ts): canonical — cached under its key;
 * written otherwise (spacing, a bad tab or page, extra keys) — redirected to the canonical URL; a
 * query cut to MAX_QUERY (the page says so) or too long to cache — rendered per request.
 */
export function canonicalSearchQuery(input: URLSearchParams): ListQuery {
  const params = parseSearchParams(input);
  if (params.truncated) return { status: "uncached" };
  const search = searchQueryString(params);
  if (!sameEntries(input, new URLSearchParams(search))) return { status: "redirect", search };
  const key = encodeListKey(searchKey(params));
  return key ? { status: "canonical", key } : { status: "uncached" };
}

function searchKey(params: { q: string; tab: SearchKind | null; page: number }): string {
  return explicitQuery({ q: params.q, tab: params.tab ?? "", page: params.page });
}

/** The search a cache key stands for, when it is one `canonicalSearchQuery` writes; null otherwise. */
export function searchKeyParams(explicit: string): SearchPageParams | null {
  const params = parseSearchParams(new URLSearchParams(explicit));
  return !params.truncated && searchKey(params) === explicit ? params : null;
}
