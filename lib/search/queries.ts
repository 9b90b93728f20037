import "server-only";
import { pool, searchPool } from "@/lib/db";
import {
  FACET_SAMPLE,
  facetStatement,
  hitDisplay,
  pageOf,
  pageSizeOf,
  pageStatement,
  relaxedCapOf,
  searchStatements,
  totalStatement,
  type Display,
  type ListingSearchKind,
  type SearchInput,
  type Statement,
} from "./sql";
import { highlight, tokenize } from "./text";
import { analyzeQuery } from "./analyze";
import { expandQuery, relaxedPlan, type ExpandedQuery } from "./relax";
import type { RelaxedPlan } from "./rank";
import { correctCombination, correctTokens } from "./words";
import type { IpStatus, OrgType, PriceType, ScreeningOutcome, VerificationStatus } from "@/lib/generated/prisma/enums";
import type {
  FacetBucket,
  Facets,
  HitAmount,
  ListingHitCard,
  ListingTexts,
  Relaxation,
  SearchResult,
  Suggestion,
} from "./types";

export type { SearchInput } from "./sql";

/** The exact statements `searchListings` runs (for the benchmark's bare-SQL comparison). */
export function searchSql(kind: ListingSearchKind, input: SearchInput): Statement[] {
  return searchStatements(kind, input);
}

/** A row of hitDisplay: the texts, then the card's columns (those of the other kind are absent). */
interface ItemRow extends ListingTexts {
  description: string;
  score: number;
  location: string;
  publishedAt: Date | null;
  updatedAt: Date;
  sectorCode: string;
  sectorNameVi: string;
  sectorNameEn: string;
  /** The organization's columns are all null for a confidential demand. */
  orgName: string | null;
  orgNameEn: string | null;
  orgSlug: string | null;
  orgType: OrgType | null;
  orgVerification: VerificationStatus | null;
  trl: number;
  ipStatus: IpStatus;
  priceType: PriceType;
  priceMin: HitAmount;
  priceMax: HitAmount;
  screening: ScreeningOutcome;
  trlMin: number;
  budgetMin: HitAmount;
  budgetMax: HitAmount;
  deadline: string | null;
  confidential: boolean;
}

/** What the catalog card of a hit's listing shows, from its row (the row of a `kind` listing). */
function hitCard(kind: ListingSearchKind, row: ItemRow): ListingHitCard {
  const base = {
    summaryEn: row.summaryEn,
    location: row.location,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    sector: { code: row.sectorCode, nameVi: row.sectorNameVi, nameEn: row.sectorNameEn },
  };
  const organization =
    row.orgName !== null && row.orgSlug !== null && row.orgType !== null && row.orgVerification !== null
      ? {
          name: row.orgName,
          nameEn: row.orgNameEn,
          slug: row.orgSlug,
          type: row.orgType,
          verificationStatus: row.orgVerification,
        }
      : null;
  if (kind === "offers")
    return {
      kind: "offer",
      ...base,
      summaryVi: row.summaryVi ?? "",
      trl: row.trl,
      ipStatus: row.ipStatus,
      priceType: row.priceType,
      priceMin: row.priceMin,
      priceMax: row.priceMax,
      screening: row.screening,
      // Every offer names its organization (organization_id is required).
      organization: organization!,
    };
  return {
    kind: "demand",
    ...base,
    summaryVi: row.summaryVi,
    trlMin: row.trlMin,
    budgetMin: row.budgetMin,
    budgetMax: row.budgetMax,
    deadline: row.deadline,
    confidential: row.confidential,
    organization: row.confidential ? null : organization,
  };
}

const EMPTY_FACETS: Facets = { field: [], trl: [], ipStatus: [], orgType: [], location: [], transferForm: [] };

const run = <R extends object>(s: Statement) => searchPool().query<R & Record<string, unknown>>(s.text, s.values);

export interface ListingPage<R, A = undefined> {
  rows: (R & { score: number })[];
  /** What `alongside` returned for the query actually searched. */
  alongside?: A;
  total: number;
  /**
   * "corrected": the words of `q` found nothing and their spelling was corrected to `q`.
   * "relaxed": the strict matches (first) were too few; listings matching some of the query's
   * concepts or their synonyms follow (`relaxation`).
   */
  mode: "words" | "corrected" | "fuzzy" | "relaxed";
  /** The query actually searched (the corrected one after a typo). */
  q: string;
  relaxation?: Relaxation;
}

/**
 * Below this many strict matches, a query with text is relaxed (issue #14): question and filler
 * words dropped, any of its concepts or their synonyms enough. Strict matches still rank first.
 * Five is half a page: a query that finds a handful of listings literally is shown more. Under
 * catalog filters the threshold is 1 (a short list is what was asked for), as on catalog pages.
 */
export const RELAX_BELOW = 5;

const idsOnly: Display = { select: "page.id", joins: "" };

