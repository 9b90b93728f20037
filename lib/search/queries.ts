import "server-only";
import { pool, searchPool } from "@/lib/db";
import {
  FACET_SAMPLE,
  facetStatement,
  hitDisplay,
  pageOf,
  pageSizeOf,
  pageStatement,
  searchStatements,
  totalStatement,
  type Display,
  type ListingSearchKind,
  type SearchInput,
  type Statement,
} from "./sql";
import { highlight, tokenize } from "./text";
import { correctCombination, correctTokens } from "./words";
import type { FacetBucket, Facets, ListingTexts, SearchResult, Suggestion } from "./types";

export type { SearchInput } from "./sql";

/** The exact statements `searchListings` runs (for the benchmark's bare-SQL comparison). */
export function searchSql(kind: ListingSearchKind, input: SearchInput): Statement[] {
  return searchStatements(kind, input);
}

interface ItemRow extends ListingTexts {
  description: string;
  score: number;
}

const EMPTY_FACETS: Facets = { field: [], trl: [], ipStatus: [], orgType: [], location: [], transferForm: [] };

const run = <R extends object>(s: Statement) => searchPool().query<R & Record<string, unknown>>(s.text, s.values);

export interface ListingPage<R, A = undefined> {
  rows: (R & { score: number })[];
  /** What `alongside` returned for the query actually searched. */
  alongside?: A;
  total: number;
  /** "corrected": the words of `q` found nothing and their spelling was corrected to `q`. */
  mode: "words" | "corrected" | "fuzzy";
  /** The query actually searched (the corrected one after a typo). */
  q: string;
}

/**
 * One page of published listings matching `input` (query words and/or catalog filters, in the
 * input's sort), shown through `display`, with the total. The page and the count run at once.
 *
 * When the query's words find nothing, it may be a typo: unknown words are corrected against the
 * title vocabulary (lib/search/words.ts) and the corrected words searched. When every word is real
 * and no filter could be the reason, one word may be a typo for another ("lên mem"): a similar word
 * that makes the words occur together in a title replaces it. Only when neither works, and no
 * filter could be the reason, are titles compared by trigram similarity (slow on common syllables,
 * hence the last resort).
 */
export async function listingPage<R extends object, A = undefined>(
  kind: ListingSearchKind,
  input: SearchInput,
  display: Display,
  /** More work on the same query (the facets), run with each attempt's page and count. */
  alongside?: (q: string, mode: "words" | "fuzzy") => Promise<A>,
): Promise<ListingPage<R, A>> {
  const once = async (q: string, mode: "words" | "fuzzy") => {
    const at = { ...input, q, mode };
    const [page, total, extra] = await Promise.all([
      run<R & { score: number }>(pageStatement(kind, at, display)),
      run<{ total: number }>(totalStatement(kind, at)),
      alongside?.(q, mode),
    ]);
    return { rows: page.rows, total: Number(total.rows[0]?.total ?? 0), alongside: extra };
  };
  const words = await once(input.q, input.mode ?? "words");
  const tokens = tokenize(input.q);
  if (words.total > 0 || !tokens.length || input.mode) return { ...words, mode: input.mode ?? "words", q: input.q };
  const filtered = Object.values(input.filters ?? {}).some((v) => v !== undefined && v !== "" && v !== false);
  const unknown = await correctTokens(tokens);
  // Every word is real: under filters the empty result is genuine; else the words may not go together.
  const corrected = unknown ?? (filtered ? null : await correctCombination(kind, tokens));
  if (corrected) {
    const q = corrected.join(" ");
    const found = await once(q, "words");
    if (found.total > 0) return { ...found, mode: "corrected", q };
  }
  if (!unknown && filtered) return { ...words, mode: "words", q: input.q };
  return { ...(await once(input.q, "fuzzy")), mode: "fuzzy", q: input.q };
}

/**
 * Ranked, diacritic-insensitive search over published offers or demands, with the total and, on
 * request, facet counts for the catalog filters — computed for this query and these filters.
 * Facets are exact up to FACET_SAMPLE matches; beyond, they are counted on the first FACET_SAMPLE
 * matches and scaled to the total (`facetsApproximate`), which keeps a query matching most of the
 * catalogue as fast as a narrow one.
 */
