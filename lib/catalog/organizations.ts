import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { demandCardSelect, offerCardSelect, type DemandCardData, type OfferCardData } from "./cards";
import { OrganizationQuerySchema } from "./directory-schemas";
import { clampPage } from "@/lib/page-number";
import type { QueryInput } from "./query-input";
import { isSlug, PAGE_SIZE, pageOutOfRange, parseLenient } from "./schemas";
import { organizationSummarySelect } from "./selects";

// Organizations whose verification was rejected are not shown to the public at all.
const visible: Prisma.OrganizationWhereInput = { verificationStatus: { not: "REJECTED" } };

/** `/organizations`: type and verified filters, with counts of public listings. Never throws on bad input. */
export async function organizationDirectory(input: QueryInput) {
  const { data: query, issues } = parseLenient(OrganizationQuerySchema, input);
  const where: Prisma.OrganizationWhereInput = {
    AND: [
      visible,
      query.verified ? { verificationStatus: "VERIFIED" } : {},
      query.orgType ? { type: query.orgType } : {},
    ],
  };
  const total = await db.organization.count({ where });
  const { page, pageCount } = clampPage(query.page, total, PAGE_SIZE);
  const items = await db.organization.findMany({
    where,
    // Enum order is UNVERIFIED < PENDING < VERIFIED, so descending lists verified organizations first.
    orderBy: [{ verificationStatus: "desc" }, { name: "asc" }, { id: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      ...organizationSummarySelect,
      _count: {
        select: {
          offers: { where: { status: "PUBLISHED" } },
          // Confidential demands are not counted: the count would reveal who posted them.
          demands: { where: { status: "PUBLISHED", confidential: false } },
        },
      },
    },
  });
  return { query, issues: [...issues, ...pageOutOfRange(query.page, page)], result: { items, total, page, pageCount } };
}

export type OrganizationListItem = Awaited<ReturnType<typeof organizationDirectory>>["result"]["items"][number];

/**
 * Listings of each kind on a profile, newest first. Sixty full cards of each kind made a profile
 * 250–390 KB of HTML at 100,000 listings (issue #11); the headings give the full counts.
 */
export const PROFILE_LISTING_LIMIT = 12;

/**
 * An organization's public profile with its newest published offers and non-confidential demands
 * (at most PROFILE_LISTING_LIMIT each) and how many of each it has.
 */
export const organizationProfile = cache(async (slug: string) => {
  if (!isSlug(slug)) return null;
  const org = await db.organization.findFirst({
    where: { AND: [visible, { slug }] },
    select: {
      ...organizationSummarySelect,
      description: true,
      descriptionEn: true,
      address: true,
      website: true,
      verifiedAt: true,
      updatedAt: true,
    },
  });
  if (!org) return null;
  const offerWhere: Prisma.OfferWhereInput = { organizationId: org.id, status: "PUBLISHED" };
  const demandWhere: Prisma.DemandWhereInput = { organizationId: org.id, status: "PUBLISHED", confidential: false };
  const [offers, demands, offerCount, demandCount]: [OfferCardData[], DemandCardData[], number, number] =
    await Promise.all([
      db.offer.findMany({
        where: offerWhere,
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        take: PROFILE_LISTING_LIMIT,
        select: offerCardSelect,
      }),
      db.demand.findMany({
        where: demandWhere,
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        take: PROFILE_LISTING_LIMIT,
        select: demandCardSelect,
      }),
      db.offer.count({ where: offerWhere }),
      db.demand.count({ where: demandWhere }),
    ]);
  // Completed transfers and the ratings partners gave after them (issue #12 item 6). No amounts.
  const [completedTransfers, ratings] = await Promise.all([
    db.deal.count({ where: { state: "COMPLETED", OR: [{ providerOrgId: org.id }, { seekerOrgId: org.id }] } }),
    db.rating.aggregate({ where: { organizationId: org.id }, _avg: { stars: true }, _count: true }),
  ]);
  return {
    ...org,
    offers,
    demands,
    offerCount,
    demandCount,
    completedTransfers,
    rating: ratings._count > 0 ? { average: ratings._avg.stars ?? 0, count: ratings._count } : null,
  };
});
