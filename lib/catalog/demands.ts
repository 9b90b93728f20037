import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType, ScreeningOutcome, TransferForm, VerificationStatus } from "@/lib/generated/prisma/enums";
import type { DemandCardData } from "@/lib/demands/queries";
import { fetchPage, type CatalogPage } from "./paging";
import { isSlug, type DemandQuery } from "./schemas";

/** A published demand as the catalog list and the API list need it. */
export interface DemandRow {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string | null;
  summaryEn: string | null;
  keywords: string[];
  trlMin: number;
  budgetMin: number | string | null;
  budgetMax: number | string | null;
  /** DATE as "YYYY-MM-DD": node-pg would turn it into local midnight, which depends on the server's zone. */
  deadline: string | null;
  location: string;
  preferredForms: TransferForm[];
  confidential: boolean;
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
  /** Null for confidential demands: the identity (and anything narrowing it) never leaves the database. */
  orgName: string | null;
  orgNameEn: string | null;
  orgSlug: string | null;
  orgType: OrgType | null;
  orgVerification: VerificationStatus | null;
}

const hidden = (column: string, alias: string) => `CASE WHEN d.confidential THEN NULL ELSE ${column} END AS "${alias}"`;

const DEMAND_SELECT = `d.id, d.slug, d.title_vi AS "titleVi", d.title_en AS "titleEn", d.summary_vi AS "summaryVi",
  d.summary_en AS "summaryEn", d.keywords, d.trl_min AS "trlMin", d.budget_min AS "budgetMin",
  d.budget_max AS "budgetMax", d.deadline::text AS deadline, d.location, d.preferred_forms::text[] AS "preferredForms",
  d.confidential, d.screening, d.published_at AS "publishedAt", d.updated_at AS "updatedAt", d.expires_at AS "expiresAt",
  s.code AS "sectorCode", s.name_vi AS "sectorNameVi", s.name_en AS "sectorNameEn", f.code AS "fieldCode",
  f.name_vi AS "fieldNameVi", f.name_en AS "fieldNameEn", ${hidden("g.name", "orgName")},
  ${hidden("g.name_en", "orgNameEn")}, ${hidden("g.slug", "orgSlug")}, ${hidden("g.type", "orgType")},
  ${hidden("g.verification_status", "orgVerification")}`;

const DEMAND_JOINS = `JOIN demands d ON d.id = page.id
  JOIN organizations g ON g.id = d.organization_id
  JOIN taxonomy_nodes s ON s.code = d.sector_code
  LEFT JOIN taxonomy_nodes f ON f.code = s.parent_code`;

/** One page of published demands matching `query`, with the total (see searchOffers for `clamp`). */
export function searchDemands(query: DemandQuery, pageSize: number, clamp = true): Promise<CatalogPage<DemandRow>> {
  return fetchPage<DemandRow>("demands", query, { select: DEMAND_SELECT, joins: DEMAND_JOINS }, pageSize, clamp);
}

const toBigInt = (v: number | string | null) => (v === null ? null : BigInt(v));

/** The shape components/demands/demand-card.tsx renders; a confidential demand carries no name or slug. */
export function toDemandCard(row: DemandRow): DemandCardData {
  return {
    id: row.id,
    slug: row.slug,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    summaryVi: row.summaryVi,
    summaryEn: row.summaryEn,
    trlMin: row.trlMin,
    budgetMin: toBigInt(row.budgetMin),
    budgetMax: toBigInt(row.budgetMax),
    // Same instant Prisma gives for a DATE: midnight UTC.
    deadline: row.deadline === null ? null : new Date(`${row.deadline}T00:00:00Z`),
    location: row.location,
    confidential: row.confidential,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    sector: { code: row.sectorCode, nameVi: row.sectorNameVi, nameEn: row.sectorNameEn },
    organization: {
      name: row.orgName ?? "",
      nameEn: row.orgNameEn,
      slug: row.orgSlug ?? "",
      type: row.orgType,
      verificationStatus: row.orgVerification,
    },
  };
}

const taxonomySelect = { code: true, nameVi: true, nameEn: true } as const;

const demandDetailSelect = {
  id: true,
  slug: true,
  titleVi: true,
  titleEn: true,
  summaryVi: true,
  summaryEn: true,
  description: true,
  keywords: true,
  trlMin: true,
  budgetMin: true,
  budgetMax: true,
  deadline: true,
  location: true,
  preferredForms: true,
  confidential: true,
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
} satisfies Prisma.DemandSelect;

type DemandPayload = Prisma.DemandGetPayload<{ select: typeof demandDetailSelect }>;
/** A published demand; `organization` is null when the demand is confidential. */
export type DemandDetail = Omit<DemandPayload, "organization"> & { organization: DemandPayload["organization"] | null };

function publicDemand(row: DemandPayload | null): DemandDetail | null {
  if (!row) return null;
  return row.confidential ? { ...row, organization: null } : row;
}

/** A published demand by slug, or null. Cached per request. */
export const publishedDemandBySlug = cache(async (slug: string): Promise<DemandDetail | null> =>
  !isSlug(slug)
    ? null
    : publicDemand(await db.demand.findFirst({ where: { slug, status: "PUBLISHED" }, select: demandDetailSelect })),
);

/** A published demand by id, or null. */
export async function publishedDemandById(id: string): Promise<DemandDetail | null> {
  return publicDemand(await db.demand.findFirst({ where: { id, status: "PUBLISHED" }, select: demandDetailSelect }));
}