export async function searchListings(kind: ListingSearchKind, input: SearchInput): Promise<SearchResult> {
  const found = await listingPage<ItemRow, { rows: FacetRow[] }>(
    kind,
    input,
    hitDisplay(kind),
    input.facets ? (q, mode) => run<FacetRow>(facetStatement(kind, { ...input, q, mode })) : undefined,
  );
  const facetRows = found.alongside;
  const tokens = tokenize(found.q);
  const items = found.rows.map((row) => {
    // The snippet comes from the summary when it mentions the query, else from the description.
    const summary = row.summaryVi ?? "";
    const fromSummary = highlight(summary, tokens);
    const snippet = fromSummary.highlights.length || !tokens.length ? fromSummary : highlight(row.description, tokens);
    return {
      kind,
      id: row.id,
      slug: row.slug,
      title: row.titleVi,
      titleEn: row.titleEn,
      snippet: snippet.text ? snippet : fromSummary,
      score: Number(row.score),
    };
  });
  const facets = facetRows ? groupFacets(facetRows.rows, found.total) : undefined;
  return {
    items,
    total: found.total,
    page: pageOf(input),
    pageSize: pageSizeOf(input),
    facets: facets?.facets,
    facetsApproximate: facets?.approximate,
    correctedQuery: found.mode === "corrected" ? found.q : undefined,
  };
}

/** Only the number of matches (the /search tabs). */
export async function countListings(kind: ListingSearchKind, q: string): Promise<number> {
  const count = async (text: string, mode: "words" | "fuzzy") =>
    Number((await run<{ total: number }>(totalStatement(kind, { q: text, mode }))).rows[0]?.total ?? 0);
  const words = await count(q, "words");
  if (words > 0 || !tokenize(q).length) return words;
  // As listingPage does after a typo: the corrected words, else similar titles.
  const tokens = tokenize(q);
  const corrected = (await correctTokens(tokens)) ?? (await correctCombination(kind, tokens));
  const fixed = corrected ? await count(corrected.join(" "), "words") : 0;
  return fixed > 0 ? fixed : count(q, "fuzzy");
}

type FacetRow = { facet: keyof Facets | "_rows"; key: string | null; n: number };

function groupFacets(rows: FacetRow[], total: number): { facets: Facets; approximate: boolean } {
  const counted = rows.find((r) => r.facet === "_rows")?.n ?? 0;
  // Counted on a sample: scale to the total (at least 1, so a present value never shows 0).
  const approximate = counted >= FACET_SAMPLE && total > counted;
  const scale = (n: number) => (approximate ? Math.max(1, Math.round((n * total) / counted)) : n);
  const out: Facets = { field: [], trl: [], ipStatus: [], orgType: [], location: [], transferForm: [] };
  for (const row of rows) {
    if (row.facet !== "_rows" && row.key !== null)
      (out[row.facet] as FacetBucket[]).push({ key: row.key, count: scale(row.n) });
  }
  for (const list of Object.values(out) as FacetBucket[][])
    list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { facets: out, approximate };
}

export { EMPTY_FACETS };

/** How many of the newest titles suggestions test before asking the index (see suggest). */
const SUGGEST_WALK = 400;

/**
 * Suggestions while typing: published titles, fields/sectors and organizations whose words start
 * with what was typed (accents ignored). Candidates come from the indexes and only a bounded number
 * are ranked, so a two-letter prefix costs as little as a full word.
 */
