import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType, VerificationStatus } from "@/lib/generated/prisma/enums";

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

/** The card of a demand read with `demandCardSelect`, with a confidential demand's organization blanked. */
export function demandCard(row: DemandCardRow): DemandCardData {
  if (!row.confidential) return row;
  return { ...row, organization: { name: "", nameEn: null, slug: "", type: null, verificationStatus: null } };
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
