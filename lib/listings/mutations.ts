import "server-only";
import { diffFields, toJsonSafe } from "@/lib/audit/chain";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, type Action, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { slugify, slugSuffix } from "@/lib/slug";
import { columnsOf, listings, revisionToColumns, screenedTexts, type ListingInput, type ListingKind, type ListingRow } from "./data";
import { screen, screeningNote, type ScreeningResult } from "./screening";
import { addMonths, nextStatus, PUBLICATION_MONTHS, type ListingEvent } from "./state-machine";

const OWN: Record<ListingKind, Action> = { offer: "offer:manage-own", demand: "demand:manage-own" };
const CREATE: Record<ListingKind, Action> = { offer: "offer:create", demand: "demand:create" };

/** The owner's listing, or not_found (also for another organization's listing). */
async function ownListing(tx: Tx, user: Principal, kind: ListingKind, id: string): Promise<ListingRow> {
  const row = await listings(tx, kind).findFirst({ where: { id, organizationId: user.organizationId ?? "-" } });
  assertCan(user, OWN[kind], row ?? { organizationId: null });
  return row!;
}

async function assertSector(tx: Tx, code: string) {
  const node = await tx.taxonomyNode.findUnique({ where: { code } });
  if (!node || node.level !== 2 || !node.active) {
    throw new AppError("validation", "validation", { fieldErrors: { sectorCode: ["choose_one"] } });
  }
}

async function runScreening(tx: Tx, kind: ListingKind, row: { sectorCode: string }, input: ListingInput): Promise<ScreeningResult> {
  const entries = await tx.screeningEntry.findMany({ where: { active: true } });
  return screen(entries, { sectorCode: row.sectorCode, texts: screenedTexts(input), keywords: input.keywords });
}

