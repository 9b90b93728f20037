import "server-only";
import { can, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ListingKind } from "./kinds";
import { canReview, screeningUnderReview } from "./moderation";
import { parsePendingRevision } from "./revision";
import { clampPage } from "@/lib/page-number";

const PAGE_SIZE = 20;

const ownSelect = {
  id: true,
  slug: true,
  status: true,
  titleVi: true,
  titleEn: true,
  screening: true,
  screeningNote: true,
  moderationNote: true,
  pendingRevision: true,
  submittedAt: true,
  publishedAt: true,
  expiresAt: true,
  updatedAt: true,
  version: true,
} as const;

/** The user's organization's offers or demands, newest change first; a page past the end shows the last one. */
export async function ownListings(user: Principal, kind: ListingKind, requested = 1) {
  const where = { organizationId: user.organizationId ?? "00000000-0000-0000-0000-000000000000" };
  const total = kind === "offer" ? await db.offer.count({ where }) : await db.demand.count({ where });
  const { page } = clampPage(requested, total, PAGE_SIZE);
  const args = {
    where,
    orderBy: { updatedAt: "desc" as const },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: ownSelect,
  };
  const items = kind === "offer" ? await db.offer.findMany(args) : await db.demand.findMany(args);
  return { items, total, page, pageSize: PAGE_SIZE };
}

/** One of the user's organization's listings with its attachments, or null (also for other orgs'). */
export async function ownListing(user: Principal, kind: ListingKind, id: string) {
  if (!user.organizationId || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const where = { id, organizationId: user.organizationId };
  const include = { attachments: { orderBy: { createdAt: "asc" as const } } };
  return kind === "offer" ? db.offer.findFirst({ where, include }) : db.demand.findFirst({ where, include });
}

export interface QueueItem {
  kind: ListingKind;
  id: string;
  titleVi: string;
  organization: string;
  screening: string;
  isRevision: boolean;
  waitingSince: Date;
}

/**
 * Listings waiting for a decision, oldest first: submissions and revisions of published listings.
 * Restricted ones (submissions, or revisions screened RESTRICTED) are the officer's; the operator
 * sees them marked as waiting for the officer. Refuses ("forbidden") anyone else.
 */
export async function moderationQueue(user: Principal): Promise<QueueItem[]> {
  if (!canReview(user)) throw new AppError("forbidden");
  const officerOnly = can(user, "listing:decide-restricted") && !can(user, "listing:moderate");
  const pendingRevision = { not: { equals: null } };
  const where = officerOnly
    ? {
        OR: [
          { status: "SUBMITTED" as const, screening: "RESTRICTED" as const },
          { status: "PUBLISHED" as const, pendingRevision: { path: ["screening"], equals: "RESTRICTED" } },
        ],
      }
    : { OR: [{ status: "SUBMITTED" as const }, { status: "PUBLISHED" as const, pendingRevision }] };
  const select = {
    id: true,
    titleVi: true,
    screening: true,
    status: true,
    submittedAt: true,
    updatedAt: true,
    pendingRevision: true,
    organization: { select: { name: true } },
  };
  const [offers, demands] = await Promise.all([
    db.offer.findMany({ where: where as never, select, take: 500 }),
    db.demand.findMany({ where: where as never, select, take: 500 }),
  ]);
  const toItem =
    (kind: ListingKind) =>
    (row: (typeof offers)[number]): QueueItem => {
      const revision = parsePendingRevision(row);
      return {
        kind,
        id: row.id,
        titleVi: row.titleVi,
        organization: row.organization.name,
        // A revision is decided on its own screening, not the published version's.
        screening: screeningUnderReview(row),
        isRevision: revision !== null,
        waitingSince: revision?.submittedAt ?? row.submittedAt ?? row.updatedAt,
      };
    };
  return [...offers.map(toItem("offer")), ...demands.map(toItem("demand"))].sort(
    (a, b) => a.waitingSince.getTime() - b.waitingSince.getTime(),
  );
}

/**
 * A listing in any status, for the staff who oversee listings (`oversight:read`: they read
 * everything, whoever decides it). Anyone else is answered "not found", as for a missing listing.
 */
export async function listingForReview(user: Principal, kind: ListingKind, id: string) {
  if (!can(user, "oversight:read")) throw new AppError("not_found");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const include = {
    organization: true,
    sector: { include: { parent: true } },
    attachments: true,
    createdBy: { select: { name: true, email: true } },
  };
  return kind === "offer"
    ? db.offer.findUnique({ where: { id }, include })
    : db.demand.findUnique({ where: { id }, include });
}
