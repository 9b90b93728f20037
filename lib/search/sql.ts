import { filterClauses, queryTokens, sortOrder, type ListingFilters, type ListingSearchKind } from "./filters";
import { Params } from "./params";
import {
  RANKING,
  RELAXED_FULL_JOIN,
  relevance,
  strictText,
  textMatch,
  titleMatch,
  type RelaxedPlan,
  type TextQuery,
} from "./rank";

export { RANKING } from "./rank";
export type { ListingSearchKind } from "./filters";

export interface SearchInput {
  q: string;
  /** Catalog filters (the same keys as the catalog URL and the public API). */
  filters?: ListingFilters | Record<string, unknown>;
  /** A catalog sort; "relevance" (the default with query words) ranks, anything else orders by a column. */
  sort?: string;
  page?: number;
  pageSize?: number;
  facets?: boolean;
  /** "fuzzy" is the typo fallback (see textMatch); searchListings chooses it when words find nothing. */
  mode?: "words" | "fuzzy";
  /** A relaxed search (lib/search/relax.ts): replaces the words of `q` when given. */
  relaxed?: RelaxedPlan;
  /**
   * Below this many strict matches the query is relaxed (lib/search/queries.ts RELAX_BELOW for the
   * search page, 1 under filters; 1 for the catalog and its API, where `q` narrows a list: relaxed
   * only when empty).
   */
  relaxBelow?: number;
  /** False when the query has results elsewhere (the other kind): its spelling is then never corrected. */
  correct?: boolean;
  /** Rows to skip, instead of the page's (a relaxed page continues after the strict matches). */
  offset?: number;
  /** How many approximate matches a relaxed search counts (RELAXED_COUNT_CAP); tests lower it. */
  relaxedCap?: number;
  /** How many matches are ranked exactly (RANKING.candidates); tests lower it to exercise deep pages. */
  candidates?: number;
  /**
   * How many newest listings the dense-match path tests (RANKING.walk). Tests set it to force a
   * path: below `candidates` it never walks; given at all, it walks without asking the vocabulary.
   */
  walk?: number;
}

export interface Statement {
  name: "items" | "total" | "facets";
  text: string;
  values: unknown[];
}

/** How a page's rows are shown: columns and joins starting from `page` (id, score, ord). */
export interface Display {
  select: string;
  joins: string;
}

// A confidential demand's organization type is unknown to the facets (see filterClauses).
const TABLES = {
  offers: { index: "offer_search", listing: "offers", ip: "x.ip_status::text", orgType: "x.org_type" },
  demands: {
    index: "demand_search",
    listing: "demands",
    ip: "NULL::text",
    orgType: "CASE WHEN x.confidential THEN NULL ELSE x.org_type END",
  },
} as const;

/** Facets are counted exactly over at most this many matches, and scaled to the total beyond. */
export const FACET_SAMPLE = 10_000;

/**
 * A relaxed search (any concept of a question) counts its matches, and its facets, up to as many as
 * it ranks (RANKING.relaxedCandidates): its pages are the best-covering listings, ranked, and "200
 * approximate results or more" says all a reader needs. Counting all 30,000 listings using one of a
 * question's concepts meant testing each for its phrases in the full text, read out of line: more
 * than the rest of the search (issue #14 benchmark).
 */
export const RELAXED_COUNT_CAP = RANKING.relaxedCandidates;

export const relaxedCapOf = (input: SearchInput) => Math.max(input.relaxedCap ?? RELAXED_COUNT_CAP, 1);
export const pageSizeOf = (input: SearchInput) => Math.min(Math.max(input.pageSize ?? 20, 1), 100);
export const pageOf = (input: SearchInput) => Math.max(input.page ?? 1, 1);
const offsetOf = (input: SearchInput) => input.offset ?? (pageOf(input) - 1) * pageSizeOf(input);

