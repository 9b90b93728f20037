import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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
import type { OfferCardData } from "@/lib/offers/queries";
import { fetchPage, type CatalogPage } from "./paging";
import { isSlug, type OfferQuery } from "./schemas";

/** A published offer as the catalog list and the API list need it (flat, straight from SQL). */
export interface OfferRow {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string;
  summaryEn: string | null;
  keywords: string[];
  trl: number;
  ipStatus: IpStatus;
  transferObjects: TransferObject[];
  transferForms: TransferForm[];
  transferMethods: TransferMethod[];
  priceType: PriceType;
  /** int8: a number when safe, else the decimal string (lib/db.ts). */
  priceMin: number | string | null;
  priceMax: number | string | null;
  location: string;
  stateFunded: boolean;
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
  orgName: string;
  orgNameEn: string | null;
  orgSlug: string;
  orgType: OrgType;
  orgVerification: VerificationStatus;
}

// Enum arrays are cast to text[]: node-pg does not know the custom array types and would return "{A,B}".
const OFFER_SELECT = `o.id, o.slug, o.title_vi AS "titleVi", o.title_en AS "titleEn", o.summary_vi AS "summaryVi",
  o.summary_en AS "summaryEn", o.keywords, o.trl, o.ip_status AS "ipStatus",
  o.transfer_objects::text[] AS "transferObjects", o.transfer_forms::text[] AS "transferForms",
  o.transfer_methods::text[] AS "transferMethods", o.price_type AS "priceType", o.price_min AS "priceMin",
  o.price_max AS "priceMax", o.location, o.state_funded AS "stateFunded", o.screening, o.published_at AS "publishedAt",
  o.updated_at AS "updatedAt", o.expires_at AS "expiresAt", s.code AS "sectorCode", s.name_vi AS "sectorNameVi",
  s.name_en AS "sectorNameEn", f.code AS "fieldCode", f.name_vi AS "fieldNameVi", f.name_en AS "fieldNameEn",
  g.name AS "orgName", g.name_en AS "orgNameEn", g.slug AS "orgSlug", g.type AS "orgType",
  g.verification_status AS "orgVerification"`;

const OFFER_JOINS = `JOIN offers o ON o.id = page.id
  JOIN organizations g ON g.id = o.organization_id
  JOIN taxonomy_nodes s ON s.code = o.sector_code
  LEFT JOIN taxonomy_nodes f ON f.code = s.parent_code`;

/**
 * One page of published offers matching `query`, with the total. `clamp` (pages) replaces a page
 * beyond the end by the last page; the API answers an empty page instead.
 */
export function searchOffers(query: OfferQuery, pageSize: number, clamp = true): Promise<CatalogPage<OfferRow>> {
  return fetchPage<OfferRow>("offers", query, { select: OFFER_SELECT, joins: OFFER_JOINS }, pageSize, clamp);
}

const toBigInt = (v: number | string | null) => (v === null ? null : BigInt(v));

/** The shape components/offers/offer-card.tsx renders. */
export function toOfferCard(row: OfferRow): OfferCardData {
  return {
    id: row.id,
    slug: row.slug,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    summaryVi: row.summaryVi,
    summaryEn: row.summaryEn,
    trl: row.trl,
    ipStatus: row.ipStatus,
    priceType: row.priceType,
    priceMin: toBigInt(row.priceMin),
    priceMax: toBigInt(row.priceMax),
    location: row.location,
    screening: row.screening,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    sector: { code: row.sectorCode, nameVi: row.sectorNameVi, nameEn: row.sectorNameEn },
    organization: {
      name: row.orgName,
      nameEn: row.orgNameEn,
      slug: row.orgSlug,
      type: row.orgType,
      verificationStatus: row.orgVerification,
    },
  };
}

const taxonomySelect = { code: true, nameVi: true, nameEn: true } as const;

/** Every public field of an offer (DOMAIN §3); never the author, moderation notes or pending revisions. */
export const offerDetailSelect = {
  id: true,
  slug: true,
  titleVi: true,
  titleEn: true,
  summaryVi: true,
  summaryEn: true,
  description: true,
  keywords: true,
  trl: true,
  ipStatus: true,
  ipTitleNumber: true,
  transferObjects: true,
  transferForms: true,
  transferMethods: true,
  priceType: true,
  priceMin: true,
  priceMax: true,
  applicationAreas: true,
  advantages: true,
  location: true,
  stateFunded: true,
  fundingProgramme: true,
  screening: true,
  publishedAt: true,
  updatedAt: true,
  expiresAt: true,
  sector: { select: { ...taxonomySelect, parent: { select: taxonomySelect } } },
  organization: { select: { name: true, nameEn: true, slug: true, type: true, verificationStatus: true } },
  attachments: {
    select: { id: true, kind: true, filename: true, mimeType: true, size: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.OfferSelect;

export type OfferDetail = Prisma.OfferGetPayload<{ select: typeof offerDetailSelect }>;

/** A published offer by slug, or null (anything unpublished is "not found"). Cached per request. */
export const publishedOfferBySlug = cache(async (slug: string): Promise<OfferDetail | null> =>
  isSlug(slug) ? db.offer.findFirst({ where: { slug, status: "PUBLISHED" }, select: offerDetailSelect }) : null,
);

/** A published offer by id, or null. */
export function publishedOfferById(id: string): Promise<OfferDetail | null> {
  return db.offer.findFirst({ where: { id, status: "PUBLISHED" }, select: offerDetailSelect });
}
