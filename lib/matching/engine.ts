import "server-only";
import { pool } from "@/lib/db";
import { isRelated, scoreMatch, synonymTerm, terms, WEIGHTS, type DemandFacts, type OfferFacts } from "./score";
import { loadMatchSynonyms, type MatchSynonyms } from "./synonyms";
import type { ScoredMatch } from "./types";

/** Query words taken from a listing's title and keywords. */
const MAX_WORDS = 10;
/** Same-sector listings scored exactly: the best by estimated score. */
const SECTOR_CANDIDATES = 60;
/** Listings of other sectors scored exactly: the best text matches among those sharing a rare word. */
const OTHER_SECTOR_CANDIDATES = 20;
/** A word in more listings than this (planner statistics) is too common to find other sectors' matches by. */
const RARE_WORD_LISTINGS = 500;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const OFFER_COLUMNS = `o.id, o.title_vi, o.title_en, o.keywords, o.summary_vi, o.sector_code, s.parent_code AS field_code,
  o.location, o.trl, o.price_type, o.price_min, o.price_max, (g.verification_status = 'VERIFIED') AS verified, o.updated_at`;
const DEMAND_COLUMNS = `d.id, d.title_vi, d.title_en, d.keywords, d.summary_vi, d.sector_code, s.parent_code AS field_code,
  d.location, d.trl_min, d.budget_min, d.budget_max`;

type Row = Record<string, unknown>;

function offerFacts(r: Row): OfferFacts & { id: string } {
  return {
    id: String(r.id),
    title: String(r.title_vi),
    titleEn: r.title_en as string | null,
    keywords: r.keywords as string[],
    summary: r.summary_vi as string | null,
    sectorCode: String(r.sector_code),
    fieldCode: r.field_code as string | null,
    location: String(r.location),
    trl: Number(r.trl),
    priceType: String(r.price_type),
    priceMin: num(r.price_min),
    priceMax: num(r.price_max),
    verified: Boolean(r.verified),
    updatedAt: new Date(r.updated_at as string),
  };
}

function demandFacts(r: Row): DemandFacts & { id: string } {
  return {
    id: String(r.id),
    title: String(r.title_vi),
    titleEn: r.title_en as string | null,
    keywords: r.keywords as string[],
    summary: r.summary_vi as string | null,
    sectorCode: String(r.sector_code),
    fieldCode: r.field_code as string | null,
    location: String(r.location),
    trlMin: Number(r.trl_min),
    budgetMin: num(r.budget_min),
    budgetMax: num(r.budget_max),
  };
}

/**
 * The subject words of a listing's title and keywords, as candidates' head vectors hold them: letters
 * and decimal digits only, so that each word is one lexeme ("m³" would be parsed as "m", in every listing).
 */
function queryWords(
  facts: {
    title: string;
    titleEn?: string | null;
    keywords: string[];
    sectorCode: string;
    fieldCode: string | null;
    location: string;
  },
  synonyms: MatchSynonyms,
) {
  const subject = { ...facts, summary: null };
  const all = [...terms(subject, undefined, synonyms.keys)];
  // The words of a synonym group the listing uses find candidates written the other way.
  const grouped = all.flatMap((t) => (t.startsWith(synonymTerm("")) ? (synonyms.words.get(t.slice(1)) ?? []) : []));
  return [...new Set([...all, ...grouped])].filter((t) => /^[\p{L}\p{Nd}]+$/u.test(t)).slice(0, MAX_WORDS);
}

/** SQL for one side of `scoreMatch`'s criteria that need no text: a column of the candidate or a parameter. */
interface OfferSql {
  trl: string;
  negotiable: string;
  priceMin: string;
  priceMax: string;
  location: string;
  updatedAt?: string;
  verified?: string;
}
interface DemandSql {
  trlMin: string;
  budgetMin: string;
  budgetMax: string;
  location: string;
}

/**
 * The criteria of `scoreMatch` (score.ts) that need no text — TRL, budget, location, recency,
 * verification — in SQL, so that every listing of a sector can be estimated from its plain columns.
 * The estimate only chooses which candidates are scored exactly: if it drifts from score.ts, matches
 * can be missed, never scored wrongly. Criteria that are the same for every candidate are left out.
 */
