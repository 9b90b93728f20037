import "server-only";
import { systemContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/mutations";
import { listings, TABLE, type ListingKind } from "./data";
import { EXPIRY_WARNING_DAYS, UPDATE_REMINDER_DAYS } from "./state-machine";

const DAY = 86_400_000;
const KINDS: ListingKind[] = ["offer", "demand"];
const linkFor = (kind: ListingKind, id: string) => `/account/${kind === "offer" ? "offers" : "demands"}/${id}`;

/**
 * Daily job: expires listings whose 12-month publication ended, warns owners 30 days before expiry and
 * asks them every quarter to update. Each listing is handled in its own audited transaction, so one
 * failure never blocks the rest and a crash mid-run simply resumes on the next run.
 */
export async function runListingLifecycle(now = new Date(), batch = 500) {
  const ctx = systemContext(`job:listings.lifecycle:${now.toISOString()}`);
  const counts = { expired: 0, expiring: 0, reminded: 0 };
  for (const kind of KINDS) {
    const due = await listings(db, kind).findMany({
      where: { status: "PUBLISHED", expiresAt: { lte: now } },
      take: batch,
    });
    for (const row of due) {
      const done = await audited(ctx, async (tx) => {
        // Raw SQL on purpose: expiry and reminders must not move updated_at, which means "the owner
        // last updated this listing" (shown publicly and measured by the Department).
        const count = await tx.$executeRawUnsafe(
          `UPDATE ${TABLE[kind]} SET status = 'EXPIRED', version = version + 1
            WHERE id = $1::uuid AND status = 'PUBLISHED' AND expires_at <= $2`,
          row.id,
          now,
        );
        if (count === 1) {
          await notify(tx, {
            userIds: [row.createdById],
            type: "listing.expired",
            params: { title: row.titleVi },
            link: linkFor(kind, row.id),
          });
        }
        return {
          result: count === 1,
          audit: {
            action: `${kind}.expire`,
            entityType: kind,
            entityId: row.id,
            before: { status: "PUBLISHED" },
            after: { status: count === 1 ? "EXPIRED" : "unchanged" },
          },
        };
      });
      if (done) counts.expired += 1;
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
        await tx.$executeRawUnsafe(`UPDATE ${TABLE[kind]} SET reminded_at = $1 WHERE id = $2::uuid`, now, row.id);
        await notify(tx, {
          userIds: [row.createdById],
          type: expiring ? "listing.expiring" : "listing.update_reminder",
          params: { title: row.titleVi, date: row.expiresAt ? row.expiresAt.toISOString().slice(0, 10) : "" },
          link: linkFor(kind, row.id),
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