/** The text side of `input`, or null when it has no query words. */
function textOf(input: SearchInput): TextQuery | null {
  if (input.relaxed) {
    if (!input.relaxed.concepts.some((c) => c.alternatives.length)) return null;
    // Matched alternative by alternative (rank.ts anyOf), never as one tsquery.
    return { tokens: queryTokens(input.q) ?? [], mode: "relaxed", tsquery: "", relaxed: input.relaxed };
  }
  const tokens = queryTokens(input.q);
  return tokens ? strictText(tokens, input.mode) : null;
}

/** The filter clauses of `input`, and the listings a relaxed search leaves out. */
function baseClauses(kind: ListingSearchKind, input: SearchInput, p: Params): string[] {
  const clauses = filterClauses(kind, (input.filters ?? {}) as ListingFilters, p);
  if (input.relaxed?.exclude.length) clauses.push(`NOT (x.id = ANY(${p.add(input.relaxed.exclude)}::uuid[]))`);
  return clauses;
}

/** WHERE text for the matches of `input` (filters and, with words, the text). */
function matchWhere(kind: ListingSearchKind, input: SearchInput, p: Params): string {
  const clauses = baseClauses(kind, input, p);
  const text = textOf(input);
  if (text) clauses.push(textMatch(text, p));
  return clauses.length ? clauses.join(" AND ") : "true";
}

const NEWEST = "x.published_at DESC NULLS LAST, x.id";

/**
 * `FROM` text for the index rows matching `where` (with query words), as a subquery the planner
 * plans on its own: from the GIN index, whatever ORDER BY and LIMIT follow. Otherwise a LIMIT can
 * make it walk an ordered index and test each row's vector, which reads the vector from TOAST
 * (~3 µs a row), a cost the planner does not see: 230 ms for a rare word sorted by date.
 */
function fencedMatches(index: string, where: string): string {
  return `(SELECT x.* FROM ${index} x WHERE ${where} OFFSET 0) x`;
}

/**
 * `FROM` text for the `n` newest index rows matching `where` (with query words): `x(id, published_at)`,
 * in no particular order.
 *
 * Usually every match comes from the GIN index and is sorted (fencedMatches; a walk of the
 * published_at index took 100 ms instead of 8 under a selective filter). Walking pays only when
 * most listings match (a common word, a short prefix): so the newest `walk` listings are tested one
 * by one first, and if that finds `n` matches they are the newest `n`, and collecting tens of
 * thousands of matches is skipped; else the walk is dropped. The walk's budget counts listings,
 * not matches: the filters in `where` are tested on the walked rows too.
 */
function newestMatches(
  index: string,
  where: string,
  n: number,
  walk: number,
  p: Params,
  walkIf: () => string = () => "true",
): string {
  const N = p.add(n);
  const all = `(SELECT x.id, x.published_at FROM ${fencedMatches(index, where)} ORDER BY ${NEWEST} LIMIT ${N})`;
  if (walk < n) return `${all} x`;
  return `(WITH walked AS (
        SELECT x.id, x.published_at FROM (SELECT x.* FROM ${index} x WHERE ${walkIf()} ORDER BY ${NEWEST} LIMIT ${p.add(walk)}) x
         WHERE ${where} ORDER BY ${NEWEST} LIMIT ${N})
      SELECT id, published_at FROM walked WHERE (SELECT count(*) FROM walked) = ${N}
      UNION ALL
      (SELECT id, published_at FROM ${all} a WHERE (SELECT count(*) FROM walked) < ${N})) x`;
}

/**
 * A relaxed search walks the newest listings when its plan expects this many times the candidates
 * among them (its estimate of matches counts each concept apart: an overestimate).
 */
const WALK_MARGIN = 1.5;

/**
 * The prior order's first `limit` word matches (ids), for exact ranking (see pageSql): title
 * matches, then the others; newest first. They are among the newest `limit` title matches plus the
 * newest `limit` matches of any kind (the latter hold at least `limit - |title matches|` non-title
 * ones, and the newest of them), so both are taken and each row keeps its best tier. Testing "not
 * a title match" on every match instead would read every match's title vector.
 */
