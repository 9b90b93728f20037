import "server-only";
import type {
  IpStatus,
  OrgType,
  PriceType,
  ScreeningOutcome,
  TransferForm,
  TransferMethod,
  TransferObject,
  VerificationStatus,
} from "@/lib/generated/prisma/enums";
import type { Display, ListingSearchKind } from "@/lib/search/sql";
import { HIDDEN_ORGANIZATION, type DemandCardData, type OfferCardData } from "./cards";
import { fetchPage, type CatalogPage } from "./paging";
import type { DemandQuery, OfferQuery } from "./schemas";

/**
 * Published listings as the catalog list and the API list read them: flat rows straight from SQL,
 * one page at a time through the search module (./paging.ts). What both kinds share is written
 * once; what differs is the per-kind table `KINDS`.
 */

/** The columns of a row of either kind. */
interface RowBase {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  summaryEn: string | null;
  keywords: string[];
  location: string;
  screening: ScreeningOutcome;
  publishedAt: Date | null;
  updatedAt: Date;
  expiresAt: Date | null;
  sectorCode: string;
  sectorNameVi: string;
  sectorNameEn: string;
  fieldCode: string | null;
  fieldNameVi: string | null;
  fieldNameEn: string | null;
}

/** The publishing organization's columns. */
export interface OrganizationColumns {
  orgName: string;
  orgNameEn: string | null;
  orgSlug: string;
  orgType: OrgType;
  orgVerification: VerificationStatus;
}

export interface OfferRow extends RowBase, OrganizationColumns {
  summaryVi: string;
  trl: number;
  ipStatus: IpStatus;
  transferObjects: TransferObject[];
  transferForms: TransferForm[];
  transferMethods: TransferMethod[];
  priceType: PriceType;
  /** int8: a number when safe, else the decimal string (lib/db.ts). */
  priceMin: number | string | null;
  priceMax: number | string | null;
  stateFunded: boolean;
}

