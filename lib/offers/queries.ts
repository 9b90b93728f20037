import "server-only";
import { db } from "@/lib/db";

export const offerCardSelect = {
  id: true,
  slug: true,
  titleVi: true,
  titleEn: true,
  summaryVi: true,
  summaryEn: true,
  trl: true,
  ipStatus: true,
  priceType: true,
  priceMin: true,
  priceMax: true,
  location: true,
  screening: true,
  publishedAt: true,
  updatedAt: true,
  sector: { select: { code: true, nameVi: true, nameEn: true } },
  organization: { select: { name: true, nameEn: true, slug: true, type: true, verificationStatus: true } },
} as const;

/** The most recently published offers, for the home page. */
export function latestOffers(limit = 6) {
  return db.offer.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: offerCardSelect,
  });
}

export type OfferCardData = Awaited<ReturnType<typeof latestOffers>>[number];
