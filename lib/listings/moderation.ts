import "server-only";
import { toJsonSafe } from "@/lib/audit/chain";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, can, type Action, type Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { listings, revisionToColumns, type ListingKind } from "./data";
import { ModerationReasonSchema } from "./schemas";
import { screenAgainstLists } from "./screening";
import { addMonths, nextStatus, PUBLICATION_MONTHS } from "./state-machine";
import { move, notifyOfficers, ownerLink } from "./transactions";

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

/** A published listing's pending revision, or null (a submission is decided on its own columns). */
function pendingRevisionOf(listing: Reviewable): Record<string, unknown> | null {
  const revision = listing.pendingRevision;
  return listing.status === "PUBLISHED" && typeof revision === "object" && revision !== null
    ? (revision as Record<string, unknown>)
    : null;
}

/** The screening a decision is about: a revision's own (stored with it), otherwise the listing's. */
export function screeningUnderReview(listing: Reviewable): string {
  const revision = pendingRevisionOf(listing);
  return revision ? String(revision.screening ?? "CLEAR") : listing.screening;
}

/**
 * Who decides the listing now: a department officer when what waits (submission or revision) is
 * screened RESTRICTED, the operator otherwise; null when nothing waits for a decision.
 */
export function reviewerActionFor(listing: Reviewable): Action | null {
  if (listing.status !== "SUBMITTED" && !pendingRevisionOf(listing)) return null;
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

/** Keys a stored revision carries besides the listing's columns. */
const REVISION_META = ["submittedAt", "screening", "screeningNote"];

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
  return audited(ctx, async (tx) => {
    const row = await listings(tx, kind).findFirst({ where: { id } });
    if (!row) throw new AppError("not_found");
    const officer = can(user, "listing:decide-restricted");
    if (!officer) assertCan(user, "listing:moderate");
    if (decision === "reject" && !reason) throw new AppError("validation", "reason_required");
    const revision = pendingRevisionOf(row);
    const to = revision ? row.status : nextStatus(row.status, decision);
    const decider = reviewerActionFor(row);
    if (!to || !decider) throw new AppError("invalid_state", "invalid_state");
    const stored = screeningUnderReview(row);
    const columns = revision
      ? Object.fromEntries(Object.entries(revision).filter(([k]) => !REVISION_META.includes(k)))
      : null;
    const link = ownerLink(kind, id);
    const what = revision ? "revision_" : "";

    if (decision === "reject") {
      assertCan(user, decider);
      await move(
        tx,
        kind,
        row,
        revision ? { pendingRevision: null, moderationNote: reason } : { status: to, moderationNote: reason },
      );
      await notify(tx, {
        userIds: [row.createdById],
        type: revision ? "listing.revision_rejected" : "listing.rejected",
        params: { title: row.titleVi, reason: reason ?? "" },
        link,
      });
      return {
        result: { status: to } as ModerationResult,
        audit: {
          action: `${kind}.${revision ? "revision_rejected" : "reject"}`,
          entityType: kind,
          entityId: id,
          before: { status: row.status },
          after: { status: to },
          reason,
        },
      };
    }

    const fresh = await screenAgainstLists(tx, columns ?? (row as unknown as Record<string, unknown>));
    const restricted = stored === "RESTRICTED" || fresh.outcome === "RESTRICTED";
    // Restricted only by the fresh screening, either may approve: an officer publishes, an operator hands it on below.
    if (stored === "RESTRICTED" || !restricted) assertCan(user, decider);
    const screening = { screening: fresh.outcome, screeningNote: fresh.note };
    if (fresh.outcome === "PROHIBITED" || (restricted && !officer)) {
      const refused: ApprovalRefusal = fresh.outcome === "PROHIBITED" ? "prohibited" : "needs_officer";
      await move(tx, kind, row, revision ? { pendingRevision: toJsonSafe({ ...revision, ...screening }) } : screening);
      if (refused === "needs_officer") await notifyOfficers(tx, kind, row);
      return {
        result: { status: row.status, refused } as ModerationResult,
        audit: {
          action: `${kind}.${what}approval_refused`,
          entityType: kind,
          entityId: id,
          after: { refused, ...screening },
        },
      };
    }

    const now = new Date();
    const data = revision
      ? { ...revisionToColumns(columns!), ...screening, pendingRevision: null, moderationNote: null }
      : {
          status: to,
          ...screening,
          publishedAt: now,
          expiresAt: addMonths(now, PUBLICATION_MONTHS),
          moderationNote: null,
          remindedAt: null,
        };
    await move(tx, kind, row, data);
    await notify(tx, {
      userIds: [row.createdById],
      type: revision ? "listing.revision_approved" : "listing.approved",
      params: { title: row.titleVi },
      link,
    });
    return {
      result: { status: to } as ModerationResult,
      audit: {
        action: `${kind}.${revision ? "revision_approved" : "approve"}`,
        entityType: kind,
        entityId: id,
        before: { status: row.status },
        after: toJsonSafe(revision ? { ...columns, ...screening } : data),
        reason,
      },
    };
  });
}
