import "server-only";
import { db } from "@/lib/db";

/** Organizations a new user may join, by name (the list is short enough for a select for now). */
export function organizationsForSignup() {
  return db.organization.findMany({
    where: { type: { not: "STATE_AGENCY" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, type: true },
    take: 1000,
  });
}

/** The user's own organization with its verification documents. */
export function ownOrganization(organizationId: string | null) {
  if (!organizationId) return null;
  return db.organization.findUnique({ where: { id: organizationId }, include: { attachments: { orderBy: { createdAt: "asc" } } } });
}

/** Organizations waiting for verification, oldest request first, with their documents. */
export function verificationQueue() {
  return db.organization.findMany({
    where: { verificationStatus: "PENDING" },
    orderBy: { updatedAt: "asc" },
    include: { attachments: true, _count: { select: { members: true } } },
    take: 200,
  });
}
