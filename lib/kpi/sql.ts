import "server-only";
import { z } from "zod";
import { pool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { OrgType } from "@/lib/generated/prisma/enums";
import { UPDATED_WITHIN_DAYS, type KpiDimension } from "./catalogue";
import type { Period } from "@/lib/calendar/periods";

/**
 * SQL fragments shared by the KPI computation (./compute.ts) and the drill-down (./drilldown.ts), so
 * that a record is counted by the same condition in both. Every source joins its organization as
 * `g` and its sector as `t` (taxonomy_nodes); the breakdowns read:
 *
 * - field: the top-level field of the listing's sector (`t.parent_code`, or the code itself for a
 *   listing filed under a field). A deal, contract or registration takes its offer's field (its
 *   demand's when there is no offer); a match its offer's.
 * - district and organization type: the ORGANIZATION's `location` and `type` — where the
 *   organization is registered, which is what the Department reports "by district" (a listing's own
 *   `location` says where the technology applies and is mostly the city-wide "HN"). A deal,
 *   contract or registration takes its provider's organization (the supply side, the operator's
 *   publisher); a match its offer's.
 */

export const KpiFilterSchema = z.object({
  field: z
    .string()
    .trim()
    .regex(/^\d{1,8}$/)
    .optional(),
  district: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{1,40}$/)
    .optional(),
  orgType: z.enum(OrgType).optional(),
});
/** Restricts every figure to one field, district and/or organization type. */
export type KpiFilter = z.output<typeof KpiFilterSchema>;

const DIMENSION_SQL: Record<KpiDimension, Prisma.Sql> = {
  field: Prisma.sql`COALESCE(t.parent_code, t.code)`,
  district: Prisma.sql`g.location`,
  orgType: Prisma.sql`g.type::text`,
};

export const dimensionSql = (dimension: KpiDimension) => DIMENSION_SQL[dimension];