/** Moves a listing from the status it was read in, or fails with "conflict" if it changed meanwhile. */
async function move(tx: Tx, kind: ListingKind, row: ListingRow, data: Record<string, unknown>) {
  const { count } = await listings(tx, kind).updateMany({
    where: { id: row.id, version: row.version, status: row.status },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("conflict", "conflict");
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
 * its public version and stores the edit as a revision for moderation.
 */
export async function updateListing(ctx: AuditContext, user: Principal, kind: ListingKind, id: string, input: ListingInput) {
  return audited(ctx, async (tx) => {
    const row = await ownListing(tx, user, kind, id);
    if (input.version !== undefined && input.version !== row.version) throw new AppError("conflict", "conflict");
    if (!nextStatus(row.status, "edit")) throw new AppError("invalid_state", "invalid_state");
    await assertSector(tx, input.sectorCode);
    const columns = columnsOf(input);
    const current = row as unknown as Record<string, unknown>;
    const before = Object.fromEntries(Object.keys(columns).map((k) => [k, current[k]]));
    const diff = diffFields(before, columns);
    if (row.status === "PUBLISHED") {
      await move(tx, kind, row, { pendingRevision: toJsonSafe({ ...columns, submittedAt: new Date() }) });
      return { result: { revision: true }, audit: { action: `${kind}.revise`, entityType: kind, entityId: id, ...diff } };
    }
    await move(tx, kind, row, columns);
    return { result: { revision: false }, audit: { action: `${kind}.update`, entityType: kind, entityId: id, ...diff } };
  });
}

/** Owner events: submit (with screening), recall, withdraw, renew. */
export async function ownerTransition(
  ctx: AuditContext,
  user: Principal,
  kind: ListingKind,
  id: string,
  event: Extract<ListingEvent, "submit" | "recall" | "withdraw" | "renew">,
) {
  return audited(ctx, async (tx) => {
    const row = await ownListing(tx, user, kind, id);
    const to = nextStatus(row.status, event);
    if (!to) throw new AppError("invalid_state", "invalid_state");
    const now = new Date();
    let data: Record<string, unknown> = { status: to };
    let outcome: ScreeningResult | null = null;
    if (event === "submit") {
      const full = (await listings(tx, kind).findFirst({ where: { id } })) as unknown as ListingInput;
      outcome = await runScreening(tx, kind, row, full);
      const note = screeningNote(outcome);
      if (outcome.outcome === "PROHIBITED") {
        // Not submitted: a prohibited technology can never be published. The reason is kept and shown.
        await move(tx, kind, row, { screening: "PROHIBITED", screeningNote: note });
        return {
          result: { status: row.status, screening: outcome },
          audit: { action: `${kind}.screening_blocked`, entityType: kind, entityId: id, after: { screening: "PROHIBITED", note } },
        };
      }
      data = { ...data, screening: outcome.outcome, screeningNote: note, submittedAt: now, moderationNote: null };
      if (outcome.outcome === "RESTRICTED") {
        const officers = await tx.user.findMany({ where: { roles: { has: "OFFICER" }, status: "ACTIVE" }, select: { id: true } });
        await notify(tx, { userIds: officers.map((o) => o.id), type: "listing.needs_officer", params: { title: row.titleVi }, link: `/admin/moderation/${kind}/${id}` });
      }
    }
    if (event === "renew") data = { ...data, expiresAt: addMonths(now, PUBLICATION_MONTHS), remindedAt: null, publishedAt: row.publishedAt ?? now };
    await move(tx, kind, row, data);
    return {
      result: { status: to, screening: outcome },
      audit: { action: `${kind}.${event}`, entityType: kind, entityId: id, before: { status: row.status }, after: toJsonSafe(data) },
    };
  });
}

/**
 * A moderator's decision on a submitted listing or on a published listing's pending revision.
 * Listings screened RESTRICTED are decided by a department officer, the others by the operator.
 */
export async function moderateListing(
  ctx: AuditContext,
  user: Principal,
  kind: ListingKind,
  id: string,
  decision: "approve" | "reject",
  reason: string | undefined,
) {
  return audited(ctx, async (tx) => {
    const row = await listings(tx, kind).findFirst({ where: { id } });
    if (!row) throw new AppError("not_found");
    assertCan(user, row.screening === "RESTRICTED" && row.status === "SUBMITTED" ? "listing:decide-restricted" : "listing:moderate");
    if (decision === "reject" && !reason) throw new AppError("validation", "reason_required");
    const link = `/account/${kind === "offer" ? "offers" : "demands"}/${id}`;
    const now = new Date();

    if (row.status === "PUBLISHED" && row.pendingRevision) {
      const revision = row.pendingRevision as Record<string, unknown>;
      const { submittedAt: _s, ...columns } = revision;
      const data = decision === "approve" ? { ...revisionToColumns(columns), pendingRevision: null, moderationNote: null } : { pendingRevision: null, moderationNote: reason };
      await move(tx, kind, row, data as Record<string, unknown>);
      await notify(tx, { userIds: [row.createdById], type: decision === "approve" ? "listing.revision_approved" : "listing.revision_rejected", params: { title: row.titleVi, reason: reason ?? "" }, link });
      return { result: { status: row.status }, audit: { action: `${kind}.revision_${decision === "approve" ? "approved" : "rejected"}`, entityType: kind, entityId: id, after: toJsonSafe(columns), reason } };
    }

    const to = nextStatus(row.status, decision);
    if (!to) throw new AppError("invalid_state", "invalid_state");
    if (decision === "approve" && row.screening === "PROHIBITED") throw new AppError("invalid_state", "prohibited");
    const data = decision === "approve"
      ? { status: to, publishedAt: now, expiresAt: addMonths(now, PUBLICATION_MONTHS), moderationNote: null, remindedAt: null }
      : { status: to, moderationNote: reason };
    await move(tx, kind, row, data);
    await notify(tx, { userIds: [row.createdById], type: decision === "approve" ? "listing.approved" : "listing.rejected", params: { title: row.titleVi, reason: reason ?? "" }, link });
    return { result: { status: to }, audit: { action: `${kind}.${decision}`, entityType: kind, entityId: id, before: { status: row.status }, after: toJsonSafe(data), reason } };
  });
}
