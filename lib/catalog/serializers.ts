import type { ListingTexts } from "@/lib/search/types";
import type { DemandDetail, OfferDetail } from "./details";
import { namesOrganization, organizationOf, type DemandRow, type OfferRow } from "./rows";

/**
 * Public API representations (GET /api/v1/...). Whitelists, field by field: no user, author,
 * moderation or screening notes, and no organization at all for confidential demands. Amounts are
 * JSON numbers (VND amounts are far below 2^53).
 *
 * Both kinds share the head (identity and texts), the classification and the tail (screening,
 * organization, dates); each kind writes only its own fields, in between.
 */

type Kind = "offer" | "demand";
type Named = { code: string; nameVi: string; nameEn: string };
type OrgFields = { name: string; nameEn: string | null; slug: string; type: string; verificationStatus: string };
type Dates = { publishedAt: Date | null; updatedAt: Date; expiresAt: Date | null };
type Attachment = { id: string; kind: string; filename: string; mimeType: string; size: number };

const PATH: Record<Kind, string> = { offer: "/technologies/", demand: "/demands/" };

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

function attachments(list: Attachment[]) {
  return list.map((a) => ({
    id: a.id,
    kind: a.kind,
    filename: a.filename,
    mimeType: a.mimeType,
    size: a.size,
    url: `/api/files/${a.id}`,
  }));
}

function head(kind: Kind, l: ListingTexts) {
  return {
    id: l.id,
    slug: l.slug,
    url: `${PATH[kind]}${l.slug}`,
    titleVi: l.titleVi,
    titleEn: l.titleEn,
    summaryVi: l.summaryVi,
    summaryEn: l.summaryEn,
  };
}

const dates = (l: Dates) => ({
  publishedAt: iso(l.publishedAt),
  updatedAt: iso(l.updatedAt),
  expiresAt: iso(l.expiresAt),
});

/** A list item: the row's flat classification columns, its own fields, then the tail. */
function listItem<Own extends object>(kind: Kind, row: OfferRow | DemandRow, own: Own, org: OrgFields | null) {
  return {
    ...head(kind, row),
    field: row.fieldCode ? { code: row.fieldCode, nameVi: row.fieldNameVi, nameEn: row.fieldNameEn } : null,
    sector: { code: row.sectorCode, nameVi: row.sectorNameVi, nameEn: row.sectorNameEn },
    keywords: row.keywords,
    ...own,
    encouraged: row.screening === "ENCOURAGED",
    organization: org ? organization(org) : null,
    ...dates(row),
  };
}

/** A detail answer: the description and the nested classification, its own fields, then the tail with attachments. */
function detail<Own extends object>(kind: Kind, d: OfferDetail | DemandDetail, own: Own, org: OrgFields | null) {
  return {
    ...head(kind, d),
    description: d.description,
    field: d.sector.parent ? named(d.sector.parent) : null,
    sector: named(d.sector),
    keywords: d.keywords,
    ...own,
    encouraged: d.screening === "ENCOURAGED",
    organization: org ? organization(org) : null,
    attachments: attachments(d.attachments),
    ...dates(d),
  };
}

export function serializeOfferRow(row: OfferRow) {
  const own = {
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
  };
  return listItem("offer", row, own, organizationOf(row));
}

export function serializeOfferDetail(o: OfferDetail) {
  const own = {
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
  };
  return detail("offer", o, own, o.organization);
}

export function serializeDemandRow(row: DemandRow) {
  const own = {
    trlMin: row.trlMin,
    budgetMin: amount(row.budgetMin),
    budgetMax: amount(row.budgetMax),
    deadline: row.deadline,
    location: row.location,
    preferredForms: row.preferredForms,
    confidential: row.confidential,
  };
  return listItem("demand", row, own, !row.confidential && namesOrganization(row) ? organizationOf(row) : null);
}

export function serializeDemandDetail(d: DemandDetail) {
  const own = {
    trlMin: d.trlMin,
    budgetMin: amount(d.budgetMin),
    budgetMax: amount(d.budgetMax),
    deadline: day(d.deadline),
    location: d.location,
    preferredForms: d.preferredForms,
    confidential: d.confidential,
  };
  return detail("demand", d, own, d.confidential ? null : d.organization);
}
