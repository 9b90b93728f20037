import "server-only";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { parseExplanation } from "./schemas";
import { MIN_RELATEDNESS } from "./score";
import { clampPage } from "@/lib/page-number";

const PAGE_SIZE = 20;

/**
 * A stored match related enough to show (score.ts MIN_RELATEDNESS). The engine stores no other since
 * the minimum exists, and the sweep recomputes the listings matched before it (mutations.ts
 * MATCHING_RULES_SINCE); this keeps older pairs off the pages meanwhile.
 */
const RELATED = { explanation: { path: ["text", "similarity"], gte: MIN_RELATEDNESS } };
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
  // A pair an owner acted on stays in their list whatever its relatedness: a deal was started from it.
  const shown = { OR: [RELATED, { offerState: "ACTED_ON" as const }, { demandState: "ACTED_ON" as const }] };
  const where = { ...published, AND: [{ OR: [asProvider, asSeeker] }, shown] };
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

/** A counterpart as the public sees it: no status, no people; a confidential business anonymous. */
const publicCounterpart = { id: true, slug: true, titleVi: true, titleEn: true } as const;
const publicOrganization = { select: { name: true, nameEn: true, slug: true } } as const;

/** The other side of a public match. */
export interface PublicCounterpart {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  /** Null for a confidential demand. */
  organization: { name: string; nameEn: string | null; slug: string } | null;
}

/** A public match: its score and explanation, and the counterpart under its kind ("offer" on a demand's page). */
export interface PublicMatch {
  score: number;
  explanation: ReturnType<typeof parseExplanation>;
  offer?: PublicCounterpart;
  demand?: PublicCounterpart;
}

/**
 * Public view of a published listing's stored matches (for demand pages and the open API): only
 * published counterparts, no personal data, confidential businesses anonymous. Null when the
 * listing is not published.
 */
export async function publicMatches(kind: "offer" | "demand", id: string, limit = 10): Promise<PublicMatch[] | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const owner =
    kind === "offer"
      ? await db.offer.findFirst({ where: { id, status: "PUBLISHED" }, select: { id: true } })
      : await db.demand.findFirst({ where: { id, status: "PUBLISHED" }, select: { id: true } });
  if (!owner) return null;
  return matchesOfPublishedListing(kind, id, limit);
}

/**
 * The stored matches of a listing the caller has just read as published (its detail page), best
 * first: `publicMatches` without the check. Reads only the counterpart's side (a detail page miss
 * used to spend two of its queries on the listing itself, issue #11); no match, one query.
 */
export async function matchesOfPublishedListing(
  kind: "offer" | "demand",
  id: string,
  limit = 10,
): Promise<PublicMatch[]> {
  const take = Math.min(Math.max(limit, 1), 50);
  const orderBy = [{ score: "desc" }, { id: "asc" }] as const;
  if (kind === "demand") {
    const rows = await db.match.findMany({
      where: { demandId: id, offer: { status: "PUBLISHED" }, ...RELATED },
      orderBy: [...orderBy],
      take,
      select: {
        id: true,
        score: true,
        explanation: true,
        offer: { select: { ...publicCounterpart, organization: publicOrganization } },
      },
    });
    return rows.map((m) => ({
      score: m.score,
      explanation: parseExplanation(m.explanation, m.id),
      offer: m.offer,
    }));
  }
  const rows = await db.match.findMany({
    where: { offerId: id, demand: { status: "PUBLISHED" }, ...RELATED },
    orderBy: [...orderBy],
    take,
    select: {
      id: true,
      score: true,
      explanation: true,
      demand: { select: { ...publicCounterpart, confidential: true, organization: publicOrganization } },
    },
  });
  return rows.map((m) => {
    const { confidential, organization, ...demand } = m.demand;
    return {
      score: m.score,
      explanation: parseExplanation(m.explanation, m.id),
      demand: { ...demand, organization: confidential ? null : organization },
    };
  });
}
