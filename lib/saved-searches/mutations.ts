import "server-only";
import { ACCOUNT_AUDIT } from "@/lib/accounts/audit-actions";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, type Principal } from "@/lib/authz";
import { unknownSectorIssue } from "@/lib/catalog/taxonomy";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeSearch, searchIdentity } from "./filters";
import { MAX_SAVED_SEARCHES, SaveSearchSchema, type SaveSearchInput, type SavedSearchKind } from "./schemas";

/**
 * Saves a catalog query for its weekly e-mail. The query is checked as the catalog checks it (an
 * unknown sector too); saving the same query again returns the one already saved. At most
 * MAX_SAVED_SEARCHES per user. Throws AppError("validation", "invalid_search") with the catalog's
 * issues, ("invalid_state", "saved_search_limit").
 */
export async function saveSearch(
  ctx: AuditContext,
  user: Principal,
  raw: SaveSearchInput,
): Promise<{ id: string; created: boolean }> {
  assertCan(user, "workspace:access");
  const input = SaveSearchSchema.parse(raw);
  const search = normalizeSearch(input.kind, input.q, input.filters);
  const sector = search.ok ? await unknownSectorIssue(search.filters.sector) : null;
  if (!search.ok || sector) {
    throw new AppError("validation", "invalid_search", { issues: search.ok ? [sector] : search.issues });
  }
  const identity = searchIdentity(input.kind, search.q, search.filters);
  return audited<{ id: string; created: boolean }>(ctx, async (tx) => {
    // One save at a time per user: the limit and the duplicate check see every earlier save.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    const mine = await tx.savedSearch.findMany({ where: { userId: user.id } });
    const same = mine.find((s) => {
      const kind: SavedSearchKind = s.kind === "demands" ? "demands" : "offers";
      const stored = normalizeSearch(kind, s.query, (s.filters ?? {}) as Record<string, unknown>);
      return stored.ok && searchIdentity(kind, stored.q, stored.filters) === identity;
    });
    if (same) return { result: { id: same.id, created: false }, audit: [] };
    if (mine.length >= MAX_SAVED_SEARCHES) throw new AppError("invalid_state", "saved_search_limit");
    const created = await tx.savedSearch.create({
      data: {
        userId: user.id,
        kind: input.kind,
        query: search.q,
        filters: search.filters as Prisma.InputJsonObject,
        label: input.label,
      },
    });
    return {
      result: { id: created.id, created: true },
      audit: {
        action: ACCOUNT_AUDIT.saveSearch,
        entityType: "saved_search",
        entityId: created.id,
        after: { kind: created.kind, query: created.query, filters: search.filters, label: created.label },
      },
    };
  });
}

/** Deletes one of the user's own saved searches; another user's (or none) answers "not found". */
export async function deleteSavedSearch(ctx: AuditContext, user: Principal, id: string): Promise<void> {
  assertCan(user, "workspace:access");
  await audited(ctx, async (tx) => {
    const deleted = await tx.savedSearch.findFirst({ where: { id, userId: user.id } });
    // Counted, not assumed: a second click that raced this one finds nothing left to delete.
    const { count } = deleted ? await tx.savedSearch.deleteMany({ where: { id, userId: user.id } }) : { count: 0 };
    if (!deleted || count !== 1) throw new AppError("not_found");
    return {
      result: undefined,
      audit: {
        action: ACCOUNT_AUDIT.deleteSavedSearch,
        entityType: "saved_search",
        entityId: deleted.id,
        before: { kind: deleted.kind, query: deleted.query, filters: deleted.filters, label: deleted.label },
      },
    };
  });
}
