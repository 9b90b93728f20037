import "server-only";
import { assertCan, type Action, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { listings, type ListingKind, type ListingRow } from "./data";

/** Building blocks of the listing transactions (mutations.ts, moderation.ts); each runs inside one. */

const OWN: Record<ListingKind, Action> = { offer: "offer:manage-own", demand: "demand:manage-own" };

/** The owner's listing, or not_found (also for another organization's listing). */
export async function ownListingForUpdate(tx: Tx, user: Principal, kind: ListingKind, id: string): Promise<ListingRow> {
  const row = await listings(tx, kind).findFirst({ where: { id, organizationId: user.organizationId ?? "-" } });
  assertCan(user, OWN[kind], row ?? { organizationId: null });
  return row!;
}

/** Moves a listing from the status it was read in, or fails with "conflict" if it changed meanwhile. */
export async function move(tx: Tx, kind: ListingKind, row: ListingRow, data: Record<string, unknown>) {
  const { count } = await listings(tx, kind).updateMany({
    where: { id: row.id, version: row.version, status: row.status },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("conflict", "conflict");
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

export const ownerLink = (kind: ListingKind, id: string) => `/account/${kind === "offer" ? "offers" : "demands"}/${id}`;
