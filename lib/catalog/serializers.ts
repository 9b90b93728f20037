import type { DemandDetail, DemandRow } from "./demands";
import type { OfferDetail, OfferRow } from "./offers";

/**
 * Public API representations (GET /api/v1/...). Whitelists, field by field: no user, author,
 * moderation or screening notes, and no organization at all for confidential demands. Amounts are
 * JSON numbers (VND amounts are far below 2^53).
 */

type Named = { code: string; nameVi: string; nameEn: string };
type OrgFields = { name: string; nameEn: string | null; slug: string; type: string; verificationStatus: string };

const amount = (v: number | string | bigint | null) => (v === null ? null : Number(v));
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const named = (n: Named) => ({ code: n.code, nameVi: n.nameVi, nameEn: n.nameEn });

function organization(org: OrgFields) {
  return {
    name: org.name,
    nameEn: org.nameEn,
    slug: org.slug,
    type: org.type,
    verified: org.verificationStatus === "VERIFIED",
  };
}

function attachments(list: { id: string; kind: string; filename: string; mimeType: string; size: number }[]) {
  return list.map((a) => ({
    id: a.id,
    kind: a.kind,
    filename: a.filename,
    mimeType: a.mimeType,
    size: a.size,
    url: `/api/files/${a.id}`,
  }));
}

export function serializeOfferRow(row: OfferRow) {
  return {
    id: row.id,
    slug: row.slug,
    url: `/technologies/${row.slug}`,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    summaryVi: row.summaryVi,
    summaryEn: row.summaryEn,
    field: row.fieldCode ? { code: row.fieldCode, nameVi: row.fieldNameVi, nameEn: row.fieldNameEn } : null,
    sector: { code: row.sectorCode, nameVi: row.sectorNameVi, nameEn: row.sectorNameEn },
    keywords: row.keywords,
    trl: row.trl,
    ipStatus: row.ipStatus,
    transferObjects: row.transferObjects,
    transferForms: row.transferForms,
    transferMethods: row.transferMethods,
    priceType: row.priceType,
    priceMin: amount(row.priceMin),
    priceMax: amount(row.priceMax),
    location: row.location,
    stateFunded: row.stateFunded,
    encouraged: row.screening === "ENCOURAGED",
    organization: organization({
      name: row.orgName,
      nameEn: row.orgNameEn,
      slug: row.orgSlug,
      type: row.orgType,
      verificationStatus: row.orgVerification,
    }),
    publishedAt: iso(row.publishedAt),
    updatedAt: iso(row.updatedAt),
    expiresAt: iso(row.expiresAt),
  };
}

export function serializeOfferDetail(o: OfferDetail) {
  return {
    id: o.id,
    slug: o.slug,
    url: `/technologies/${o.slug}`,
    titleVi: o.titleVi,
    titleEn: o.titleEn,
    summaryVi: o.summaryVi,
    summaryEn: o.summaryEn,
    description: o.description,
    field: o.sector.parent ? named(o.sector.parent) : null,
    sector: named(o.sector),
    keywords: o.keywords,
    trl: o.trl,
    ipStatus: o.ipStatus,
    ipTitleNumber: o.ipTitleNumber,
    transferObjects: o.transferObjects,
    transferForms: o.transferForms,
    transferMethods: o.transferMethods,
    priceType: o.priceType,
    priceMin: amount(o.priceMin),
    priceMax: amount(o.priceMax),
    applicationAreas: o.applicationAreas,
    advantages: o.advantages,
    location: o.location,
    stateFunded: o.stateFunded,
    fundingProgramme: o.fundingProgramme,
    encouraged: o.screening === "ENCOURAGED",
    organization: organization(o.organization),
    attachments: attachments(o.attachments),
    publishedAt: iso(o.publishedAt),
    updatedAt: iso(o.updatedAt),
    expiresAt: iso(o.expiresAt),
  };
}

export function serializeDemandRow(row: DemandRow) {
  return {
    id: row.id,
    slug: row.slug,
    url: `/demands/${row.slug}`,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    summaryVi: row.summaryVi,
    summaryEn: row.summaryEn,
    field: row.fieldCode ? { code: row.fieldCode, nameVi: row.fieldNameVi, nameEn: row.fieldNameEn } : null,
    sector: { code: row.sectorCode, nameVi: row.sectorNameVi, nameEn: row.sectorNameEn },
    keywords: row.keywords,
    trlMin: row.trlMin,
    budgetMin: amount(row.budgetMin),
    budgetMax: amount(row.budgetMax),
    deadline: row.deadline,
    location: row.location,
    preferredForms: row.preferredForms,
    confidential: row.confidential,
    encouraged: row.screening === "ENCOURAGED",
    organization:
      row.confidential ||
      row.orgName === null ||
      row.orgSlug === null ||
      row.orgType === null ||
      row.orgVerification === null
        ? null
        : organization({
            name: row.orgName,
            nameEn: row.orgNameEn,
            slug: row.orgSlug,
            type: row.orgType,
            verificationStatus: row.orgVerification,
          }),
    publishedAt: iso(row.publishedAt),
    updatedAt: iso(row.updatedAt),
    expiresAt: iso(row.expiresAt),
  };
}

export function serializeDemandDetail(d: DemandDetail) {
  return {
    id: d.id,
    slug: d.slug,
    url: `/demands/${d.slug}`,
    titleVi: d.titleVi,
    titleEn: d.titleEn,
    summaryVi: d.summaryVi,
    summaryEn: d.summaryEn,
    description: d.description,
    field: d.sector.parent ? named(d.sector.parent) : null,
    sector: named(d.sector),
    keywords: d.keywords,
    trlMin: d.trlMin,
    budgetMin: amount(d.budgetMin),
    budgetMax: amount(d.budgetMax),
    deadline: day(d.deadline),
    location: d.location,
    preferredForms: d.preferredForms,
    confidential: d.confidential,
    encouraged: d.screening === "ENCOURAGED",
    organization: d.confidential || !d.organization ? null : organization(d.organization),
    attachments: attachments(d.attachments),
    publishedAt: iso(d.publishedAt),
    updatedAt: iso(d.updatedAt),
    expiresAt: iso(d.expiresAt),
  };
}
