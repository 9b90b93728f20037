import "server-only";
import { pool } from "@/lib/db";
import { searchStatements, type ListingSearchKind, type SearchInput, type Statement } from "./sql";
import { highlight, tokenize } from "./text";
import type { FacetBucket, Facets, SearchResult, Suggestion } from "./types";

export type { SearchInput } from "./sql";

/** The exact statements `searchListings` runs (for the benchmark's bare-SQL comparison). */
export function searchSql(kind: ListingSearchKind, input: SearchInput): Statement[] {
  return searchStatements(kind, input);
}

interface ItemRow {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string | null;
  summaryEn: string | null;
  description: string;
  score: number;
  total: number;
}

const EMPTY_FACETS: Facets = { field: [], trl: [], ipStatus: [], orgType: [], location: [], transferForm: [] };

/**
 * Ranked, diacritic-insensitive search over published offers or demands, with the total and, on
 * request, facet counts for the catalog filters — computed for this query and these filters.
 */
export async function searchListings(kind: ListingSearchKind, input: SearchInput): Promise<SearchResult> {
  const run = (mode: "words" | "fuzzy") =>
    Promise.all(searchStatements(kind, { ...input, mode }).map((s) => pool().query(s.text, s.values)));
  let [itemsResult, facetsResult] = await run("words");
  const tokens = tokenize(input.q);
  // No listing has every word: probably a typo, so look for similar titles instead.
  if (itemsResult!.rowCount === 0 && tokens.length && (input.page ?? 1) === 1) [itemsResult, facetsResult] = await run("fuzzy");
  const rows = itemsResult!.rows as ItemRow[];
  const items = rows.map((row) => {
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
  const facets = facetsResult ? groupFacets(facetsResult.rows as { facet: keyof Facets; key: string | null; n: number }[]) : undefined;
  return { items, total: rows[0]?.total ?? 0, page: Math.max(input.page ?? 1, 1), pageSize: Math.min(Math.max(input.pageSize ?? 20, 1), 100), facets };
}

function groupFacets(rows: { facet: keyof Facets; key: string | null; n: number }[]): Facets {
  const out: Facets = { field: [], trl: [], ipStatus: [], orgType: [], location: [], transferForm: [] };
  for (const row of rows) if (row.key !== null) (out[row.facet] as FacetBucket[]).push({ key: row.key, count: row.n });
  for (const list of Object.values(out) as FacetBucket[][]) list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return out;
}

export { EMPTY_FACETS };

/**
 * Suggestions while typing: published titles, fields/sectors and organizations whose words start
 * with what was typed (accents ignored). Candidates come from the indexes and only a bounded number
 * are ranked, so a two-letter prefix costs as little as a full word.
 */
export async function suggest(q: string, limit = 8): Promise<Suggestion[]> {
  const tokens = tokenize(q);
  const folded = tokens.join(" ");
  if (folded.replace(/\s/g, "").length < 2) return [];
  const tsq = tokens.map((t) => `${t}:*A`).join(" & ");
  // Candidates come from the head vector (title weight A): short, inline, indexed.
  const { rows } = await pool().query<{ type: Suggestion["type"]; label: string; label_en: string | null; slug: string }>(
    `(SELECT 'offer' AS type, title_vi AS label, title_en AS label_en, slug FROM (
        SELECT title_vi, title_en, slug, search_title FROM offers
         WHERE status = 'PUBLISHED' AND head_vector @@ to_tsquery('simple', $1) LIMIT 100) c
      ORDER BY word_similarity($2, search_title) DESC, length(search_title) LIMIT 4)
     UNION ALL
     (SELECT 'demand', title_vi, title_en, slug FROM (
        SELECT title_vi, title_en, slug, search_title FROM demands
         WHERE status = 'PUBLISHED' AND NOT confidential AND head_vector @@ to_tsquery('simple', $1) LIMIT 100) c
      ORDER BY word_similarity($2, search_title) DESC, length(search_title) LIMIT 3)
     UNION ALL
     (SELECT 'field', name_vi, name_en, code FROM taxonomy_nodes
       WHERE active AND (techex_fold(name_vi) LIKE '%' || $2 || '%' OR lower(name_en) LIKE '%' || $2 || '%')
       ORDER BY level, code LIMIT 2)
     UNION ALL
     (SELECT 'organization', name, name_en, slug FROM organizations
       WHERE verification_status <> 'REJECTED' AND search_vector @@ to_tsquery('simple', $1)
       ORDER BY word_similarity($2, search_title) DESC LIMIT 2)`,
    [tsq, folded],
  );
  const href = { offer: "/technologies/", demand: "/demands/", field: "/technologies?sector=", organization: "/organizations/" } as const;
  return rows.slice(0, limit).map((r) => ({ type: r.type, label: r.label, labelEn: r.label_en, href: `${href[r.type]}${r.slug}` }));
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
  const { rows } = await pool().query<{ id: string; slug: string; title: string; titleEn: string | null; body: string; score: number; total: number }>(
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
    kind, id: r.id, slug: r.slug, title: r.title, titleEn: r.titleEn, snippet: highlight(r.body, tokens), score: Number(r.score),
  }));
  return { items, total: rows[0]?.total ?? 0, page: Math.max(page, 1), pageSize: size };
}