/**
 * One page of published listings matching `input` (query words and/or catalog filters, in the
 * input's sort), shown through `display`, with the total. The page and the count run at once.
 *
 * Words first, all of them (strict). When they find nothing, unknown words may be typos: they are
 * corrected against the vocabulary (lib/search/words.ts) and the corrected words searched; when
 * every word is real, one may be a typo for another ("lên mem"). A correction never replaces a
 * query that has results (`correct: false` when another kind has some). When the strict matches are
 * fewer than RELAX_BELOW, the query is relaxed (lib/search/relax.ts): its concepts, any of them,
 * each also as its synonyms, ranked by how much of the query a listing covers, after the strict
 * matches. When all of that finds nothing, titles are compared by trigram similarity (slow on
 * common syllables, hence the last resort).
 *
 * A sentence (a question, or SENTENCE_WORDS words or more) is counted before anything else, while
 * what relaxing it needs is looked up (lookAhead): most sentences are relaxed, and then the strict
 * page and facets would be work thrown away.
 */
export async function listingPage<R extends object, A = undefined>(
  kind: ListingSearchKind,
  input: SearchInput,
  display: Display,
  /** More work on the same query (the facets), run with each attempt's page and count. */
  alongside?: (at: SearchInput) => Promise<A>,
): Promise<ListingPage<R, A>> {
  /** The page, the count (unless known) and what comes alongside, at once. */
  const once = async (at: SearchInput, withRows = true, known?: number) => {
    const [page, total, extra] = await Promise.all([
      withRows ? run<R & { score: number }>(pageStatement(kind, at, display)) : { rows: [] },
      known ?? run<{ total: number }>(totalStatement(kind, at)).then((r) => Number(r.rows[0]?.total ?? 0)),
      alongside?.(at),
    ]);
    return { rows: page.rows, total, alongside: extra };
  };
  const tokens = tokenize(input.q);
  const filtered = Object.values(input.filters ?? {}).some((v) => v !== undefined && v !== "" && v !== false);
  // Under filters a short list is what was asked for: relaxed only when nothing matches.
  const threshold = input.relaxBelow ?? (filtered ? 1 : RELAX_BELOW);
  if (!tokens.length || input.mode || input.relaxed)
    return { ...(await once(input)), mode: input.mode ?? "words", q: input.q };
  const correct = input.correct !== false;

  // A question or a long sentence seldom has every word in a listing: it is counted first, and
  // what relaxing it needs (thesaurus, vocabulary: small lookups) is looked up meanwhile. A short
  // query is searched in full at once (it usually finds enough).
  const sentence = tokens.length >= SENTENCE_WORDS || analyzeQuery(input.q).dropped.length > 0;
  const strict: SearchInput = { ...input, mode: "words" };
  const ahead = sentence ? lookAhead(input.q, tokens, correct) : undefined;
  let words: { rows: (R & { score: number })[]; total: number; alongside?: A };
  let complete = true;
  if (sentence) {
    const total = Number((await run<{ total: number }>(totalStatement(kind, strict))).rows[0]?.total ?? 0);
    if (total >= threshold) return { ...(await once(strict, true, total)), mode: "words", q: input.q };
    words = { rows: total ? (await run<R & { score: number }>(pageStatement(kind, strict, display))).rows : [], total };
    complete = !alongside;
  } else {
    words = await once(strict);
    if (words.total >= threshold) return { ...words, mode: "words", q: input.q };
  }
  // Nothing better than the strict matches: those, with what comes alongside them.
  const done = async () =>
    complete
      ? ({ ...words, mode: "words", q: input.q } as const)
      : ({ ...(await once(strict, true, words.total)), mode: "words", q: input.q } as const);

  // Relaxing needs the lookups (started now for a short query), and a correction is looked for: a
  // word no listing uses is a typo, or all are real but do not go together ("lên mem" for "lên
  // men") — unless a filter could be the reason or the query is a sentence (then relaxing it is the
  // answer).
  const guess = words.total === 0 && correct;
  const looked = await (ahead ?? lookAhead(input.q, tokens, guess));
  let { expanded, plan } = looked;
  // Only question and filler words ("có không nào gì"): nothing to look for.
  if (!expanded.concepts.length && words.total === 0) return done();
  const unknown = guess ? looked.unknown : null;
  if (guess) {
    // …nor when the thesaurus knows some of its words: their synonyms are the better answer ("thức
    // ăn gia súc" found no title but listings about "thức ăn chăn nuôi", not one word replaced).
    const synonyms = expanded.concepts.some((c) => c.alternatives.some((a) => !a.typed));
    const combination =
      unknown ??
      (filtered || sentence || tokens.length > 4 || expanded.dropped.length || synonyms
        ? null
        : await correctCombination(kind, tokens));
    if (combination) {
      const q = combination.join(" ");
      const found = await once({ ...strict, q });
      if (found.total > 0) return { ...found, mode: "corrected", q };
      if (unknown) {
        expanded = await expandQuery(q);
        plan = undefined;
      }
    }
  }

  const strictIds =
    words.total === 0
      ? []
      : (
          await run<{ id: string }>(pageStatement(kind, { ...strict, page: 1, pageSize: words.total }, idsOnly))
        ).rows.map((r) => r.id);
  plan = plan === undefined ? await relaxedPlan(expanded, strictIds) : plan && { ...plan, exclude: strictIds };
  if (plan) {
    const size = pageSizeOf(input);
    const room = size - words.rows.length;
    const offset = Math.max(0, (pageOf(input) - 1) * size - words.total);
    const relaxed = await once({ ...input, relaxed: plan, offset, pageSize: Math.max(room, 1) }, room > 0);
    if (relaxed.total > 0)
      return {
        rows: [...words.rows, ...relaxed.rows],
        total: words.total + relaxed.total,
        alongside: relaxed.alongside,
        mode: "relaxed",
        q: input.q,
        relaxation: {
          strict: words.total,
          capped: relaxed.total >= relaxedCapOf(input),
          concepts: expanded.concepts.map((c) => ({
            text: c.text,
            synonyms: c.alternatives.filter((a) => !a.typed).map((a) => a.text),
          })),
          dropped: expanded.dropped.map((u) => u.text),
        },
      };
  }
  if (words.total > 0 || !correct || (!unknown && filtered)) return done();
  return { ...(await once({ ...input, mode: "fuzzy" })), mode: "fuzzy", q: input.q };
}

