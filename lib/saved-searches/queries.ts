import "server-only";
import { assertCan, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { normalizeSearch, savedSearchPath } from "./filters";
import type { SavedSearchKind } from "./schemas";

export interface SavedSearchRow {
  id: string;
  kind: SavedSearchKind;
  q: string;
  label: string;
  /** The catalog page that shows the same results (no locale prefix); null if the query no longer parses. */
  href: string | null;
  createdAt: Date;
  lastSentAt: Date | null;
}

/** The signed-in user's saved searches, newest first (their own only: scoped by the user's id). */
export async function savedSearchesOf(user: Principal): Promise<SavedSearchRow[]> {
  assertCan(user, "workspace:access");
  const rows = await db.savedSearch.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => {
    const kind: SavedSearchKind = row.kind === "demands" ? "demands" : "offers";
    const search = normalizeSearch(kind, row.query, (row.filters ?? {}) as Record<string, unknown>);
    return {
      id: row.id,
      kind,
      q: row.query,
      label: row.label,
      href: search.ok ? savedSearchPath(kind, search.q, search.filters) : null,
      createdAt: row.createdAt,
      lastSentAt: row.lastSentAt,
    };
  });
}
