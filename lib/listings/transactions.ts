import "server-only";
import { toJsonSafe } from "@/lib/audit/chain";
import { assertCan, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import type { Workflow } from "@/lib/workflow/transition";
import type { ListingStatus } from "@/lib/generated/prisma/enums";
import { listings, type ListingRecord, type ListingRow } from "./data";
import { LISTING_KIND, type ListingKind } from "./kinds";
import type { PendingRevision } from "./revision";
import { LISTING_MACHINE, type ListingActor, type ListingEvent } from "./state-machine";

/** Building blocks of the listing transactions (mutations.ts, moderation.ts, lifecycle.ts); each runs inside one. */

export type ListingWorkflow = Workflow<
  ListingStatus,
  ListingEvent,
  ListingActor,
  ListingRecord,
  Record<string, unknown>
>;

/**
 * The listing machine with the table that keeps the kind's listings. A move is written only if the
 * listing still has the version and status it was read with (optimistic concurrency), and bumps the
 * version. The daily job's moves keep `updated_at`, which means "the owner last updated this
 * listing" (shown publicly, measured by the Department): Prisma keeps an `updatedAt` given explicitly.
 */
export function listingWorkflow(kind: ListingKind): ListingWorkflow {
  return {
    machine: LISTING_MACHINE,
    store: {
      field: "status",
      stateOf: (row) => row.status,
      write: async (tx, row, move) => {
        const { count } = await listings(tx, kind).updateMany({
          where: { id: row.id, version: row.version, status: move.from },
          data: {
            ...move.data,
            status: move.to,
            version: { increment: 1 },
            ...(move.actor === "system" ? { updatedAt: row.updatedAt } : {}),
          },
        });
        return count;
      },
      create: (tx, status, data) => listings(tx, kind).create({ data: { ...data, status } }),
    },
  };
}

/** The owner's listing, or not_found (also for another organization's listing). */
export async function ownListingForUpdate(
  tx: Tx,
  user: Principal,
  kind: ListingKind,
  id: string,
): Promise<ListingRecord> {
  const row = await listings(tx, kind).findFirst({ where: { id, organizationId: user.organizationId ?? "-" } });
  assertCan(user, LISTING_KIND[kind].manageOwn, row ?? { organizationId: null });
  if (!row) throw new AppError("not_found");
  return row;
}

/**
 * A revision as `pendingRevision` stores it: the edited columns and the review facts, made JSON-safe
 * (amounts as strings, dates as ISO strings). Read back with `parsePendingRevision` (./revision.ts).
 */
export function storedRevision(columns: object, review: Omit<PendingRevision, "columns">) {
  return toJsonSafe({ ...columns, ...review });
}

/** Tells every active department officer that a restricted listing (or revision) waits for them. */
export async function notifyOfficers(tx: Tx, kind: ListingKind, row: Pick<ListingRow, "id" | "titleVi">) {
  const officers = await tx.user.findMany({
    where: { roles: { has: "OFFICER" }, status: "ACTIVE" },
    select: { id: true },
  });
  await notify(tx, {
    userIds: officers.map((o) => o.id),
    type: "listing.needs_officer",
    params: { title: row.titleVi },
    link: `/admin/moderation/${kind}/${row.id}`,
  });
}