function wordCandidates(
  index: string,
  filters: string[],
  text: TextQuery,
  limit: number,
  walk: number,
  gated: boolean,
  p: Params,
): string {
  const where = (match: string) => [...filters, match].join(" AND ");
  // A relaxed search knows how dense its matches are from its plan (the vocabulary's counts).
  const dense = text.relaxed?.density;
  const L = p.add(limit);
  // Walking is worth trying only where the vocabulary says each word (as a prefix) is common enough
  // for a walk to find `limit` matches: in titles for title matches, in any text for the others.
  // The rarest word's share bounds the matches' (the words of a compound go together, so it is
  // close: "năng lượng"). The title share stood in for the text's once (a word in 1/300 of titles
  // walked the text): "thức ăn gia súc" read 1,500 full vectors to find none. The vocabulary may
  // lag behind the listings: that only changes which path runs.
  const commonIn = (column: "docs" | "text_docs") => () => `(SELECT min((SELECT coalesce(sum(w.${column}), 0)
        FROM search_words w WHERE w.word >= t AND w.word < t || chr(1114111))) FROM unnest(${p.add(text.tokens)}::text[]) t)
    >= (SELECT sum(greatest(c.reltuples, 0)) * ${p.add(Math.min(1, limit / Math.max(walk, 1)))} FROM pg_class c
         WHERE c.oid IN ('offer_search'::regclass, 'demand_search'::regclass))`;
  const always = () => "true";
  const walkable = (share: number) => () => (share * walk >= WALK_MARGIN * limit ? "true" : "false");
  const denseTitles = gated ? (dense ? walkable(dense.title) : commonIn("docs")) : always;
  const denseText = gated ? (dense ? walkable(dense.text) : commonIn("text_docs")) : always;
  // With `limit` title matches, the others are not needed (and not computed).
  return `WITH title AS MATERIALIZED (
      SELECT x.id, x.published_at FROM ${newestMatches(index, where(titleMatch(text, p)), limit, walk, p, denseTitles)})
    SELECT id FROM (
      SELECT DISTINCT ON (id) id, tier, published_at FROM (
        SELECT id, 0 AS tier, published_at FROM title
        UNION ALL
        SELECT x.id, 1, x.published_at FROM ${newestMatches(index, where(textMatch(text, p)), limit, walk, p, denseText)}
         WHERE (SELECT count(*) FROM title) < ${L}
      ) u ORDER BY id, tier
    ) d ORDER BY tier, published_at DESC NULLS LAST, id LIMIT ${L}`;
}

/**
 * SQL yielding one page of ids in order, with a score: `SELECT id, score …` (already ordered).
 *
 * Relevance ranking is exact for up to RANKING.candidates matches. A broader query ranks the
 * candidates that come first in the "prior" order — title matches before text-only matches, newest
 * first — and continues past them in that prior order. So a query matching 90% of the catalogue
 * costs what ranking a few hundred rows costs, and its first pages still show the best title
 * matches among the most recent ones. Pages never overlap or skip rows: the order is total.
 */
