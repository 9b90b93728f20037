import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType, VerificationStatus } from "@/lib/generated/prisma/enums";
import { demandTermsSelect, listingCardSelect, offerTermsSelect } from "./selects";

/**
 * Listing cards (components/offers/offer-card.tsx, components/demands/demand-card.tsx) read through
 * Prisma: the home page's latest listings and an organization's profile. The catalog's cards come
 * from SQL rows instead and are shaped alike (./rows.ts).
 */

/** An offer's card shows its terms and whether the state encourages the technology. */
export const offerCardSelect = {
  ...listingCardSelect,
  ...offerTermsSelect,
  screening: true,
} satisfies Prisma.OfferSelect;

export const demandCardSelect = { ...listingCardSelect, ...demandTermsSelect } satisfies Prisma.DemandSelect;

export type OfferCardData = Prisma.OfferGetPayload<{ select: typeof offerCardSelect }>;

type DemandCardRow = Prisma.DemandGetPayload<{ select: typeof demandCardSelect }>;

/** A demand card; a confidential demand's organization carries nothing that identifies it. */
export type DemandCardData = Omit<DemandCardRow, "organization"> & {
  organization: {
    name: string;
    nameEn: string | null;
    slug: string;
    type: OrgType | null;
    verificationStatus: VerificationStatus | null;
  };
};

/** The organization of a confidential demand's card. */
export const HIDDEN_ORGANIZATION: DemandCardData["organization"] = {
  name: "",
  nameEn: null,
  slug: "",
  type: null,
  verificationStatus: null,
};

/** The card of a demand read with `demandCardSelect`, with a confidential demand's organization blanked. */
export function demandCard(row: DemandCardRow): DemandCardData {
  return row.confidential ? { ...row, organization: HIDDEN_ORGANIZATION } : row;
}

/** The most recently published offers, for the home page. */
export function latestOffers(limit = 6): Promise<OfferCardData[]> {
  return db.offer.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: offerCardSelect,
  });
}

/** The most recently published demands, for the home page. */
export async function latestDemands(limit = 6): Promise<DemandCardData[]> {
  const rows = await db.demand.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: demandCardSelect,
  });
  return rows.map(demandCard);
}
