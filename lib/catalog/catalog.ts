import "server-only";
import type { z } from "zod";
import type { CatalogPage } from "./paging";
import { firstValues, type QueryInput } from "./query-input";
import { searchDemands, searchOffers, toDemandCard, toOfferCard } from "./rows";
import {
  DemandApiQuerySchema,
  DemandQuerySchema,
  OfferApiQuerySchema,
  OfferQuerySchema,
  PAGE_SIZE,
  pageOutOfRange,
  parseLenient,
  parseStrict,
  type CatalogIssue,
} from "./schemas";
import { serializeDemandRow, serializeOfferRow } from "./serializers";
import { unknownSectorIssue } from "./taxonomy";

/**
 * Entry points for the catalog pages and the public API: parse the query (one schema for both),
 * check the taxonomy code, run the search, shape the result. Pages are lenient (bad values are
 * dropped and listed in `issues`, a page past the end shows the last one); the API is strict (400
 * with every issue, a page past the end is empty). Both kinds go through the same two functions;
 * the exported pairs only name the kind's schema, search and shape.
 */

type ListingQuery = { q?: string; sort: string; page: number; sector?: string };
type Search<Q, R> = (query: Q, pageSize: number, clamp?: boolean) => Promise<CatalogPage<R>>;

/** With a query and no sort chosen, results are ranked by relevance rather than date. */
function rankByDefault<Q extends { q?: string; sort: string }>(query: Q, input: QueryInput): Q {
  return query.q && !firstValues(input).sort ? { ...query, sort: "relevance" } : query;
}

async function browse<S extends z.ZodType<ListingQuery>, R, C>(
  schema: S,
  input: QueryInput,
  search: Search<z.output<S>, R>,
  toCard: (row: R) => C,
) {
  const parsed = parseLenient(schema, input);
  const unknown = await unknownSectorIssue(parsed.data.sector);
  const issues: CatalogIssue[] = unknown ? [...parsed.issues, unknown] : parsed.issues;
  const query = rankByDefault(unknown ? { ...parsed.data, sector: undefined } : parsed.data, input);
  const result = await search(query, PAGE_SIZE);
  return {
    query,
    issues: [...issues, ...pageOutOfRange(result.requestedPage, result.page)],
    result: { ...result, items: result.items.map(toCard) },
  };
}

async function apiList<S extends z.ZodType<ListingQuery & { pageSize: number }>, R, J>(
  schema: S,
  input: QueryInput,
  search: Search<Omit<z.output<S>, "pageSize">, R>,
  serialize: (row: R) => J,
) {
  const parsed = parseStrict(schema, input);
  if (!parsed.ok) return parsed;
  const unknown = await unknownSectorIssue(parsed.data.sector);
  if (unknown) return { ok: false as const, issues: [unknown] };
  // pageSize is not a filter: everything but q, sort and page that reaches the search filters it.
  const { pageSize, ...rest } = parsed.data;
  const query = rankByDefault(rest, input);
  const result = await search(query, pageSize, false);
  return {
    ok: true,
    body: { items: result.items.map(serialize), total: result.total, page: query.page, pageSize },
  } as const;
}

/** `/technologies`: never throws on bad input. */
export async function offerCatalog(input: QueryInput) {
  return { kind: "offer" as const, ...(await browse(OfferQuerySchema, input, searchOffers, toOfferCard)) };
}

/** `/demands`: like offerCatalog. */
export async function demandCatalog(input: QueryInput) {
  return { kind: "demand" as const, ...(await browse(DemandQuerySchema, input, searchDemands, toDemandCard)) };
}

/** GET /api/v1/offers. */
export function offerApiList(input: QueryInput) {
  return apiList(OfferApiQuerySchema, input, searchOffers, serializeOfferRow);
}

/** GET /api/v1/demands. */
export function demandApiList(input: QueryInput) {
  return apiList(DemandApiQuerySchema, input, searchDemands, serializeDemandRow);
}