function estimateSql(o: OfferSql, d: DemandSql) {
  const f = (x: number) => `${x}::float8`; // numeric arithmetic would cost more per row than reading it
  const lo = `(CASE WHEN ${o.negotiable} THEN NULL ELSE ${o.priceMin} END)`;
  const hi = `(CASE WHEN ${o.negotiable} THEN NULL ELSE coalesce(${o.priceMax}, ${o.priceMin}) END)`;
  const bMax = `coalesce(${d.budgetMax}, 'Infinity')`;
  const hanoi = (code: string) => `(${code} = 'HN' OR ${code} LIKE 'HN-%')`;
  return [
    `${f(WEIGHTS.trl)} * CASE WHEN ${o.trl} >= ${d.trlMin} THEN ${f(1)} WHEN ${o.trl} = ${d.trlMin} - 1 THEN ${f(0.5)} ELSE ${f(0)} END`,
    `${f(WEIGHTS.budget)} * CASE WHEN ${lo} IS NULL OR coalesce(${d.budgetMin}, ${d.budgetMax}) IS NULL THEN ${f(0.5)}
       WHEN ${lo} <= ${bMax} AND ${hi} >= coalesce(${d.budgetMin}, 0) THEN ${f(1)} WHEN ${lo} <= ${bMax} * 1.3 THEN ${f(0.5)} ELSE ${f(0)} END`,
    `${f(WEIGHTS.location)} * CASE WHEN ${o.location} = ${d.location} THEN ${f(1)}
       WHEN ${hanoi(o.location)} AND ${hanoi(d.location)} THEN ${f(0.5)} ELSE ${f(0.3)} END`,
    ...(o.updatedAt
      ? [`${f(WEIGHTS.recency)} * exp(-greatest(0, date_part('epoch', now() - ${o.updatedAt})) / 31536000)`]
      : []),
    ...(o.verified ? [`${f(WEIGHTS.verified)} * (${o.verified})::int`] : []),
  ].join("\n + ");
}

/**
 * Candidates from the other side, scored exactly in TypeScript, in one statement of two bounded parts
 * (ranking every listing that shares any query word, common words included, read tens of thousands
 * of rows):
 *  - the same sector, where the sector criterion puts nearly every good match: all its listings,
 *    read through the sector index, are estimated — the criteria without text plus WEIGHTS.text /
 *    MAX_WORDS per query word in the head vector (title, keywords, summary) — and the best are kept;
 *  - other sectors: listings sharing one of the query's rarer words (per the planner statistics of the
 *    head vector; without statistics, any word), by text rank and field.
 * $1 query words, $2 the same as a tsquery (null without words), $3 sector, $4 field, $5 the subject's
 * organization (never matched with itself), $6… the subject's criteria for the estimate.
 */
async function candidates(
  side: "offers" | "demands",
  words: string[],
  sector: string,
  field: string | null,
  excludeOrg: string,
  estimate: { sql: string; values: unknown[] },
) {
  const a = side === "offers" ? "o" : "d";
  const columns = side === "offers" ? OFFER_COLUMNS : DEMAND_COLUMNS;
  const from = `${side} ${a} JOIN taxonomy_nodes s ON s.code = ${a}.sector_code${side === "offers" ? " JOIN organizations g ON g.id = o.organization_id" : ""}`;
  const { rows } = await pool().query<Row>(
    `(SELECT ${columns} FROM ${from}
       WHERE ${a}.status = 'PUBLISHED' AND ${a}.sector_code = $3 AND ${a}.organization_id <> $5::uuid
       ORDER BY ${estimate.sql}
                + ${WEIGHTS.text / MAX_WORDS}::float8 * (length(${a}.head_vector) - length(ts_delete(${a}.head_vector, $1::text[]))) DESC, ${a}.id
       LIMIT ${SECTOR_CANDIDATES})
     UNION ALL
     (SELECT ${columns} FROM ${from}
       WHERE ${a}.status = 'PUBLISHED' AND ${a}.sector_code <> $3 AND ${a}.organization_id <> $5::uuid
         AND $2::text IS NOT NULL AND ${a}.head_vector @@ to_tsquery('simple', (
               SELECT string_agg(w, ' | ') FROM unnest($1::text[]) AS w
                WHERE NOT EXISTS (
                  SELECT FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS x(e, f)
                   WHERE schemaname = current_schema() AND tablename = '${side}' AND attname = 'head_vector'
                     AND e = w AND f * (SELECT reltuples FROM pg_class WHERE oid = '${side}'::regclass) > ${RARE_WORD_LISTINGS})))
       ORDER BY ts_rank('{0.05,0.2,0.4,1.0}', ${a}.head_vector, to_tsquery('simple', $2))
                + CASE WHEN s.parent_code = $4 THEN 0.2 ELSE 0 END DESC, ${a}.id
       LIMIT ${OTHER_SECTOR_CANDIDATES})`,
    [words, words.length ? words.join(" | ") : null, sector, field, excludeOrg, ...estimate.values],
  );
  return rows;
}

