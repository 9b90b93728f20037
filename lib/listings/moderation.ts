import "server-only";
import { toJsonSafe } from "@/lib/audit/chain";
import type { AuditContext } from "@/lib/audit/context";
import { assertCan, can, type Action, type Principal } from "@/lib/authz";
import { invalidate } from "@/lib/cache/invalidate";
import { listingChanged } from "@/lib/cache/tags";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { transition, workflowTransaction } from "@/lib/workflow/transition";
import { listings } from "./data";
import { ownerPath, type ListingKind } from "./kinds";
import { parsePendingRevision } from "./revision";
import { ModerationReasonSchema } from "./schemas";
import { screenAgainstLists } from "./screening";
import { addMonths, nextStatus, PUBLICATION_MONTHS, type ListingActor } from "./state-machine";
import { listingWorkflow, notifyOfficers, storedRevision } from "./transactions";

/** Why an approval did not publish: the lists changed since the owner submitted. */
export type ApprovalRefusal = "prohibited" | "needs_officer";

export interface ModerationResult {
  status: string;
  refused?: ApprovalRefusal;
}

/** The parts of a listing that say whether a decision waits on it, and whose. */
export interface Reviewable {
  status: string;
  screening: string;
  pendingRevision: unknown;
}

/** The screening a decision is about: a revision's own (stored with it), otherwise the listing's. */
export function screeningUnderReview(listing: Reviewable): string {
  return parsePendingRevision(listing)?.screening ?? listing.screening;
}

/**
 * Who decides the listing now: a department officer when what waits (submission or revision) is
 * screened RESTRICTED, the operator otherwise; null when nothing waits for a decision.
 */
export function reviewerActionFor(listing: Reviewable): Action | null {
  if (listing.status !== "SUBMITTED" && !parsePendingRevision(listing)) return null;
  return screeningUnderReview(listing) === "RESTRICTED" ? "listing:decide-restricted" : "listing:moderate";
}

/** True when `user` may approve or reject the listing now (see reviewerActionFor). */
export function canDecide(user: Principal, listing: Reviewable): boolean {
  const action = reviewerActionFor(listing);
  return action !== null && can(user, action);
}

/** The staff who work the moderation queue: operators, and officers for restricted listings. */
export function canReview(user: Principal): boolean {
  return can(user, "listing:moderate") || can(user, "listing:decide-restricted");
}

/**
 * A moderator's decision on a submitted listing or on a published listing's pending revision.
 *
 * Listings (and revisions) screened RESTRICTED are decided by a department officer, the others by
 * the operator. Approving screens again against the lists as they are at that moment: a listing or
 * revision now PROHIBITED is not published, and one now RESTRICTED is handed to the officers (who
 * are notified) instead of being published by the operator. Both refusals keep the new screening
 * outcome on the listing (or inside the revision) and answer `{ refused }` rather than throwing, so
 * the outcome is committed and shown.
 */
export async function moderateListing(
  ctx: AuditContext,
  user: Principal,
  kind: ListingKind,
  id: string,
  decision: "approve" | "reject",
  rawReason: string | undefined,
): Promise<ModerationResult> {
  const parsedReason = ModerationReasonSchema.safeParse(rawReason);
  if (!parsedReason.success) {
    throw new AppError("validation", "validation", {
      fieldErrors: { reason: parsedReason.error.issues.map((i) => i.message) },
    });
  }
  const reason = parsedReason.data;
  const listing: { organizationId: string | null } = { organizationId: null };
  const result = await workflowTransaction(async (tx): Promise<ModerationResult> => {
    const row = await listings(tx, kind).findFirst({ where: { id } });
    if (!row) throw new AppError("not_found");
    listing.organizationId = row.organizationId;
    const officer = can(user, "listing:decide-restricted");
    if (!officer) assertCan(user, "listing:moderate");
    if (decision === "reject" && !reason) throw new AppError("validation", "reason_required");
    const revision = parsePendingRevision(row);
    const event = revision ? (`${decision}_revision` as const) : decision;
    const to = nextStatus(row.status, event);
    const decider = reviewerActionFor(row);
    if (!to || !decider) throw new AppError("invalid_state", "invalid_state");
    const workflow = listingWorkflow(kind);
    const actor: ListingActor = officer ? "officer" : "moderator";
    const step = { actor, audit: ctx, entityType: kind, reason };
    const link = ownerPath(kind, id);

    if (decision === "reject") {
      assertCan(user, decider);
      await transition(tx, workflow, row, event, {
        ...step,
        action: revision ? `${kind}.revision_rejected` : `${kind}.reject`,
        data: revision ? { pendingRevision: null, moderationNote: reason } : { moderationNote: reason },
        effects: () =>
          notify(tx, {
            userIds: [row.createdById],
            type: revision ? "listing.revision_rejected" : "listing.rejected",
            params: { title: row.titleVi, reason: reason ?? "" },
            link,
          }),
      });
      return { status: to };
    }

    const stored = screeningUnderReview(row);
    const fresh = await screenAgainstLists(tx, revision ? revision.columns : row);
    const restricted = stored === "RESTRICTED" || fresh.outcome === "RESTRICTED";
    // Restricted only by the fresh screening, either may approve: an officer publishes, an operator hands it on below.
    if (stored === "RESTRICTED" || !restricted) assertCan(user, decider);
    const screening = { screening: fresh.outcome, screeningNote: fresh.note };
    if (fresh.outcome === "PROHIBITED" || (restricted && !officer)) {
      const refused: ApprovalRefusal = fresh.outcome === "PROHIBITED" ? "prohibited" : "needs_officer";
      await transition(tx, workflow, row, revision ? "refuse_revision" : "refuse", {
        ...step,
        action: revision ? `${kind}.revision_approval_refused` : `${kind}.approval_refused`,
        reason: undefined,
        data: revision
          ? { pendingRevision: storedRevision(revision.columns, { submittedAt: revision.submittedAt, ...screening }) }
          : screening,
        after: { refused, ...screening },
        effects: async () => {
          if (refused === "needs_officer") await notifyOfficers(tx, kind, row);
        },
      });
      return { status: row.status, refused };
    }

    const now = new Date();
    const data = revision
      ? { ...revision.columns, ...screening, pendingRevision: null, moderationNote: null }
      : {
          ...screening,
          publishedAt: now,
          expiresAt: addMonths(now, PUBLICATION_MONTHS),
          moderationNote: null,
          remindedAt: null,
        };
    await transition(tx, workflow, row, event, {
      ...step,
      action: revision ? `${kind}.revision_approved` : `${kind}.approve`,
      data,
      after: toJsonSafe(revision ? { ...revision.columns, ...screening } : { status: to, ...data }),
      effects: () =>
        notify(tx, {
          userIds: [row.createdById],
          type: revision ? "listing.revision_approved" : "listing.approved",
          params: { title: row.titleVi },
          link,
        }),
    });
    return { status: to };
  });
  // Published, or a published listing's revision approved: its public pages change.
  if (decision === "approve" && !result.refused && result.status === "PUBLISHED" && listing.organizationId) {
    invalidate(listingChanged(kind, id, listing.organizationId));
  }
  return result;
}