function pageSql(kind: ListingSearchKind, input: SearchInput, p: Params): string {
  const { index, listing } = TABLES[kind];
  const size = pageSizeOf(input);
  const offset = offsetOf(input);
  const text = textOf(input);
  const sort = input.sort ?? (text ? "relevance" : "newest");
  if (!text || sort !== "relevance") {
    const order = sortOrder(kind, sort);
    const where = matchWhere(kind, input, p);
    // Query words under a column sort: the matches, then the sort (see fencedMatches, newestMatches).
    const from = !text
      ? `${index} x WHERE ${where}`
      : order === NEWEST
        ? newestMatches(index, where, offset + size, input.walk ?? RANKING.walk, p)
        : fencedMatches(index, where);
    return `SELECT x.id, 0::float8 AS score FROM ${from} ORDER BY ${order} LIMIT ${p.add(size)} OFFSET ${p.add(offset)}`;
  }

  const limit = Math.max(1, input.candidates ?? (text.relaxed ? RANKING.relaxedCandidates : RANKING.candidates));
  const fuzzy = text.mode === "fuzzy";
  const parts: string[] = [];
  // Every fragment registers its parameters as it is built: build only what the SQL uses.
  if (offset < limit) {
    const filters = baseClauses(kind, input, p);
    const and = (...more: string[]) => [...filters, ...more].join(" AND ");
    const candidates = fuzzy
      ? `SELECT x.id FROM ${newestMatches(index, and(textMatch(text, p)), limit, 0, p)}`
      : wordCandidates(
          index,
          filters,
          text,
          limit,
          input.walk ?? (text.relaxed ? RANKING.relaxedWalk : RANKING.walk),
          input.walk === undefined,
          p,
        );
    parts.push(`(WITH candidates AS (${candidates})
      SELECT x.id, (${relevance(text, p)})::float8 AS score
        FROM candidates c JOIN ${index} x ON x.id = c.id JOIN ${listing} l ON l.id = c.id ${text.relaxed ? RELAXED_FULL_JOIN : ""}
       ORDER BY score DESC, x.id LIMIT ${p.add(Math.min(size, limit - offset))} OFFSET ${p.add(offset)})`);
  }
  if (offset + size > limit) {
    // Past the ranked candidates: the rest in the prior order. Title matches and the other matches
    // both come from their GIN index; "not a title match" is an anti-join of the two sets, which
    // reads no vector (testing each match's title vector would read it from TOAST).
    const skip = Math.max(offset, limit);
    const filters = baseClauses(kind, input, p);
    const and = (match: string) => [...filters, match].join(" AND ");
    const rest = fuzzy
      ? `SELECT x.id, x.published_at, 0 AS tier FROM ${fencedMatches(index, and(textMatch(text, p)))}`
      : `WITH title AS MATERIALIZED (SELECT x.id, x.published_at FROM ${fencedMatches(index, and(titleMatch(text, p)))})
         SELECT id, published_at, 0 AS tier FROM title
         UNION ALL
         SELECT x.id, x.published_at, 1 FROM ${fencedMatches(index, and(textMatch(text, p)))}
          WHERE NOT EXISTS (SELECT 1 FROM title t WHERE t.id = x.id)`;
    parts.push(`(SELECT r.id, 0::float8 AS score FROM (${rest}) r
       ORDER BY r.tier, r.published_at DESC NULLS LAST, r.id LIMIT ${p.add(offset + size - skip)} OFFSET ${p.add(skip)})`);
  }
  return parts.join(" UNION ALL ");
}

/** One page of matches shown through `display`, in order, each with its `score`. */
export function pageStatement(kind: ListingSearchKind, input: SearchInput, display: Display): Statement {
  const p = new Params();
  const page = pageSql(kind, input, p);
  return {
    name: "items",
    // row_number() over the ordered page numbers rows as they come, i.e. in the page's order.
    text: `WITH page AS MATERIALIZED (SELECT s.id, s.score, row_number() OVER () AS ord FROM (${page}) s)
      SELECT ${display.select}, page.score FROM page ${display.joins} ORDER BY page.ord`,
    values: p.values,
  };
}

/** The number of matches. */
export function totalStatement(kind: ListingSearchKind, input: SearchInput): Statement {
  const p = new Params();
  const where = matchWhere(kind, input, p);
  const matches = `SELECT 1 FROM ${TABLES[kind].index} x WHERE ${where}`;
  return {
    name: "total",
    text: input.relaxed
      ? `SELECT count(*)::int AS total FROM (${matches} LIMIT ${p.add(relaxedCapOf(input))}) m`
      : `SELECT count(*)::int AS total FROM ${TABLES[kind].index} x WHERE ${where}`,
    values: p.values,
  };
}

