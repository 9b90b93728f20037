import { demandWhere, offerWhere, Params } from "@/lib/catalog/where";
import type { DemandQuery, OfferQuery } from "@/lib/catalog/schemas";
import { relevance, textMatch } from "./rank";
import { prefixTsQuery, tokenize } from "./text";

export { RANKING } from "./rank";

export type ListingSearchKind = "offers" | "demands";

export interface SearchInput {
  q: string;
  /** Catalog filters (the same keys as the catalog URL and the public API). */
  filters?: Record<string, unknown>;
  page?: number;
  pageSize?: number;
  facets?: boolean;
  /** "fuzzy" is the typo fallback (see textMatch); searchListings chooses it when words find nothing. */
  mode?: "words" | "fuzzy";
}

export interface Statement {
  name: "items" | "facets";
  text: string;
  values: unknown[];
}

const SHAPE = {
  offers: { alias: "o", table: "offers", trl: "o.trl", forms: "o.transfer_forms", ip: "o.ip_status::text" },
  demands: { alias: "d", table: "demands", trl: "d.trl_min", forms: "d.preferred_forms", ip: "NULL::text" },
} as const;

function where(kind: ListingSearchKind, filters: Record<string, unknown>, p: Params): string {
  const base = { sort: "newest", verified: false, page: 1, ...filters };
  return kind === "offers" ? offerWhere(base as OfferQuery, p) : demandWhere(base as DemandQuery, p);
}

function from(kind: ListingSearchKind): string {
  const { alias: a, table } = SHAPE[kind];
  return `${table} ${a} JOIN organizations g ON g.id = ${a}.organization_id
    JOIN taxonomy_nodes s ON s.code = ${a}.sector_code`;
}

/**
 * The statements a search runs: the ranked page with its total, and (optionally) the facet counts.
 * Every user value is a parameter; the SQL text is built from fixed fragments only.
 */
export function searchStatements(kind: ListingSearchKind, input: SearchInput): Statement[] {
  const { alias: a } = SHAPE[kind];
  const tokens = tokenize(input.q);
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), 100);
  const page = Math.max(input.page ?? 1, 1);

  const p = new Params();
  const clauses = [where(kind, input.filters ?? {}, p)];
  let score = `0`;
  let order = `${a}.published_at DESC NULLS LAST, ${a}.id`;
  if (tokens.length && prefixTsQuery(tokens)) {
    clauses.push(textMatch(a, tokens, p, input.mode));
    score = relevance(a, tokens, p);
    order = `score DESC, ${a}.id`;
  }
  const whereText = clauses.join(" AND ");
  const items: Statement = {
    name: "items",
    text: `SELECT ${a}.id, ${a}.slug, ${a}.title_vi AS "titleVi", ${a}.title_en AS "titleEn",
        ${a}.summary_vi AS "summaryVi", ${a}.summary_en AS "summaryEn", left(${a}.description, 600) AS "description",
        (${score})::float8 AS score, count(*) OVER ()::int AS total
      FROM ${from(kind)} WHERE ${whereText}
      ORDER BY ${order} LIMIT ${p.add(pageSize)} OFFSET ${p.add((page - 1) * pageSize)}`,
    values: p.values,
  };
  if (!input.facets) return [items];

  const f = new Params();
  const fClauses = [where(kind, input.filters ?? {}, f)];
  if (tokens.length && prefixTsQuery(tokens)) fClauses.push(textMatch(a, tokens, f, input.mode));
  const { trl, forms, ip } = SHAPE[kind];
  const facets: Statement = {
    name: "facets",
    text: `WITH m AS MATERIALIZED (
        SELECT s.parent_code AS field, ${trl} AS trl, ${ip} AS ip, g.type::text AS org_type,
               CASE WHEN ${a}.location LIKE 'HN-%' THEN 'HN' ELSE ${a}.location END AS location, ${forms}::text[] AS forms
          FROM ${from(kind)} WHERE ${fClauses.join(" AND ")})
      SELECT 'field' AS facet, field AS key, count(*)::int AS n FROM m GROUP BY field
      UNION ALL SELECT 'trl', trl::text, count(*)::int FROM m GROUP BY trl
      UNION ALL SELECT 'ipStatus', ip, count(*)::int FROM m WHERE ip IS NOT NULL GROUP BY ip
      UNION ALL SELECT 'orgType', org_type, count(*)::int FROM m GROUP BY org_type
      UNION ALL SELECT 'location', location, count(*)::int FROM m GROUP BY location
      UNION ALL SELECT 'transferForm', form, count(*)::int FROM m, unnest(m.forms) AS form GROUP BY form`,
    values: f.values,
  };
  return [items, facets];
}
