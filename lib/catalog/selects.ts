import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Prisma select fragments every public read of a listing shares (cards, detail pages, the API,
 * organization profiles), so what the public sees of an organization or a file is decided once.
 * Never the author, moderation or screening notes, storage keys or checksums.
 */

export const taxonomySelect = { code: true, nameVi: true, nameEn: true } as const;

/** The publishing organization as the public sees it (nothing from its legal or contact records). */
export const listingOrganizationSelect = {
  name: true,
  nameEn: true,
  slug: true,
  type: true,
  verificationStatus: true,
} satisfies Prisma.OrganizationSelect;

/** What a listing of either kind shows wherever it appears: titles, summary, place, dates, sector, organization. */
export const listingCardSelect = {
  id: true,
  slug: true,
  titleVi: true,
  titleEn: true,
  summaryVi: true,
  summaryEn: true,
  location: true,
  publishedAt: true,
  updatedAt: true,
  sector: { select: taxonomySelect },
  organization: { select: listingOrganizationSelect },
} as const;

/** An offer's terms, on its card and its page: readiness, protection and price. */
export const offerTermsSelect = {
  trl: true,
  ipStatus: true,
  priceType: true,
  priceMin: true,
  priceMax: true,
} satisfies Prisma.OfferSelect;

/** A demand's terms, on its card and its page: readiness sought, budget, deadline, confidentiality. */
export const demandTermsSelect = {
  trlMin: true,
  budgetMin: true,
  budgetMax: true,
  deadline: true,
  confidential: true,
} satisfies Prisma.DemandSelect;

/** An organization in the directory and at the head of its profile. */
export const organizationSummarySelect = {
  id: true,
  slug: true,
  name: true,
  nameEn: true,
  type: true,
  location: true,
  verificationStatus: true,
} satisfies Prisma.OrganizationSelect;

/** A listing's attachments in upload order, without where or how they are stored. */
export const attachmentsSelect = {
  select: { id: true, kind: true, filename: true, mimeType: true, size: true },
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
} satisfies Prisma.AttachmentFindManyArgs;
