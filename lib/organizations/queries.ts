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