/** Null organization columns for confidential demands: the identity (and anything narrowing it) never leaves the database. */
export interface DemandRow extends RowBase, Nullable<OrganizationColumns> {
  summaryVi: string | null;
  trlMin: number;
  budgetMin: number | string | null;
  budgetMax: number | string | null;
  /** DATE as "YYYY-MM-DD": node-pg would turn it into local midnight, which depends on the server's zone. */
  deadline: string | null;
  preferredForms: TransferForm[];
  confidential: boolean;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/**
 * What differs per kind: the listing's alias, its own columns, and when the organization's columns
 * are nulled in SQL (a confidential demand's identity never leaves the database; an offer always
 * names its organization). Enum arrays are cast to text[]: node-pg does not know the custom array
 * types and would return "{A,B}".
 */
const KINDS = {
  offers: {
    alias: "o",
    columns: `o.trl, o.ip_status AS "ipStatus", o.transfer_objects::text[] AS "transferObjects",
      o.transfer_forms::text[] AS "transferForms", o.transfer_methods::text[] AS "transferMethods",
      o.price_type AS "priceType", o.price_min AS "priceMin", o.price_max AS "priceMax", o.state_funded AS "stateFunded"`,
    hideOrganizationIf: null,
  },
  demands: {
    alias: "d",
    columns: `d.trl_min AS "trlMin", d.budget_min AS "budgetMin", d.budget_max AS "budgetMax",
      d.deadline::text AS deadline, d.preferred_forms::text[] AS "preferredForms", d.confidential`,
    hideOrganizationIf: "d.confidential",
  },
} as const satisfies Record<ListingSearchKind, { alias: string; columns: string; hideOrganizationIf: string | null }>;

const ORGANIZATION_COLUMNS: [column: string, name: keyof OrganizationColumns][] = [
  ["g.name", "orgName"],
  ["g.name_en", "orgNameEn"],
  ["g.slug", "orgSlug"],
  ["g.type", "orgType"],
  ["g.verification_status", "orgVerification"],
];

/** The columns and joins of a page of rows of `kind`, starting from the search's `page` (id, score, ord). */
function rowDisplay(kind: ListingSearchKind): Display {
  const { alias: l, columns, hideOrganizationIf: hidden } = KINDS[kind];
  const organization = ORGANIZATION_COLUMNS.map(([column, name]) =>
    hidden ? `CASE WHEN ${hidden} THEN NULL ELSE ${column} END AS "${name}"` : `${column} AS "${name}"`,
  );
  return {
    select: `${l}.id, ${l}.slug, ${l}.title_vi AS "titleVi", ${l}.title_en AS "titleEn", ${l}.summary_vi AS "summaryVi",
      ${l}.summary_en AS "summaryEn", ${l}.keywords, ${l}.location, ${l}.screening, ${l}.published_at AS "publishedAt",
      ${l}.updated_at AS "updatedAt", ${l}.expires_at AS "expiresAt", s.code AS "sectorCode", s.name_vi AS "sectorNameVi",
      s.name_en AS "sectorNameEn", f.code AS "fieldCode", f.name_vi AS "fieldNameVi", f.name_en AS "fieldNameEn",
      ${columns}, ${organization.join(", ")}`,
    joins: `JOIN ${kind} ${l} ON ${l}.id = page.id
      JOIN organizations g ON g.id = ${l}.organization_id
      JOIN taxonomy_nodes s ON s.code = ${l}.sector_code
      LEFT JOIN taxonomy_nodes f ON f.code = s.parent_code`,
  };
}

/**
 * One page of published offers matching `query`, with the total. `clamp` (pages) replaces a page
 * beyond the end by the last page; the API answers an empty page instead.
 */
export function searchOffers(query: OfferQuery, pageSize: number, clamp = true): Promise<CatalogPage<OfferRow>> {
  return fetchPage<OfferRow>("offers", query, rowDisplay("offers"), pageSize, clamp);
}

/** One page of published demands matching `query`, with the total (see searchOffers for `clamp`). */
export function searchDemands(query: DemandQuery, pageSize: number, clamp = true): Promise<CatalogPage<DemandRow>> {
  return fetchPage<DemandRow>("demands", query, rowDisplay("demands"), pageSize, clamp);
}

/** Whether a row names its organization (a confidential demand's row does not). */
export function namesOrganization<R extends Nullable<OrganizationColumns>>(row: R): row is R & OrganizationColumns {
  return row.orgName !== null && row.orgSlug !== null && row.orgType !== null && row.orgVerification !== null;
}

/** The organization of a row that names it, as cards and the API read it. */
export const organizationOf = (row: OrganizationColumns) => ({
  name: row.orgName,
  nameEn: row.orgNameEn,
  slug: row.orgSlug,
  type: row.orgType,
  verificationStatus: row.orgVerification,
});

const toBigInt = (v: number | string | null) => (v === null ? null : BigInt(v));

/** What a card of either kind takes from a row (the summary's type differs: each kind adds it). */
function cardOf(row: RowBase) {
  return {
    id: row.id,
    slug: row.slug,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    summaryEn: row.summaryEn,
    location: row.location,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    sector: { code: row.sectorCode, nameVi: row.sectorNameVi, nameEn: row.sectorNameEn },
  };
}

/** The shape components/offers/offer-card.tsx renders. */
export function toOfferCard(row: OfferRow): OfferCardData {
  return {
    ...cardOf(row),
    summaryVi: row.summaryVi,
    trl: row.trl,
    ipStatus: row.ipStatus,
    priceType: row.priceType,
    priceMin: toBigInt(row.priceMin),
    priceMax: toBigInt(row.priceMax),
    screening: row.screening,
    organization: organizationOf(row),
  };
}

/** The shape components/demands/demand-card.tsx renders; a confidential demand carries no name or slug. */
export function toDemandCard(row: DemandRow): DemandCardData {
  return {
    ...cardOf(row),
    summaryVi: row.summaryVi,
    trlMin: row.trlMin,
    budgetMin: toBigInt(row.budgetMin),
    budgetMax: toBigInt(row.budgetMax),
    // Same instant Prisma gives for a DATE: midnight UTC.
    deadline: row.deadline === null ? null : new Date(`${row.deadline}T00:00:00Z`),
    confidential: row.confidential,
    organization: !row.confidential && namesOrganization(row) ? organizationOf(row) : HIDDEN_ORGANIZATION,
  };
}
