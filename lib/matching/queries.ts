import "server-only";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { parseExplanation } from "./schemas";
import { clampPage } from "@/lib/page-number";

const PAGE_SIZE = 20;
const listing = {
  select: {
    id: true,
    slug: true,
    titleVi: true,
    titleEn: true,
    status: true,
    organizationId: true,
    organization: { select: { name: true, nameEn: true } },
  },
} as const;

/**
 * Matches of the user's organization's listings (as provider and as seeker), best first. Each owner
 * sees their own side's state; dismissed ones are hidden unless asked for.
 */
export async function matchesForUser(user: Principal, options: { page?: number; includeDismissed?: boolean } = {}) {
  const org = user.organizationId;
  if (!org) return { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
  const published = { offer: { status: "PUBLISHED" as const }, demand: { status: "PUBLISHED" as const } };
  const asProvider = {
    offer: { organizationId: org, status: "PUBLISHED" as const },
    demand: { status: "PUBLISHED" as const },
    ...(options.includeDismissed ? {} : { offerState: { not: "DISMISSED" as const } }),
  };
  const asSeeker = {
    demand: { organizationId: org, status: "PUBLISHED" as const },
    offer: { status: "PUBLISHED" as const },
    ...(options.includeDismissed ? {} : { demandState: { not: "DISMISSED" as const } }),
  };
  const where = { ...published, OR: [asProvider, asSeeker] };
  // A page past the end shows the last page (lib/page-number.ts).
  const total = await db.match.count({ where });
  const { page } = clampPage(Math.max(1, options.page ?? 1), total, PAGE_SIZE);
  const rows = await db.match.findMany({
    where,
    orderBy: [{ score: "desc" }, { id: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    include: { offer: listing, demand: { select: { ...listing.select, confidential: true } } },
  });
  const items = rows.map((m) => {
    const side = m.offer.organizationId === org ? ("offer" as const) : ("demand" as const);
    return {
      id: m.id,
      score: m.score,
      side,
      state: side === "offer" ? m.offerState : m.demandState,
      explanation: parseExplanation(m.explanation, m.id),
      mine: side === "offer" ? m.offer : m.demand,
      other: side === "offer" ? m.demand : m.offer,
      // A confidential demand's business stays anonymous to providers.
      otherOrganization:
        side === "offer" && m.demand.confidential ? null : (side === "offer" ? m.demand : m.offer).organization,
    };
  });
  return { items, total, page, pageSize: PAGE_SIZE };
}

export type UserMatch = Awaited<ReturnType<typeof matchesForUser>>["items"][number];

/**
 * Public view of a published listing's stored matches (for demand pages and the open API): only
 * published counterparts, no personal data, confidential businesses anonymous.
 */
export async function publicMatches(kind: "offer" | "demand", id: string, limit = 10) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const owner =
    kind === "offer"
      ? await db.offer.findFirst({ where: { id, status: "PUBLISHED" }, select: { id: true } })
      : await db.demand.findFirst({ where: { id, status: "PUBLISHED" }, select: { id: true } });
  if (!owner) return null;
  const rows = await db.match.findMany({
    where:
      kind === "offer"
        ? { offerId: id, demand: { status: "PUBLISHED" } }
        : { demandId: id, offer: { status: "PUBLISHED" } },
    orderBy: [{ score: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 50),
    include: {
      offer: {
        select: {
          id: true,
          slug: true,
          titleVi: true,
          titleEn: true,
          organization: { select: { name: true, nameEn: true, slug: true } },
        },
      },
      demand: {
        select: {
          id: true,
          slug: true,
          titleVi: true,
          titleEn: true,
          confidential: true,
          organization: { select: { name: true, nameEn: true, slug: true } },
        },
      },
    },
  });
  return rows.map((m) => {
    const other = kind === "offer" ? m.demand : m.offer;
    const hidden = kind === "offer" && m.demand.confidential;
    return {
      score: m.score,
      explanation: parseExplanation(m.explanation, m.id),
      [kind === "offer" ? "demand" : "offer"]: {
        id: other.id,
        slug: other.slug,
        titleVi: other.titleVi,
        titleEn: other.titleEn,
        organization: hidden ? null : other.organization,
      },
    };
  });
}
