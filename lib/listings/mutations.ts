import "server-only";
import { diffFields, toJsonSafe } from "@/lib/audit/chain";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, assertEmailVerified, type Action, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { slugify, slugSuffix } from "@/lib/slug";
import { columnsOf, listings, type ListingInput, type ListingKind } from "./data";
import { screenAgainstLists, type ScreeningResult } from "./screening";
import { addMonths, nextStatus, PUBLICATION_MONTHS, type ListingEvent } from "./state-machine";
import { move, notifyOfficers, ownListingForUpdate } from "./transactions";

export { moderateListing } from "./moderation";

const CREATE: Record<ListingKind, Action> = { offer: "offer:create", demand: "demand:create" };

async function assertSector(tx: Tx, code: string) {
  const node = await tx.taxonomyNode.findUnique({ where: { code } });
  if (!node || node.level !== 2 || !node.active) {
    throw new AppError("validation", "validation", { fieldErrors: { sectorCode: ["choose_one"] } });
  }
}

/** Creates a draft offer or demand for the user's organization. */
export async function createListing(ctx: AuditContext, user: Principal, kind: ListingKind, input: ListingInput) {
  assertCan(user, CREATE[kind]);
  if (!user.organizationId) throw new AppError("forbidden", "no_organization");
  return audited(ctx, async (tx) => {
    await assertSector(tx, input.sectorCode);
    const columns = columnsOf(input);
    const row = await listings(tx, kind).create({
      data: {
        ...columns,
        slug: `${slugify(input.titleVi, 70)}-${slugSuffix()}`,
        organizationId: user.organizationId,
        createdById: user.id,
        status: "DRAFT",
      },
    });
    return { result: row, audit: { action: `${kind}.create`, entityType: kind, entityId: row.id, after: columns } };
  });
}

/**
 * Saves the owner's edits. Drafts and rejected listings change in place; a published listing keeps
 * its public version and stores the edit as a revision for moderation, screened now (outcome and
 * note kept inside the revision for the moderator; restricted ones notify the officers) and again
 * when it is approved.
 */
export async function updateListing(
  ctx: AuditContext,
  user: Principal,
  kind: ListingKind,
  id: string,
  input: ListingInput,
) {
  return audited(ctx, async (tx) => {
    const row = await ownListingForUpdate(tx, user, kind, id);
    if (input.version !== undefined && input.version !== row.version) throw new AppError("conflict", "conflict");
    if (!nextStatus(row.status, "edit")) throw new AppError("invalid_state", "invalid_state");
    await assertSector(tx, input.sectorCode);
    const columns = columnsOf(input);
    const current = row as unknown as Record<string, unknown>;
    const before = Object.fromEntries(Object.keys(columns).map((k) => [k, current[k]]));
    const diff = diffFields(before, columns);
    if (row.status === "PUBLISHED") {
      // A revision is a submission for review: it needs a confirmed e-mail address.
      assertEmailVerified(user);
      const screening = await screenAgainstLists(tx, columns);
      const revision = {
        ...columns,
        submittedAt: new Date(),
        screening: screening.outcome,
        screeningNote: screening.note,
      };
      await move(tx, kind, row, { pendingRevision: toJsonSafe(revision) });
      if (screening.outcome === "RESTRICTED") await notifyOfficers(tx, kind, row);
      return {
        result: { revision: true, screening: screening as ScreeningResult | null },
        audit: {
          action: `${kind}.revise`,
          entityType: kind,
          entityId: id,
          ...diff,
          reason: screening.note ?? undefined,
        },
      };
    }
    await move(tx, kind, row, columns);
    return {
      result: { revision: false, screening: null as ScreeningResult | null },
      audit: { action: `${kind}.update`, entityType: kind, entityId: id, ...diff },
    };
  });
}

/**
 * Owner events: submit, recall, withdraw, renew. Submitting and renewing screen the listing against
 * the lists as they are now and need a confirmed e-mail address: a prohibited listing stays where it
 * is (the matching entry is kept in the note), a restricted one waits for a department officer (a
 * renewal too, instead of republishing), the others go on.
 */
export async function ownerTransition(
  ctx: AuditContext,
  user: Principal,
  kind: ListingKind,
  id: string,
  event: Extract<ListingEvent, "submit" | "recall" | "withdraw" | "renew">,
) {
  return audited(ctx, async (tx) => {
    const row = await ownListingForUpdate(tx, user, kind, id);
    let to = nextStatus(row.status, event);
    if (!to) throw new AppError("invalid_state", "invalid_state");
    const now = new Date();
    let data: Record<string, unknown> = { status: to };
    let outcome: ScreeningResult | null = null;
    if (event === "submit" || event === "renew") {
      assertEmailVerified(user);
      const full = (await listings(tx, kind).findFirst({ where: { id } })) as unknown as Record<string, unknown>;
      const screening = await screenAgainstLists(tx, full);
      outcome = { outcome: screening.outcome, matches: screening.matches };
      if (screening.outcome === "PROHIBITED") {
        // Not submitted / not republished: a prohibited technology can never be published.
        await move(tx, kind, row, { screening: "PROHIBITED", screeningNote: screening.note });
        return {
          result: { status: row.status, screening: outcome },
          audit: {
            action: `${kind}.screening_blocked`,
            entityType: kind,
            entityId: id,
            before: { status: row.status },
            after: { event, screening: "PROHIBITED", note: screening.note },
          },
        };
      }
      data = { ...data, screening: screening.outcome, screeningNote: screening.note };
      if (event === "submit") data = { ...data, submittedAt: now, moderationNote: null };
      if (screening.outcome === "RESTRICTED") {
        // A renewal now on the restricted list goes back to an officer instead of being republished.
        if (event === "renew") {
          to = "SUBMITTED";
          data = { ...data, status: to, submittedAt: now, moderationNote: null };
        }
        await notifyOfficers(tx, kind, row);
      }
    }
    if (event === "renew" && to === "PUBLISHED") {
      data = {
        ...data,
        expiresAt: addMonths(now, PUBLICATION_MONTHS),
        remindedAt: null,
        publishedAt: row.publishedAt ?? now,
      };
    }
    await move(tx, kind, row, data);
    return {
      result: { status: to, screening: outcome },
      audit: {
        action: `${kind}.${event}`,
        entityType: kind,
        entityId: id,
        before: { status: row.status },
        after: toJsonSafe(data),
      },
    };
  });
}