/** From this many words on, a query is treated as a sentence (see listingPage). */
const SENTENCE_WORDS = 5;

/** Words never corrected: the question and filler words the analysis left out. */
const keptWords = (expanded: ExpandedQuery) => new Set(expanded.dropped.flatMap((u) => u.words));

/**
 * What relaxing `q` needs, looked up while its strict search runs: its concepts with their
 * thesaurus alternatives, their plan (the strict matches to leave out are added afterwards) and
 * the spelling of its unknown words (when `correct`). Its failure surfaces where it is awaited.
 */
function lookAhead(q: string, tokens: string[], correct: boolean) {
  return quietly(
    (async () => {
      const expanded = await expandQuery(q);
      const [plan, unknown] = await Promise.all([
        relaxedPlan(expanded, []) as Promise<RelaxedPlan | null | undefined>,
        correct ? correctTokens(tokens, keptWords(expanded)) : null,
      ]);
      return { expanded, plan, unknown };
    })(),
  );
}

/** `work`, which may never be awaited (its result not needed after all): never an unhandled rejection. */
function quietly<T>(work: Promise<T>): Promise<T> {
  work.catch(() => {});
  return work;
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
    // The facets of a relaxed search count the strict matches too (they match some concept).
    input.facets
      ? (at) => run<FacetRow>(facetStatement(kind, { ...at, relaxed: at.relaxed && { ...at.relaxed, exclude: [] } }))
      : undefined,
  );
  const facetRows = found.alongside;
  // A relaxed page marks its concepts and the synonyms used, not the filler words.
  const tokens = found.relaxation
    ? [...new Set(found.relaxation.concepts.flatMap((c) => [c.text, ...c.synonyms]).flatMap((text) => tokenize(text)))]
    : tokenize(found.q);
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
      card: hitCard(kind, row),
    };
  });
  const facets = facetRows ? groupFacets(facetRows.rows, found.total, found.relaxation?.capped ?? false) : undefined;
  return {
    items,
    total: found.total,
    page: pageOf(input),
    pageSize: pageSizeOf(input),
    facets: facets?.facets,
    facetsApproximate: facets?.approximate,
    correctedQuery: found.mode === "corrected" ? found.q : undefined,
    relaxation: found.relaxation,
  };
}

/** Only the number of matches (the /search tabs): what the tab's page would show, relaxed or corrected. */
export async function countListings(kind: ListingSearchKind, q: string): Promise<number> {
  return (await listingCount(kind, q)).total;
}

/**
 * The number of matches and how they were found; `exact` when some listing matches every word.
 * `correct: false` when the query has results elsewhere (see SearchInput.correct).
 */
export async function listingCount(
  kind: ListingSearchKind,
  q: string,
  correct = true,
): Promise<{ total: number; exact: boolean; capped: boolean; mode: ListingPage<object>["mode"] }> {
  const found = await listingPage(kind, { q, pageSize: 1, correct }, idsOnly);
  const exact = found.mode === "words" ? found.total > 0 : (found.relaxation?.strict ?? 0) > 0;
  return { total: found.total, exact, capped: found.relaxation?.capped ?? false, mode: found.mode };
}

type FacetRow = { facet: keyof Facets | "_rows"; key: string | null; n: number };

/**
 * The facet buckets of `rows`, scaled to `total` when counted on a sample. `capped`: the total
 * itself only counts so far (a relaxed search, RELAXED_COUNT_CAP): the counts are of that sample.
 */
function groupFacets(rows: FacetRow[], total: number, capped: boolean): { facets: Facets; approximate: boolean } {
  const counted = rows.find((r) => r.facet === "_rows")?.n ?? 0;
  // Counted on a sample: scale to the total (at least 1, so a present value never shows 0).
  const scaled = counted >= FACET_SAMPLE && total > counted;
  const approximate = scaled || capped;
  const scale = (n: number) => (scaled ? Math.max(1, Math.round((n * total) / counted)) : n);
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
