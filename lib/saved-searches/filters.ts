import { DemandQuerySchema, OfferQuerySchema, parseStrict, type CatalogIssue } from "@/lib/catalog/schemas";
import { toQueryString } from "@/lib/catalog/query-input";
import type { ListingFilters } from "@/lib/search/filters";
import type { SavedSearchKind } from "./schemas";

/**
 * A saved search's query checked by the catalog's own schemas (lib/catalog/schemas.ts), so a saved
 * search finds exactly what the catalog page showed, and stored in one canonical form: the
 * filters by their URL names with parsed values (lib/search/filters.ts ListingFilters), nothing
 * that is a default or not a filter. The same check runs again on what is read back.
 */

/** The filters of each catalog (its URL keys other than q, sort and page). */
export const FILTER_KEYS = {
  offers: ["sector", "trlMin", "trlMax", "form", "orgType", "location", "verified", "ip", "priceMin", "priceMax"],
  demands: ["sector", "trlMin", "trlMax", "form", "orgType", "location", "verified", "budgetMin", "budgetMax"],
} as const satisfies Record<SavedSearchKind, readonly string[]>;

/**
 * Keys of the catalog's parsed query that are not filters: ignored among the filters, so a page can
 * pass its whole query (`q` is given on its own).
 */
const NOT_FILTERS = new Set(["q", "sort", "page"]);

const SCHEMAS = { offers: OfferQuerySchema, demands: DemandQuerySchema } as const;

export type NormalizedSearch = { ok: true; q: string; filters: ListingFilters } | { ok: false; issues: CatalogIssue[] };

/**
 * The query in canonical form, or every problem at once: an unknown key, or a value the catalog
 * would refuse (a TRL of 12, a minimum above its maximum, an unknown transfer form).
 */
export function normalizeSearch(kind: SavedSearchKind, q: string, filters: Record<string, unknown>): NormalizedSearch {
  const allowed: readonly string[] = FILTER_KEYS[kind];
  const issues: CatalogIssue[] = [];
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (NOT_FILTERS.has(key) || value === undefined || value === null || value === false || value === "") continue;
    if (!allowed.includes(key)) {
      issues.push({ path: key, code: "unknown", message: `${key} is not a filter of the ${kind} catalog` });
      continue;
    }
    raw[key] = value === true ? "1" : String(value);
  }
  const query = q.trim();
  if (query) raw.q = query;
  const parsed = parseStrict(SCHEMAS[kind], raw);
  if (!parsed.ok) issues.push(...parsed.issues);
  if (!parsed.ok || issues.length > 0) return { ok: false, issues };
  const data = parsed.data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of allowed) {
    const value = data[key];
    if (value !== undefined && value !== false) out[key] = value;
  }
  return { ok: true, q: query, filters: out as ListingFilters };
}

/** One string per logical query (keys sorted), to recognise a search saved twice. */
export function searchIdentity(kind: SavedSearchKind, q: string, filters: ListingFilters): string {
  const entries = Object.entries(filters as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([kind, q, entries]);
}

/** The catalog page of a saved search (a path without the locale prefix). */
export function savedSearchPath(kind: SavedSearchKind, q: string, filters: ListingFilters): string {
  const pathname = kind === "offers" ? "/technologies" : "/demands";
  const values = { ...(filters as Record<string, string | number | boolean | undefined>), ...(q ? { q } : {}) };
  return `${pathname}${toQueryString(values)}`;
}

/** A listing's public page (a path without the locale prefix). */
export function listingPath(kind: SavedSearchKind, slug: string): string {
  return `${kind === "offers" ? "/technologies" : "/demands"}/${slug}`;
}
