import { relevance, textMatch } from "@/lib/search/rank";
import { prefixTsQuery, tokenize } from "@/lib/search/text";
import type { DemandQuery, DemandSort, OfferQuery, OfferSort } from "./schemas";

/**
 * WHERE / ORDER BY builders for the catalog's raw SQL. User input only ever enters as a positional
 * parameter (`$n`); the SQL text is assembled from the fixed fragments below, so there is nothing
 * to inject into.
 *
 * Aliases used by the queries: o = offers, d = demands, g = organizations, s = sector
 * (taxonomy_nodes), f = the sector's field.
 */
export class Params {
  readonly values: unknown[] = [];
  /** Registers a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

type Common = Pick<OfferQuery, "q" | "sector" | "trlMin" | "trlMax" | "form" | "orgType" | "location" | "verified">;

/** The query words of `q`, or null when it has none (then `q` is ignored). */
export function queryTokens(q: string | undefined): string[] | null {
  const tokens = tokenize(q ?? "");
  return tokens.length && prefixTsQuery(tokens) ? tokens : null;
}

/** Filters shared by offers and demands; `trl` and `forms` name the listing's own columns. */
function commonClauses(q: Common, p: Params, cols: { trl: string; forms: string; location: string }): string[] {
  const where: string[] = [];
  // A field code ("2") matches all its sectors; a sector code ("207") only itself.
  if (q.sector) {
    const code = p.add(q.sector);
    where.push(`(s.code = ${code} OR s.parent_code = ${code})`);
  }
  if (q.trlMin !== undefined) where.push(`${cols.trl} >= ${p.add(q.trlMin)}`);
  if (q.trlMax !== undefined) where.push(`${cols.trl} <= ${p.add(q.trlMax)}`);
  if (q.form) where.push(`${p.add(q.form)}::"TransferForm" = ANY(${cols.forms})`);
  if (q.orgType) where.push(`g.type = ${p.add(q.orgType)}::"OrgType"`);
  // "HN" is the whole city: the city-wide code and every former district ("HN-...").
  if (q.location === "HN") where.push(`(${cols.location} = 'HN' OR ${cols.location} LIKE 'HN-%')`);
  else if (q.location) where.push(`${cols.location} = ${p.add(q.location)}`);
  if (q.verified) where.push(`g.verification_status = 'VERIFIED'`);
  const tokens = queryTokens(q.q);
  if (tokens) where.push(textMatch(cols.location.split(".")[0]!, tokens, p));
  return where;
}

/** WHERE for published offers matching `q`. */
export function offerWhere(q: OfferQuery, p: Params): string {
  const where = ["o.status = 'PUBLISHED'", ...commonClauses(q, p, { trl: "o.trl", forms: "o.transfer_forms", location: "o.location" })];
  if (q.ip) where.push(`o.ip_status = ${p.add(q.ip)}::"IpStatus"`);
  if (q.priceMin !== undefined || q.priceMax !== undefined) {
    // Overlap of the offer's [min, max] with the requested range; negotiable prices have no range.
    where.push("o.price_type <> 'NEGOTIABLE' AND o.price_min IS NOT NULL");
    if (q.priceMax !== undefined) where.push(`o.price_min <= ${p.add(q.priceMax)}`);
    if (q.priceMin !== undefined) {
      where.push(`(CASE WHEN o.price_type = 'FIXED' THEN o.price_min ELSE COALESCE(o.price_max, o.price_min) END) >= ${p.add(q.priceMin)}`);
    }
  }
  return where.join(" AND ");
}

/** WHERE for published demands matching `q`. */
export function demandWhere(q: DemandQuery, p: Params): string {
  const where = ["d.status = 'PUBLISHED'", ...commonClauses(q, p, { trl: "d.trl_min", forms: "d.preferred_forms", location: "d.location" })];
  if (q.budgetMin !== undefined || q.budgetMax !== undefined) {
    // A missing lower bound means "from 0", a missing upper bound "no cap"; no budget at all never matches.
    where.push("(d.budget_min IS NOT NULL OR d.budget_max IS NOT NULL)");
    if (q.budgetMax !== undefined) where.push(`COALESCE(d.budget_min, 0) <= ${p.add(q.budgetMax)}`);
    if (q.budgetMin !== undefined) where.push(`(d.budget_max IS NULL OR d.budget_max >= ${p.add(q.budgetMin)})`);
  }
  return where.join(" AND ");
}

/** ORDER BY for a sort; "relevance" ranks by the query (and falls back to newest without one). */
export function orderBy(alias: "o" | "d", sort: OfferSort | DemandSort, q: string | undefined, p: Params): string {
  const tokens = queryTokens(q);
  if (sort === "relevance") return tokens ? `${relevance(alias, tokens, p)} DESC, ${alias}.id` : (alias === "o" ? OFFER_ORDER : DEMAND_ORDER).newest;
  return alias === "o" ? OFFER_ORDER[sort as OfferSort] : DEMAND_ORDER[sort as DemandSort];
}

// Each ends with the id so pages never overlap or skip rows when sort keys tie.
export const OFFER_ORDER: Record<OfferSort, string> = {
  newest: "o.published_at DESC NULLS LAST, o.id",
  updated: "o.updated_at DESC, o.id",
  trl: "o.trl DESC, o.published_at DESC NULLS LAST, o.id",
  price: "(CASE WHEN o.price_type = 'NEGOTIABLE' THEN NULL ELSE o.price_min END) ASC NULLS LAST, o.published_at DESC NULLS LAST, o.id",
  relevance: "o.published_at DESC NULLS LAST, o.id",
};

export const DEMAND_ORDER: Record<DemandSort, string> = {
  newest: "d.published_at DESC NULLS LAST, d.id",
  updated: "d.updated_at DESC, d.id",
  trl: "d.trl_min DESC, d.published_at DESC NULLS LAST, d.id",
  budget: "COALESCE(d.budget_max, d.budget_min) DESC NULLS LAST, d.published_at DESC NULLS LAST, d.id",
  relevance: "d.published_at DESC NULLS LAST, d.id",
};
