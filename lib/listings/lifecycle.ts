import "server-only";
import { systemContext, type AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { invalidate } from "@/lib/cache/invalidate";
import { listingChanged } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { transition, workflowTransaction } from "@/lib/workflow/transition";
import { listings, type ListingRecord } from "./data";
import { LISTING_KIND, LISTING_KINDS, ownerPath, type ListingKind } from "./kinds";
import { EXPIRY_WARNING_DAYS, UPDATE_REMINDER_DAYS } from "./state-machine";
import { listingWorkflow } from "./transactions";

const DAY = 86_400_000;

/**
 * Expires one listing by the table's `expire` (the store keeps its `updated_at`: the owner did not
 * update it). False when it changed since it was read — renewed, withdrawn or expired by another
 * run — which the next run sees afresh.
 */
async function expire(kind: ListingKind, row: ListingRecord, now: Date, ctx: AuditContext): Promise<boolean> {
  try {
    await workflowTransaction((tx) =>
      transition(tx, listingWorkflow(kind), row, "expire", {
        actor: "system",
        audit: ctx,
        action: `${kind}.expire`,
        entityType: kind,
        now,
        effects: () =>
          notify(tx, {
            userIds: [row.createdById],
            type: "listing.expired",
            params: { title: row.titleVi },
            link: ownerPath(kind, row.id),
          }),
      }),
    );
    // A job has no request: effective on the next request after the page lifetime (lib/cache/invalidate.ts).
    invalidate(listingChanged(kind, row.id, row.organizationId));
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.code === "conflict" || error.code === "invalid_state")) return false;
    throw error;
  }
}

/**
 * Daily job: expires listings whose 12-month publication ended, warns owners 30 days before expiry and
 * asks them every quarter to update. Each listing is handled in its own audited transaction, so one
 * failure never blocks the rest and a crash mid-run simply resumes on the next run.
 */
export async function runListingLifecycle(now = new Date(), batch = 500) {
  const ctx = systemContext(`job:listings.lifecycle:${now.toISOString()}`);
  const counts = { expired: 0, expiring: 0, reminded: 0 };
  for (const kind of LISTING_KINDS) {
    const due = await listings(db, kind).findMany({
      where: { status: "PUBLISHED", expiresAt: { lte: now } },
      take: batch,
    });
    for (const row of due) {
      if (await expire(kind, row, now, ctx)) counts.expired += 1;
    }

    const warnBefore = new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY);
    const staleBefore = new Date(now.getTime() - UPDATE_REMINDER_DAYS * DAY);
    const candidates = await listings(db, kind).findMany({
      where: {
        status: "PUBLISHED",
        OR: [{ remindedAt: null }, { remindedAt: { lt: staleBefore } }],
        AND: [{ OR: [{ expiresAt: { lte: warnBefore } }, { updatedAt: { lt: staleBefore } }] }],
      },
      take: batch,
    });
    for (const row of candidates) {
      const expiring = row.expiresAt !== null && row.expiresAt <= warnBefore;
      await audited(ctx, async (tx) => {
        await tx.$executeRawUnsafe(
          `UPDATE ${LISTING_KIND[kind].table} SET reminded_at = $1 WHERE id = $2::uuid`,
          now,
          row.id,
        );
        await notify(tx, {
          userIds: [row.createdById],
          type: expiring ? "listing.expiring" : "listing.update_reminder",
          params: { title: row.titleVi, date: row.expiresAt ? row.expiresAt.toISOString().slice(0, 10) : "" },
          link: ownerPath(kind, row.id),
        });
        return {
          result: null,
          audit: {
            action: `${kind}.remind`,
            entityType: kind,
            entityId: row.id,
            after: { reminder: expiring ? "expiring" : "update" },
          },
        };
      });
      if (expiring) counts.expiring += 1;
      else counts.reminded += 1;
    }
  }
  return counts;
}
