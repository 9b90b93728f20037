import "server-only";
import { diffFields, toJsonSafe } from "@/lib/audit/chain";
import { invalidate } from "@/lib/cache/invalidate";
import { listingChanged } from "@/lib/cache/tags";
import type { AuditContext } from "@/lib/audit/context";
import { assertCan, assertEmailVerified, type Action, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { slugify, slugSuffix } from "@/lib/slug";
import { start, transition, workflowTransaction } from "@/lib/workflow/transition";
import { columnsOf, type ListingInput } from "./data";
import type { ListingKind } from "./kinds";
import { screenAgainstLists, type ScreeningResult } from "./screening";
import { addMonths, nextStatus, PUBLICATION_MONTHS, type ListingEvent } from "./state-machine";
import { listingWorkflow, notifyOfficers, ownListingForUpdate, storedRevision } from "./transactions";

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
  const organizationId = user.organizationId;
  if (!organizationId) throw new AppError("forbidden", "no_organization");
  return workflowTransaction(async (tx) => {
    await assertSector(tx, input.sectorCode);
    const columns = columnsOf(input);
    const data = {
      ...columns,
      slug: `${slugify(input.titleVi, 70)}-${slugSuffix()}`,
      organizationId,
      createdById: user.id,
    };
    return start(tx, listingWorkflow(kind), data, {
      actor: "owner",
      audit: ctx,
      action: `${kind}.create`,
      entityType: kind,
      after: columns,
    });
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
  return workflowTransaction(async (tx) => {
    const row = await ownListingForUpdate(tx, user, kind, id);
    if (input.version !== undefined && input.version !== row.version) throw new AppError("conflict", "conflict");
    // Checked before the input, so a listing under review answers "invalid_state" whatever was typed.
    if (!nextStatus(row.status, "edit")) throw new AppError("invalid_state", "invalid_state");
    await assertSector(tx, input.sectorCode);
    const columns = columnsOf(input);
    const before = Object.fromEntries(Object.keys(columns).map((k) => [k, row[k]]));
    const diff = diffFields(before, columns);
    const step = { actor: "owner", audit: ctx, entityType: kind, ...diff } as const;
    if (row.status === "PUBLISHED") {
      // A revision is a submission for review: it needs a confirmed e-mail address.
      assertEmailVerified(user);
      const screening = await screenAgainstLists(tx, columns);
      const review = { submittedAt: new Date(), screening: screening.outcome, screeningNote: screening.note };
      await transition(tx, listingWorkflow(kind), row, "edit", {
        ...step,
        action: `${kind}.revise`,
        data: { pendingRevision: storedRevision(columns, review) },
        reason: screening.note ?? undefined,
        effects: async () => {
          if (screening.outcome === "RESTRICTED") await notifyOfficers(tx, kind, row);
        },
      });
      return { revision: true, screening: screening as ScreeningResult | null };
    }
    await transition(tx, listingWorkflow(kind), row, "edit", { ...step, action: `${kind}.update`, data: columns });
    return { revision: false, screening: null as ScreeningResult | null };
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
  // Withdrawing a published listing or republishing it changes public pages (after the commit).
  const publicChange: { organizationId: string | null } = { organizationId: null };
  const result = await workflowTransaction(async (tx) => {
    const row = await ownListingForUpdate(tx, user, kind, id);
    if (!nextStatus(row.status, event)) throw new AppError("invalid_state", "invalid_state");
    const workflow = listingWorkflow(kind);
    const now = new Date();
    let move: ListingEvent = event;
    let data: Record<string, unknown> = {};
    let outcome: ScreeningResult | null = null;
    let restricted = false;
    if (event === "submit" || event === "renew") {
      assertEmailVerified(user);
      const screening = await screenAgainstLists(tx, row);
      outcome = { outcome: screening.outcome, matches: screening.matches };
      if (screening.outcome === "PROHIBITED") {
        // Not submitted / not republished: a prohibited technology can never be published.
        await transition(tx, workflow, row, "block", {
          actor: "owner",
          audit: ctx,
          action: `${kind}.screening_blocked`,
          entityType: kind,
          data: { screening: "PROHIBITED", screeningNote: screening.note },
          after: { event, screening: "PROHIBITED", note: screening.note },
        });
        return { status: row.status, screening: outcome };
      }
      data = { screening: screening.outcome, screeningNote: screening.note };
      if (event === "submit") data = { ...data, submittedAt: now, moderationNote: null };
      restricted = screening.outcome === "RESTRICTED";
      // A renewal now on the restricted list goes back to an officer instead of being republished.
      if (restricted && event === "renew") {
        move = "renew_for_review";
        data = { ...data, submittedAt: now, moderationNote: null };
      }
    }
    const to = nextStatus(row.status, move);
    if (move === "renew" && to === "PUBLISHED") {
      data = {
        ...data,
        expiresAt: addMonths(now, PUBLICATION_MONTHS),
        remindedAt: null,
        publishedAt: row.publishedAt ?? now,
      };
    }
    const done = await transition(tx, workflow, row, move, {
      actor: "owner",
      audit: ctx,
      action: `${kind}.${event}`,
      entityType: kind,
      data,
      after: toJsonSafe({ status: to, ...data }),
      effects: async () => {
        if (restricted) await notifyOfficers(tx, kind, row);
      },
    });
    if (row.status === "PUBLISHED" || done.to === "PUBLISHED") publicChange.organizationId = row.organizationId;
    return { status: done.to, screening: outcome };
  });
  if (publicChange.organizationId) invalidate(listingChanged(kind, id, publicChange.organizationId));
  return result;
}
