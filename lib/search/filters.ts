import type { IpStatus, OrgType, TransferForm } from "@/lib/generated/prisma/enums";
import type { Params } from "./params";
import { prefixTsQuery, tokenize } from "./text";

/**
 * WHERE / ORDER BY builders for the search's raw SQL over the search index tables (`offer_search`,
 * `demand_search`: one narrow row per published listing, maintained by triggers; see
 * prisma/migrations/20261122200000_search_index). The catalog (lib/catalog) browses through these
 * too: its URL filters and sorts are the ones defined here, so lib/search is the lower layer and
 * never imports lib/catalog. User input only ever enters as a positional parameter (`$n`); the SQL
 * text is assembled from the fixed fragments below, so there is nothing to inject into.
 *
 * The index row is aliased `x`. Only published listings have one, so no status filter is needed.
 */

/** The two listing kinds the search index holds, by their table names. */
export type ListingSearchKind = "offers" | "demands";

/**
 * The filters of either kind, by their URL / API names (lib/catalog/schemas.ts parses them). A filter
 * of the other kind (`ip` on demands, `budgetMin` on offers) is ignored.
 */
export interface ListingFilters {
  /** A field code ("2", all its sectors) or a sector code ("207"). */
  sector?: string;
  trlMin?: number;
  trlMax?: number;
  form?: TransferForm;
  orgType?: OrgType;
  /** A location code; "HN" is the whole city. */
  location?: string;
  verified?: boolean;
  ip?: IpStatus;
  priceMin?: number;
  priceMax?: number;
  budgetMin?: number;
  budgetMax?: number;
}

/** The query words of `q`, or null when it has none (then `q` is ignored). */
export function queryTokens(q: string | undefined): string[] | null {
  const tokens = tokenize(q ?? "");
  return tokens.length && prefixTsQuery(tokens) ? tokens : null;
}

/** Filter clauses on the index row `x` (possibly none). */
export function filterClauses(kind: ListingSearchKind, f: ListingFilters, p: Params): string[] {
  const where: string[] = [];
  // A field code ("2") matches all its sectors; a sector code ("207") only itself.
  if (f.sector) {
    const code = p.add(f.sector);
    where.push(`(x.sector_code = ${code} OR x.field_code = ${code})`);
  }
  if (f.trlMin !== undefined) where.push(`x.trl >= ${p.add(f.trlMin)}`);
  if (f.trlMax !== undefined) where.push(`x.trl <= ${p.add(f.trlMax)}`);
  // The bit is computed once (a sub-select): techex_form_bit reads the enum's order, per row if inlined.
  if (f.form) where.push(`x.forms_mask & (SELECT techex_form_bit(${p.add(f.form)}::"TransferForm")) <> 0`);
  // A confidential demand hides its organization: filtering by the organization's attributes would
  // identify it ("an ENTERPRISE, verified, posted this"), so those filters never match one.
  const known = kind === "demands" ? " AND NOT x.confidential" : "";
  if (f.orgType) where.push(`x.org_type = ${p.add(f.orgType)}::"OrgType"${known}`);
  // "HN" is the whole city: the city-wide code and every former district ("HN-..."), i.e. x.city.
  if (f.location === "HN") where.push(`x.city = 'HN'`);
  else if (f.location) where.push(`x.location = ${p.add(f.location)}`);
  if (f.verified) where.push(`x.verified${known}`);
  if (kind === "offers") {
    if (f.ip) where.push(`x.ip_status = ${p.add(f.ip)}::"IpStatus"`);
    if (f.priceMin !== undefined || f.priceMax !== undefined) {
      // Overlap of the offer's [min, max] with the requested range; negotiable prices have no range.
      where.push("x.price_type <> 'NEGOTIABLE' AND x.price_min IS NOT NULL");
      if (f.priceMax !== undefined) where.push(`x.price_min <= ${p.add(f.priceMax)}`);
      if (f.priceMin !== undefined) {
        where.push(
          `(CASE WHEN x.price_type = 'FIXED' THEN x.price_min ELSE COALESCE(x.price_max, x.price_min) END) >= ${p.add(f.priceMin)}`,
        );
      }
    }
  } else if (f.budgetMin !== undefined || f.budgetMax !== undefined) {
    // A missing lower bound means "from 0", a missing upper bound "no cap"; no budget at all never matches.
    where.push("(x.budget_min IS NOT NULL OR x.budget_max IS NOT NULL)");
    if (f.budgetMax !== undefined) where.push(`COALESCE(x.budget_min, 0) <= ${p.add(f.budgetMax)}`);
    if (f.budgetMin !== undefined) where.push(`(x.budget_max IS NULL OR x.budget_max >= ${p.add(f.budgetMin)})`);
  }
  return where;
}

export const OFFER_SORTS = ["newest", "updated", "trl", "price", "relevance"] as const;
export const DEMAND_SORTS = ["newest", "updated", "trl", "budget", "relevance"] as const;
export type OfferSort = (typeof OFFER_SORTS)[number];
export type DemandSort = (typeof DEMAND_SORTS)[number];

// Each ends with the id so pages never overlap or skip rows when sort keys tie. "relevance" without
// a query is the newest first (lib/search ranks when there is one).
export const OFFER_ORDER: Record<OfferSort, string> = {
  newest: "x.published_at DESC NULLS LAST, x.id",
  updated: "x.updated_at DESC, x.id",
  trl: "x.trl DESC, x.published_at DESC NULLS LAST, x.id",
  price:
    "(CASE WHEN x.price_type = 'NEGOTIABLE' THEN NULL ELSE x.price_min END) ASC NULLS LAST, x.published_at DESC NULLS LAST, x.id",
  relevance: "x.published_at DESC NULLS LAST, x.id",
};

export const DEMAND_ORDER: Record<DemandSort, string> = {
  newest: "x.published_at DESC NULLS LAST, x.id",
  updated: "x.updated_at DESC, x.id",
  trl: "x.trl DESC, x.published_at DESC NULLS LAST, x.id",
  budget: "COALESCE(x.budget_max, x.budget_min) DESC NULLS LAST, x.published_at DESC NULLS LAST, x.id",
  relevance: "x.published_at DESC NULLS LAST, x.id",
};

/** The whitelisted ORDER BY of a sort for a kind; unknown sorts fall back to the newest first. */
export function sortOrder(kind: ListingSearchKind, sort: string | undefined): string {
  const table: Record<string, string> = kind === "offers" ? OFFER_ORDER : DEMAND_ORDER;
  const newest = kind === "offers" ? OFFER_ORDER.newest : DEMAND_ORDER.newest;
  return (sort && Object.hasOwn(table, sort) ? table[sort] : undefined) ?? newest;
}
