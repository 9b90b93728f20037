import "server-only";
import { db } from "@/lib/db";

export const demandCardSelect = {
  id: true,
  slug: true,
  titleVi: true,
  titleEn: true,
  summaryVi: true,
  summaryEn: true,
  trlMin: true,
  budgetMin: true,
  budgetMax: true,
  deadline: true,
  location: true,
  confidential: true,
  publishedAt: true,
  updatedAt: true,
  sector: { select: { code: true, nameVi: true, nameEn: true } },
  organization: { select: { name: true, nameEn: true, slug: true, type: true, verificationStatus: true } },
} as const;

/** The most recently published demands, for the home page. */
export function latestDemands(limit = 6) {
  return db.demand.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: demandCardSelect,
  });
}

export type DemandCardData = Awaited<ReturnType<typeof latestDemands>>[number];