/** `AND …` conditions of a filter (an empty fragment when none); `withField` false: the source has no field. */
export function filterSql(filter: KpiFilter, withField = true): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.field !== undefined && withField) parts.push(Prisma.sql`AND ${DIMENSION_SQL.field} = ${filter.field}`);
  if (filter.district !== undefined) parts.push(Prisma.sql`AND g.location = ${filter.district}`);
  if (filter.orgType !== undefined) parts.push(Prisma.sql`AND g.type = ${filter.orgType}::"OrgType"`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * Runs a KPI statement on the raw pool: the dashboards are a hot path where Prisma's per-query and
 * per-row overhead shows (STACK.md). Rows come back as pg gives them (int8 as a number when safe).
 */
export async function kpiQuery<T>(sql: Prisma.Sql): Promise<T[]> {
  return (await pool().query(sql.text, sql.values)).rows as T[];
}

/**
 * Which dimensions a filter and a breakdown read: the sector's field (the taxonomy `t`), the
 * organization's district or type (`g`). A source joins only those: the joins follow NOT NULL
 * foreign keys (or are LEFT joins on a key), so each record keeps exactly one row and the counts are
 * the same without them; a dimension not read is selected as NULL.
 */
export interface DimensionReads {
  readonly sector: boolean;
  readonly organization: boolean;
}

export const ALL_DIMENSIONS: DimensionReads = { sector: true, organization: true };

export function dimensionReads(filter: KpiFilter, breakdown: KpiDimension | null): DimensionReads {
  return {
    sector: filter.field !== undefined || breakdown === "field",
    organization:
      filter.district !== undefined ||
      filter.orgType !== undefined ||
      breakdown === "district" ||
      breakdown === "orgType",
  };
}

/** The three dimensions of a row as field, district and `orgType` (its alias), NULL where not read. */
export const dimensionSelect = (reads: DimensionReads, orgType = Prisma.sql`"orgType"`) =>
  Prisma.sql`${reads.sector ? Prisma.sql`COALESCE(t.parent_code, t.code)` : Prisma.sql`NULL::varchar`} AS field,
    ${reads.organization ? Prisma.sql`g.location` : Prisma.sql`NULL::varchar`} AS district,
    ${reads.organization ? Prisma.sql`g.type::text` : Prisma.sql`NULL::text`} AS ${orgType}`;

/**
 * The grouping of an aggregate: with a breakdown, the total row and one row per value of the
 * dimension in one pass (GROUPING SETS); without, the total row only. Selects `key` and `total`.
 */
export function grouping(breakdown: KpiDimension | null): { select: Prisma.Sql; groupBy: Prisma.Sql } {
  if (!breakdown) return { select: Prisma.sql`NULL::text AS key, true AS total`, groupBy: Prisma.empty };
  const dim = DIMENSION_SQL[breakdown];
  return {
    select: Prisma.sql`${dim} AS key, GROUPING(${dim}) = 1 AS total`,
    groupBy: Prisma.sql`GROUP BY GROUPING SETS ((), (${dim}))`,
  };
}

/**
 * Facts: a source's records counted by the three dimensions, as its statement computes them and the
 * monthly rollups store them (./rollups.ts). A fact row `f` has field, district, org_type, metric,
 * measure, met, n (how many records) and amount; the breakdown and the filter read its columns.
 */
const FACT_DIMENSION_SQL: Record<KpiDimension, Prisma.Sql> = {
  field: Prisma.sql`f.field`,
  district: Prisma.sql`f.district`,
  orgType: Prisma.sql`f.org_type`,
};

/** filterSql's conditions on fact rows `f`. */
export function factFilterSql(filter: KpiFilter, withField = true): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.field !== undefined && withField) parts.push(Prisma.sql`AND f.field = ${filter.field}`);
  if (filter.district !== undefined) parts.push(Prisma.sql`AND f.district = ${filter.district}`);
  if (filter.orgType !== undefined) parts.push(Prisma.sql`AND f.org_type = ${filter.orgType}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * grouping() over fact rows `f`, each group further split by `by` (columns of `f`) when given: the
 * total's rows and the breakdown's rows in one pass.
 */
export function factGrouping(
  breakdown: KpiDimension | null,
  by: Prisma.Sql | null = null,
): { select: Prisma.Sql; groupBy: Prisma.Sql } {
  if (!breakdown) {
    return {
      select: Prisma.sql`NULL::text AS key, true AS total`,
      groupBy: by ? Prisma.sql`GROUP BY ${by}` : Prisma.empty,
    };
  }
  const dim = FACT_DIMENSION_SQL[breakdown];
  return {
    select: Prisma.sql`${dim} AS key, GROUPING(${dim}) = 1 AS total`,
    groupBy: by
      ? Prisma.sql`GROUP BY GROUPING SETS ((${by}), (${dim}, ${by}))`
      : Prisma.sql`GROUP BY GROUPING SETS ((), (${dim}))`,
  };
}

/** What every query needs to know about the period. */
export interface Window {
  readonly from: Date;
  readonly to: Date;
  /** min(to, now): "the end of the period" for a period still running. */
  readonly asOf: Date;
  /** Owners' updates count from here (UPDATED_WITHIN_DAYS before asOf). */
  readonly updatedSince: Date;
}

export function windowOf(period: Period, now: Date): Window {
  const asOf = new Date(Math.min(period.to.getTime(), now.getTime()));
  return {
    from: period.from,
    to: period.to,
    asOf,
    updatedSince: new Date(asOf.getTime() - UPDATED_WITHIN_DAYS * 86_400_000),
  };
}

/** `column` within [from, to). */
export const within = (column: Prisma.Sql, w: Window) => Prisma.sql`(${column} >= ${w.from} AND ${column} < ${w.to})`;

/**
 * A listing (alias `l`) published at the end of the period: first published before it ends and, by
 * then, not expired (its expiry is later) nor withdrawn (withdrawn later: its `updated_at`, set by
 * the withdrawal, is later). Reconstructed from the columns: a listing that expired and was renewed
 * counts as published in between.
 */
export const publishedAtEnd = (w: Window) => Prisma.sql`(l.published_at < ${w.to} AND (l.status = 'PUBLISHED'
  OR (l.status = 'EXPIRED' AND l.expires_at >= ${w.to}) OR (l.status = 'WITHDRAWN' AND l.updated_at >= ${w.to})))`;

/** Of those, updated by the owner in the 90 days before the end (before now while the period runs). */
export const updatedRecently = (w: Window) =>
  Prisma.sql`(l.updated_at >= ${w.updatedSince} AND l.updated_at < ${w.asOf})`;

/** The audit actions of a moderation decision (approvals and rejections, of submissions and revisions). */
export const MODERATION_DECISIONS = ["approve", "reject", "revision_approved", "revision_rejected"].flatMap((verb) => [
  `offer.${verb}`,
  `demand.${verb}`,
]);

/**
 * The joins that give a deal (alias `d`) its offer `o`, demand `dm`, sector `t` and provider `g`;
 * only those `reads` needs (and the offer when `offer`).
 */
export function dealJoinsFor(reads: DimensionReads, offer = false): Prisma.Sql {
  return Prisma.sql`
  ${reads.sector || offer ? Prisma.sql`LEFT JOIN offers o ON o.id = d.offer_id` : Prisma.empty}
  ${
    reads.sector
      ? Prisma.sql`LEFT JOIN demands dm ON dm.id = d.demand_id
  LEFT JOIN taxonomy_nodes t ON t.code = COALESCE(o.sector_code, dm.sector_code)`
      : Prisma.empty
  }
  ${reads.organization ? Prisma.sql`JOIN organizations g ON g.id = d.provider_org_id` : Prisma.empty}`;
}

export const dealJoins = dealJoinsFor(ALL_DIMENSIONS);

/**
 * The joins that give a listing audit event (alias `a`) its listing (offer `o` or demand `dm`), `t`
 * and `g` (only those `reads` needs). An event whose listing no longer exists is left out either way:
 * by the joins, or by the condition they leave (`AND …`, to add to the WHERE).
 */
export function listingEventJoinsFor(reads: DimensionReads): { joins: Prisma.Sql; condition: Prisma.Sql } {
  return {
    joins: Prisma.sql`
  LEFT JOIN offers o ON a.entity_type = 'offer' AND o.id = a.entity_id::uuid
  LEFT JOIN demands dm ON a.entity_type = 'demand' AND dm.id = a.entity_id::uuid
  ${reads.sector ? Prisma.sql`JOIN taxonomy_nodes t ON t.code = COALESCE(o.sector_code, dm.sector_code)` : Prisma.empty}
  ${reads.organization ? Prisma.sql`JOIN organizations g ON g.id = COALESCE(o.organization_id, dm.organization_id)` : Prisma.empty}`,
    condition:
      reads.sector || reads.organization ? Prisma.empty : Prisma.sql`AND (o.id IS NOT NULL OR dm.id IS NOT NULL)`,
  };
}

export const listingEventJoins = listingEventJoinsFor(ALL_DIMENSIONS).joins;
