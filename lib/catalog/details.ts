import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSlug } from "./schemas";
import { attachmentsSelect, demandTermsSelect, listingCardSelect, offerTermsSelect, taxonomySelect } from "./selects";

/**
 * One published listing with every public field (DOMAIN §3), for its detail page and the API's
 * detail answer. Anything unpublished is "not found"; never the author, moderation or screening
 * notes or pending revisions.
 */

/** What both kinds show on their detail page: the card's fields, the texts, the field above the sector, files. */
const detailSelect = {
  ...listingCardSelect,
  // Never shown or serialized: the page's cache tag (`org:<id>`), so the organization's changes reach it.
  organizationId: true,
  description: true,
  keywords: true,
  screening: true,
  expiresAt: true,
  sector: { select: { ...taxonomySelect, parent: { select: taxonomySelect } } },
  attachments: attachmentsSelect,
} as const;

const offerDetailSelect = {
  ...detailSelect,
  ...offerTermsSelect,
  ipTitleNumber: true,
  transferObjects: true,
  transferForms: true,
  transferMethods: true,
  applicationAreas: true,
  advantages: true,
  stateFunded: true,
  fundingProgramme: true,
} satisfies Prisma.OfferSelect;

const demandDetailSelect = {
  ...detailSelect,
  ...demandTermsSelect,
  preferredForms: true,
} satisfies Prisma.DemandSelect;

export type OfferDetail = Prisma.OfferGetPayload<{ select: typeof offerDetailSelect }>;

type DemandPayload = Prisma.DemandGetPayload<{ select: typeof demandDetailSelect }>;
/** A published demand; `organization` and `organizationId` are null when the demand is confidential. */
export type DemandDetail = Omit<DemandPayload, "organization" | "organizationId"> & {
  organization: DemandPayload["organization"] | null;
  organizationId: string | null;
};

function publicDemand(row: DemandPayload | null): DemandDetail | null {
  if (!row) return null;
  return row.confidential ? { ...row, organization: null, organizationId: null } : row;
}

/** A published offer by slug, or null. Cached per request. */
export const publishedOfferBySlug = cache(async (slug: string): Promise<OfferDetail | null> =>
  isSlug(slug) ? db.offer.findFirst({ where: { slug, status: "PUBLISHED" }, select: offerDetailSelect }) : null,
);

/** A published offer by id, or null. */
export function publishedOfferById(id: string): Promise<OfferDetail | null> {
  return db.offer.findFirst({ where: { id, status: "PUBLISHED" }, select: offerDetailSelect });
}

/** A published demand by slug, or null. Cached per request. */
export const publishedDemandBySlug = cache(async (slug: string): Promise<DemandDetail | null> =>
  isSlug(slug)
    ? publicDemand(await db.demand.findFirst({ where: { slug, status: "PUBLISHED" }, select: demandDetailSelect }))
    : null,
);

/** A published demand by id, or null. */
export async function publishedDemandById(id: string): Promise<DemandDetail | null> {
  return publicDemand(await db.demand.findFirst({ where: { id, status: "PUBLISHED" }, select: demandDetailSelect }));
}