async function loadOne(side: "offers" | "demands", id: string) {
  const a = side === "offers" ? "o" : "d";
  const columns = side === "offers" ? OFFER_COLUMNS : DEMAND_COLUMNS;
  const { rows } = await pool().query<Row>(
    `SELECT ${columns}, ${a}.organization_id FROM ${side} ${a} JOIN organizations g ON g.id = ${a}.organization_id
       JOIN taxonomy_nodes s ON s.code = ${a}.sector_code WHERE ${a}.id = $1::uuid AND ${a}.status = 'PUBLISHED'`,
    [id],
  );
  return rows[0] ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The best related offers for a published demand, computed now (nothing stored). Other organizations only. */
export async function findMatchesForDemand(demandId: string, limit = 10): Promise<ScoredMatch[]> {
  if (!UUID.test(demandId)) return [];
  const row = await loadOne("demands", demandId);
  if (!row) return [];
  const demand = demandFacts(row);
  const synonyms = await loadMatchSynonyms();
  const estimate = {
    sql: estimateSql(
      {
        trl: "o.trl",
        negotiable: "o.price_type = 'NEGOTIABLE'",
        priceMin: "o.price_min::float8",
        priceMax: "o.price_max::float8",
        location: "o.location",
        updatedAt: "o.updated_at",
        verified: "g.verification_status = 'VERIFIED'",
      },
      { trlMin: "$6::int", budgetMin: "$7::float8", budgetMax: "$8::float8", location: "$9::text" },
    ),
    values: [demand.trlMin, demand.budgetMin, demand.budgetMax, demand.location],
  };
  const rows = await candidates(
    "offers",
    queryWords(demand, synonyms),
    demand.sectorCode,
    demand.fieldCode,
    String(row.organization_id),
    estimate,
  );
  return rank(
    rows
      .map(offerFacts)
      .map((offer) => ({ offerId: offer.id, demandId, ...scoreMatch(offer, demand, new Date(), synonyms.keys) })),
    limit,
  );
}

/** The best related demands for a published offer, computed now (nothing stored). */
export async function findMatchesForOffer(offerId: string, limit = 10): Promise<ScoredMatch[]> {
  if (!UUID.test(offerId)) return [];
  const row = await loadOne("offers", offerId);
  if (!row) return [];
  const offer = offerFacts(row);
  const synonyms = await loadMatchSynonyms();
  // The offer's recency and verification are the same for every demand: left out of the estimate.
  const estimate = {
    sql: estimateSql(
      {
        trl: "$6::int",
        negotiable: "$7::boolean",
        priceMin: "$8::float8",
        priceMax: "$9::float8",
        location: "$10::text",
      },
      {
        trlMin: "d.trl_min",
        budgetMin: "d.budget_min::float8",
        budgetMax: "d.budget_max::float8",
        location: "d.location",
      },
    ),
    values: [offer.trl, offer.priceType === "NEGOTIABLE", offer.priceMin, offer.priceMax, offer.location],
  };
  const rows = await candidates(
    "demands",
    queryWords(offer, synonyms),
    offer.sectorCode,
    offer.fieldCode,
    String(row.organization_id),
    estimate,
  );
  return rank(
    rows
      .map(demandFacts)
      .map((demand) => ({ offerId, demandId: demand.id, ...scoreMatch(offer, demand, new Date(), synonyms.keys) })),
    limit,
  );
}

/** The related pairs (score.ts MIN_RELATEDNESS; the others are no match at all), best first. */
function rank(matches: ScoredMatch[], limit: number) {
  return matches
    .filter((m) => isRelated(m.explanation))
    .sort((x, y) => y.score - x.score || x.offerId.localeCompare(y.offerId) || x.demandId.localeCompare(y.demandId))
    .slice(0, limit);
}