/**
 * Facet counts for the catalog filters over the matches: exact up to FACET_SAMPLE matches. The
 * `_rows` line tells how many were counted, so the caller can scale beyond (see searchListings).
 */
export function facetStatement(kind: ListingSearchKind, input: SearchInput): Statement {
  const p = new Params();
  const where = matchWhere(kind, input, p);
  return {
    name: "facets",
    text: `WITH m AS MATERIALIZED (
        SELECT x.field_code AS field, x.trl, ${TABLES[kind].ip} AS ip, ${TABLES[kind].orgType} AS org_type, x.city AS location, x.forms_mask
          FROM ${fencedMatches(TABLES[kind].index, where)} LIMIT ${p.add(input.relaxed ? relaxedCapOf(input) : FACET_SAMPLE)})
      SELECT '_rows' AS facet, NULL AS key, count(*)::int AS n FROM m
      UNION ALL SELECT 'field', field, count(*)::int FROM m GROUP BY field
      UNION ALL SELECT 'trl', trl::text, count(*)::int FROM m GROUP BY trl
      UNION ALL SELECT 'ipStatus', ip, count(*)::int FROM m WHERE ip IS NOT NULL GROUP BY ip
      UNION ALL SELECT 'orgType', org_type::text, count(*)::int FROM m WHERE org_type IS NOT NULL GROUP BY org_type
      UNION ALL SELECT 'location', location, count(*)::int FROM m GROUP BY location
      UNION ALL SELECT 'transferForm', f.form::text, count(*)::int
        FROM m JOIN unnest(enum_range(NULL::"TransferForm")) WITH ORDINALITY AS f(form, i) ON m.forms_mask & (1 << (f.i::int - 1)) <> 0
       GROUP BY f.form`,
    values: p.values,
  };
}

/**
 * What /search shows of a hit: the texts the snippet is cut from, and what the listing's catalog card
 * shows (sector, readiness, terms, organization; see lib/catalog/rows.ts). A confidential demand's
 * organization columns are NULL: its identity never leaves the database, as in the catalog.
 */
export function hitDisplay(kind: ListingSearchKind): Display {
  const terms =
    kind === "offers"
      ? `l.trl, l.ip_status AS "ipStatus", l.price_type AS "priceType", l.price_min AS "priceMin",
      l.price_max AS "priceMax", l.screening`
      : `l.trl_min AS "trlMin", l.budget_min AS "budgetMin", l.budget_max AS "budgetMax",
      l.deadline::text AS deadline, l.confidential`;
  const organization = (
    [
      ["g.name", "orgName"],
      ["g.name_en", "orgNameEn"],
      ["g.slug", "orgSlug"],
      ["g.type", "orgType"],
      ["g.verification_status", "orgVerification"],
    ] as const
  ).map(([column, name]) =>
    kind === "demands"
      ? `CASE WHEN l.confidential THEN NULL ELSE ${column} END AS "${name}"`
      : `${column} AS "${name}"`,
  );
  return {
    select: `l.id, l.slug, l.title_vi AS "titleVi", l.title_en AS "titleEn", l.summary_vi AS "summaryVi",
      l.summary_en AS "summaryEn", left(l.description, 600) AS "description", l.location,
      l.published_at AS "publishedAt", l.updated_at AS "updatedAt", s.code AS "sectorCode",
      s.name_vi AS "sectorNameVi", s.name_en AS "sectorNameEn", ${terms}, ${organization.join(", ")}`,
    joins: `JOIN ${TABLES[kind].listing} l ON l.id = page.id
      JOIN organizations g ON g.id = l.organization_id
      JOIN taxonomy_nodes s ON s.code = l.sector_code`,
  };
}

/** The statements a search runs, all at once: the page, the total and (optionally) the facets. */
export function searchStatements(kind: ListingSearchKind, input: SearchInput): Statement[] {
  const statements = [pageStatement(kind, input, hitDisplay(kind)), totalStatement(kind, input)];
  if (input.facets) statements.push(facetStatement(kind, input));
  return statements;
}
