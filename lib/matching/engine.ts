import "server-only";
import { pool } from "@/lib/db";
import { terms, scoreMatch, type DemandFacts, type OfferFacts } from "./score";
import type { ScoredMatch } from "./types";

const CANDIDATES = 150;
const SAME_SECTOR_CANDIDATES = 40;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const OFFER_COLUMNS = `o.id, o.title_vi, o.title_en, o.keywords, o.summary_vi, o.sector_code, s.parent_code AS field_code,
  o.location, o.trl, o.price_type, o.price_min, o.price_max, (g.verification_status = 'VERIFIED') AS verified, o.updated_at`;
const DEMAND_COLUMNS = `d.id, d.title_vi, d.title_en, d.keywords, d.summary_vi, d.sector_code, s.parent_code AS field_code,
  d.location, d.trl_min, d.budget_min, d.budget_max`;

type Row = Record<string, unknown>;

function offerFacts(r: Row): OfferFacts & { id: string } {
  return {
    id: String(r.id), title: String(r.title_vi), titleEn: r.title_en as string | null, keywords: r.keywords as string[],
    summary: r.summary_vi as string | null, sectorCode: String(r.sector_code), fieldCode: r.field_code as string | null,
    location: String(r.location), trl: Number(r.trl), priceType: String(r.price_type), priceMin: num(r.price_min),
    priceMax: num(r.price_max), verified: Boolean(r.verified), updatedAt: new Date(r.updated_at as string),
  };
}

function demandFacts(r: Row): DemandFacts & { id: string } {
  return {
    id: String(r.id), title: String(r.title_vi), titleEn: r.title_en as string | null, keywords: r.keywords as string[],
    summary: r.summary_vi as string | null, sectorCode: String(r.sector_code), fieldCode: r.field_code as string | null,
    location: String(r.location), trlMin: Number(r.trl_min), budgetMin: num(r.budget_min), budgetMax: num(r.budget_max),
  };
}

/**
 * An OR tsquery of the subject words of a listing's title and keywords: candidates share at least
 * one of them in their own title, keywords or summary (the head vector, small and indexed).
 */
function orQuery(facts: { title: string; titleEn?: string | null; keywords: string[]; sectorCode: string; fieldCode: string | null; location: string }) {
  const subject = { ...facts, summary: null };
  const words = [...terms(subject)].filter((t) => !t.includes(" ") && /^[\p{L}\p{N}]+$/u.test(t)).slice(0, 10);
  return words.length ? words.join(" | ") : null;
}

/**
 * Candidate rows from the other side: best text overlap (through the GIN index) plus the newest
 * listings of the same sector, then scored exactly in TypeScript.
 */
async function candidates(side: "offers" | "demands", tsq: string | null, sector: string, field: string | null, excludeOrg: string) {
  const a = side === "offers" ? "o" : "d";
  const columns = side === "offers" ? OFFER_COLUMNS : DEMAND_COLUMNS;
  const { rows } = await pool().query<Row>(
    `WITH text_hits AS (
        SELECT ${a}.id FROM ${side} ${a} JOIN taxonomy_nodes s ON s.code = ${a}.sector_code
         WHERE ${a}.status = 'PUBLISHED' AND $1::text IS NOT NULL AND ${a}.head_vector @@ to_tsquery('simple', $1)
           AND ${a}.organization_id <> $4::uuid
         ORDER BY ts_rank('{0.05,0.2,0.4,1.0}', ${a}.head_vector, to_tsquery('simple', $1))
                  + CASE WHEN ${a}.sector_code = $2 THEN 0.5 WHEN s.parent_code = $3 THEN 0.2 ELSE 0 END DESC
         LIMIT ${CANDIDATES}),
      sector_hits AS (
        SELECT ${a}.id FROM ${side} ${a}
         WHERE ${a}.status = 'PUBLISHED' AND ${a}.sector_code = $2 AND ${a}.organization_id <> $4::uuid
         ORDER BY ${a}.updated_at DESC LIMIT ${SAME_SECTOR_CANDIDATES})
     SELECT ${columns} FROM ${side} ${a}
       JOIN organizations g ON g.id = ${a}.organization_id
       JOIN taxonomy_nodes s ON s.code = ${a}.sector_code
      WHERE ${a}.id IN (SELECT id FROM text_hits UNION SELECT id FROM sector_hits)`,
    [tsq, sector, field, excludeOrg],
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

/** The best offers for a published demand, computed now (nothing stored). Other organizations only. */
export async function findMatchesForDemand(demandId: string, limit = 10): Promise<ScoredMatch[]> {
  if (!UUID.test(demandId)) return [];
  const row = await loadOne("demands", demandId);
  if (!row) return [];
  const demand = demandFacts(row);
  const rows = await candidates("offers", orQuery(demand), demand.sectorCode, demand.fieldCode, String(row.organization_id));
  return rank(rows.map(offerFacts).map((offer) => ({ offerId: offer.id, demandId, ...scoreMatch(offer, demand) })), limit);
}

/** The best demands for a published offer, computed now (nothing stored). */
export async function findMatchesForOffer(offerId: string, limit = 10): Promise<ScoredMatch[]> {
  if (!UUID.test(offerId)) return [];
  const row = await loadOne("offers", offerId);
  if (!row) return [];
  const offer = offerFacts(row);
  const rows = await candidates("demands", orQuery(offer), offer.sectorCode, offer.fieldCode, String(row.organization_id));
  return rank(rows.map(demandFacts).map((demand) => ({ offerId, demandId: demand.id, ...scoreMatch(offer, demand) })), limit);
}

function rank(matches: ScoredMatch[], limit: number) {
  return matches.sort((x, y) => y.score - x.score || x.offerId.localeCompare(y.offerId) || x.demandId.localeCompare(y.demandId)).slice(0, limit);
}
