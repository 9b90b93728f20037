import "server-only";
import { searchDemands, toDemandCard } from "./demands";
import { searchOffers, toOfferCard } from "./offers";
import { firstValues, type QueryInput } from "./query-input";
import {
  DemandApiQuerySchema,
  DemandQuerySchema,
  OfferApiQuerySchema,
  OfferQuerySchema,
  PAGE_SIZE,
  parseLenient,
  parseStrict,
  type CatalogIssue,
} from "./schemas";
import { serializeDemandRow, serializeOfferRow } from "./serializers";
import { unknownSectorIssue } from "./taxonomy";

/**
 * Entry points for the catalog pages and the public API: parse the query (one schema for both),
 * check the taxonomy code, run the search, shape the result.
 */

async function dropUnknownSector<Q extends { sector?: string }>({ data, issues }: { data: Q; issues: CatalogIssue[] }) {
  const unknown = await unknownSectorIssue(data.sector);
  if (unknown) issues.push(unknown);
  return { query: unknown ? { ...data, sector: undefined } : data, issues };
}

/** With a query and no sort chosen, results are ranked by relevance rather than date. */
function rankByDefault<Q extends { q?: string; sort: string }>(query: Q, input: QueryInput): Q {
  return query.q && !firstValues(input).sort ? { ...query, sort: "relevance" } : query;
}

function pageIssue(requested: number, shown: number): CatalogIssue[] {
  return requested === shown
    ? []
    : [{ path: "page", code: "page_out_of_range", message: `page ${requested} is beyond the last page (${shown})` }];
}

/** `/technologies`: never throws on bad input; bad values are dropped and listed in `issues`. */
export async function offerCatalog(input: QueryInput) {
  const parsed = await dropUnknownSector(parseLenient(OfferQuerySchema, input));
  const { issues } = parsed;
  const query = rankByDefault(parsed.query, input);
  const result = await searchOffers(query, PAGE_SIZE);
  return {
    kind: "offer" as const,
    query,
    issues: [...issues, ...pageIssue(result.requestedPage, result.page)],
    result: { ...result, items: result.items.map(toOfferCard) },
  };
}

/** `/demands`: like offerCatalog. */
export async function demandCatalog(input: QueryInput) {
  const parsed = await dropUnknownSector(parseLenient(DemandQuerySchema, input));
  const { issues } = parsed;
  const query = rankByDefault(parsed.query, input);
  const result = await searchDemands(query, PAGE_SIZE);
  return {
    kind: "demand" as const,
    query,
    issues: [...issues, ...pageIssue(result.requestedPage, result.page)],
    result: { ...result, items: result.items.map(toDemandCard) },
  };
}

async function rejectUnknownSector<Q extends { sector?: string }>(
  parsed: { ok: true; data: Q } | { ok: false; issues: CatalogIssue[] },
): Promise<{ ok: true; data: Q } | { ok: false; issues: CatalogIssue[] }> {
  if (!parsed.ok) return parsed;
  const unknown = await unknownSectorIssue(parsed.data.sector);
  return unknown ? { ok: false, issues: [unknown] } : parsed;
}

/** GET /api/v1/offers: strict; a page beyond the end is simply empty. */
export async function offerApiList(input: QueryInput) {
  const parsed = await rejectUnknownSector(parseStrict(OfferApiQuerySchema, input));
  if (!parsed.ok) return parsed;
  const { pageSize, ...rest } = parsed.data;
  const query = rankByDefault(rest, input);
  const result = await searchOffers(query, pageSize, false);
  return {
    ok: true,
    body: { items: result.items.map(serializeOfferRow), total: result.total, page: query.page, pageSize },
  } as const;
}

/** GET /api/v1/demands. */
export async function demandApiList(input: QueryInput) {
  const parsed = await rejectUnknownSector(parseStrict(DemandApiQuerySchema, input));
  if (!parsed.ok) return parsed;
  const { pageSize, ...rest } = parsed.data;
  const query = rankByDefault(rest, input);
  const result = await searchDemands(query, pageSize, false);
  return {
    ok: true,
    body: { items: result.items.map(serializeDemandRow), total: result.total, page: query.page, pageSize },
  } as const;
}