export async function suggest(q: string, limit = 8): Promise<Suggestion[]> {
  const tokens = tokenize(q);
  const folded = tokens.join(" ");
  if (folded.replace(/\s/g, "").length < 2) return [];
  const tsq = tokens.map((t) => `${t}:*`).join(" & ");
  // A last word of one or two letters ("xử lý nước t") starts thousands of words: the index is
  // asked for the other words only, and the candidates it returns are tested for the whole prefix.
  const short = tokens.length > 1 && tokens.at(-1)!.length <= 2 && tokens.slice(0, -1).some((t) => t.length >= 3);
  const indexed = short
    ? tokens
        .slice(0, -1)
        .map((t) => `${t}:*`)
        .join(" & ")
    : tsq;
  // Candidates: up to 100 titles from the search index (narrow rows), then the few most similar to
  // what was typed, joined to their listing for the label. Where the prefix is common ("cô", "công
  // ng"), collecting every match costs far more than testing the newest titles one by one: the
  // newest SUGGEST_WALK are tested first, and the index is asked only if they hold too few.
  const titles = (
    table: "offer_search" | "demand_search",
    listing: "offers" | "demands",
    n: number,
    visible: string,
  ) => `(
      WITH walked AS MATERIALIZED (
        SELECT x.id, x.search_title FROM (
          SELECT x.* FROM ${table} x ORDER BY x.published_at DESC NULLS LAST, x.id LIMIT ${SUGGEST_WALK}) x
         WHERE ${visible} AND x.title_vector @@ to_tsquery('simple', $1) LIMIT 100),
      c AS (
        SELECT id, search_title FROM walked WHERE (SELECT count(*) FROM walked) >= 50
        UNION ALL
        (SELECT x.id, x.search_title FROM (
            SELECT x.id, x.search_title FROM ${table} x
             WHERE ${visible} AND x.title_vector @@ to_tsquery('simple', $3) AND (x.title_vector @@ to_tsquery('simple', $1)) IS TRUE
            OFFSET 0) x
          WHERE (SELECT count(*) FROM walked) < 50 LIMIT 100))
      SELECT l.title_vi AS label, l.title_en AS label_en, l.slug FROM (
        SELECT c.id, c.search_title FROM c ORDER BY word_similarity($2, c.search_title) DESC, length(c.search_title), c.id LIMIT ${n}) t
        JOIN ${listing} l ON l.id = t.id ORDER BY word_similarity($2, t.search_title) DESC, length(t.search_title), t.id)`;
  type Row = { type: Suggestion["type"]; label: string; label_en: string | null; slug: string };
  // Three statements at once (the two title lookups are the costly part), in the order shown.
  const withTitles = [tsq, folded, indexed];
  const parts = await Promise.all(
    [
      [`SELECT 'offer' AS type, o.* FROM ${titles("offer_search", "offers", 4, "true")} o`, withTitles] as const,
      [
        `SELECT 'demand' AS type, d.* FROM ${titles("demand_search", "demands", 3, "NOT x.confidential")} d`,
        withTitles,
      ] as const,
      [
        `(SELECT 'field' AS type, name_vi AS label, name_en AS label_en, code AS slug FROM taxonomy_nodes
       WHERE active AND (techex_fold(name_vi) LIKE '%' || $2 || '%' OR lower(name_en) LIKE '%' || $2 || '%')
       ORDER BY level, code LIMIT 2)
     UNION ALL
     (SELECT 'organization', o.name, o.name_en, o.slug FROM (
        SELECT id, search_title FROM organizations
         WHERE verification_status <> 'REJECTED' AND search_vector @@ to_tsquery('simple', $1) LIMIT 100) c
       JOIN organizations o ON o.id = c.id
       ORDER BY word_similarity($2, c.search_title) DESC, o.id LIMIT 2)`,
        [tsq, folded],
      ] as const,
    ].map(([text, values]) => searchPool().query<Row>(text, [...values])),
  );
  const rows = parts.flatMap((part) => part.rows);
  const href = {
    offer: "/technologies/",
    demand: "/demands/",
    field: "/technologies?sector=",
    organization: "/organizations/",
  } as const;
  return rows
    .slice(0, limit)
    .map((r) => ({ type: r.type, label: r.label, labelEn: r.label_en, href: `${href[r.type]}${r.slug}` }));
}

export interface DirectoryHit {
  kind: "organizations" | "experts";
  id: string;
  slug: string;
  title: string;
  titleEn: string | null;
  snippet: { text: string; highlights: [number, number][] };
  score: number;
}

/** Search over verified/pending organizations or public experts, ranked like listings. */
export async function searchDirectory(kind: "organizations" | "experts", q: string, page = 1, pageSize = 20) {
  const tokens = tokenize(q);
  const tsq = tokens.length ? tokens.map((t) => `${t}:*`).join(" & ") : null;
  if (!tsq) return { items: [] as DirectoryHit[], total: 0, page: 1, pageSize };
  const folded = tokens.join(" ");
  const sql =
    kind === "organizations"
      ? `SELECT id, slug, name AS title, name_en AS "titleEn", coalesce(description, '') AS body, search_vector, search_title
           FROM organizations WHERE verification_status <> 'REJECTED'`
      : `SELECT id, slug, name AS title, NULL::text AS "titleEn", expertise AS body, search_vector, search_title
           FROM experts WHERE is_public`;
  const size = Math.min(Math.max(pageSize, 1), 100);
  const { rows } = await pool().query<{
    id: string;
    slug: string;
    title: string;
    titleEn: string | null;
    body: string;
    score: number;
    total: number;
  }>(
    `SELECT id, slug, title, "titleEn", body,
            (ts_rank_cd('{0.05,0.2,0.4,1.0}', search_vector, to_tsquery('simple', $1), 1)
             + greatest(word_similarity($2, search_title) - 0.35, 0))::float8 AS score,
            count(*) OVER ()::int AS total
       FROM (${sql}) x
      WHERE search_vector @@ to_tsquery('simple', $1) OR $2 <% search_title
      ORDER BY score DESC, id LIMIT $3 OFFSET $4`,
    [tsq, folded, size, (Math.max(page, 1) - 1) * size],
  );
  const items: DirectoryHit[] = rows.map((r) => ({
    kind,
    id: r.id,
    slug: r.slug,
    title: r.title,
    titleEn: r.titleEn,
    snippet: highlight(r.body, tokens),
    score: Number(r.score),
  }));
  return { items, total: rows[0]?.total ?? 0, page: Math.max(page, 1), pageSize: size };
}
