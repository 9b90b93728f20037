import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { assertEmailVerified, type Principal } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { documentUploadBlock, type DealDocumentPurpose, type DealDocumentSide } from "@/lib/deals/document-access";
import { otherSide, type DealSide } from "@/lib/deals/parties";
import { parseDealReference } from "@/lib/deals/reference";
import { dealForStep, namesOf, tell } from "@/lib/deals/store";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { workflowTransaction } from "@/lib/workflow/transition";
import { displayFilename } from "./filename";
import { sniffStaged, type StagedUpload } from "./mutations";
import { storage } from "./storage";

/**
 * Documents of a deal (issue #12 item 2): shared in the negotiation, the signed and stamped scan of
 * the contract (Art. 22, attached to the signed version) and registration papers. Each upload is
 * typed from its bytes, hashed (SHA-256 shown on the deal page) and audited on the deal's timeline;
 * a new version of a document joins its series with the next number. Who sees what:
 * lib/deals/document-access.ts.
 */

export interface DealDocumentRequest {
  reference: string;
  purpose: DealDocumentPurpose;
  confidential: boolean;
  /** Another document of the deal this one is the next version of. */
  replaces?: string;
}

/** Where an accepted upload goes, decided before a byte of it is read. */
interface DealDocumentPlan {
  dealId: string;
  side: DealDocumentSide;
  /** The deal row as read (under the lock when saving): the notifications name it. */
  deal: Awaited<ReturnType<typeof dealForStep>>["deal"];
}

const refusal = (code: string) =>
  code === "not_found"
    ? new AppError("not_found")
    : code === "read_only" || code === "parties_only"
      ? new AppError("forbidden", code)
      : new AppError("invalid_state", code);

/** The viewer's side as a deal document records it. */
function sideOf(viewer: { kind: string; side?: DealSide }): DealDocumentSide {
  return viewer.kind === "party" && viewer.side ? viewer.side : "participant";
}

async function checkRequest(tx: Tx, user: Principal, request: DealDocumentRequest): Promise<DealDocumentPlan> {
  const { deal, viewer } = await dealForStep(tx, user, request.reference);
  const block = documentUploadBlock(viewer, deal, request.purpose, request.confidential);
  if (block) throw refusal(block);
  const side = sideOf(viewer);
  if (request.replaces) {
    const previous = await tx.attachment.findFirst({
      where: { id: request.replaces, dealId: deal.id },
      select: { purpose: true, dealSide: true },
    });
    // Only the side that added a document adds its next version; anything else is not found.
    if (!previous || previous.dealSide !== side) throw new AppError("not_found", "document_not_found");
    if (previous.purpose !== request.purpose) throw new AppError("validation", "document_purpose_changed");
  }
  return { dealId: deal.id, side, deal };
}

/**
 * Throws unless `user` may add this document now: a party or an invited intermediary of the deal,
 * within the rules of documentUploadBlock (not_found for anyone outside the deal). Called by the
 * upload route before it reads the body, and again inside the saving transaction.
 */
export async function planDealDocument(user: Principal, request: DealDocumentRequest): Promise<void> {
  assertEmailVerified(user);
  await workflowTransaction((tx) => checkRequest(tx, user, request));
}

export interface SavedDealDocument {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  version: number;
}

/**
 * Records a staged upload as a deal document: sniffs its type, then in one transaction (holding
 * the deal's row, so a document never lands after a concurrent close) checks the rules again,
 * numbers the version, writes the row, tells the other side and appends "deal.add_document" to the
 * deal's audit trail with the file's SHA-256. The bytes move under their key after the commit; on
 * any refusal they are discarded. Two new versions of one document at the same moment: one wins,
 * the other gets "document_changed".
 */
export async function saveDealDocument(
  ctx: AuditContext,
  user: Principal,
  request: DealDocumentRequest,
  staged: StagedUpload,
): Promise<SavedDealDocument> {
  const store = storage();
  let saved: SavedDealDocument;
  try {
    assertEmailVerified(user);
    const maxBytes = env().UPLOAD_MAX_BYTES;
    if (staged.size > maxBytes) throw new AppError("too_large", "too_large", { maxBytes });
    const type = await sniffStaged({ staged });
    if (!type) throw new AppError("unsupported_type");
    const filename = displayFilename(staged.name, type);
    saved = await workflowTransaction(async (tx) => {
      // Holds the deal's row first, so the rules below read it as it stays until the commit.
      const parsed = parseDealReference(request.reference);
      if (parsed) await tx.$executeRaw`SELECT 1 FROM deals WHERE reference = ${parsed.reference} FOR UPDATE`;
      const plan = await checkRequest(tx, user, request);

      let seriesId: string = randomUUID();
      let version = 1;
      if (request.replaces) {
        const previous = await tx.attachment.findUniqueOrThrow({
          where: { id: request.replaces },
          select: { seriesId: true },
        });
        seriesId = previous.seriesId ?? request.replaces;
        const last = await tx.attachment.aggregate({ where: { seriesId }, _max: { version: true } });
        version = (last._max.version ?? 0) + 1;
      }
      // The signed scan belongs to the signed version of the contract.
      const contract =
        request.purpose === "SIGNED_CONTRACT"
          ? await tx.contract.findFirst({
              where: { dealId: plan.dealId, state: "SIGNED" },
              orderBy: { versionNo: "desc" },
              select: { id: true, versionNo: true },
            })
          : null;
      if (request.purpose === "SIGNED_CONTRACT" && !contract) throw new AppError("invalid_state", "not_signed_yet");

      const row = await tx.attachment.create({
        data: {
          // The first version's id names its series.
          ...(version === 1 ? { id: seriesId } : {}),
          kind: type.category === "image" ? "IMAGE" : "DOCUMENT",
          filename,
          mimeType: type.mime,
          size: staged.size,
          sha256: staged.sha256,
          storageKey: staged.storageKey,
          uploadedById: user.id,
          dealId: plan.dealId,
          contractId: contract?.id ?? null,
          dealSide: plan.side,
          confidential: request.confidential,
          purpose: request.purpose,
          seriesId,
          version,
        },
        select: { id: true, filename: true, mimeType: true, size: true, sha256: true, version: true },
      });
      const names = await namesOf(tx, plan.deal);
      const sides: DealSide[] = plan.side === "participant" ? ["provider", "seeker"] : [otherSide(plan.side)];
      for (const side of sides) await tell(tx, names, side, "deal.document_added");
      await appendAudit(tx, ctx, {
        action: "deal.add_document",
        entityType: "deal",
        entityId: plan.dealId,
        before: null,
        after: {
          attachmentId: row.id,
          filename: row.filename,
          mimeType: row.mimeType,
          size: row.size,
          sha256: row.sha256,
          purpose: request.purpose,
          confidential: request.confidential,
          seriesId,
          version,
          ...(contract ? { contractVersion: contract.versionNo } : {}),
        },
        reason: null,
      });
      return { ...row, version: row.version ?? version };
    });
  } catch (error) {
    await store
      .discard(staged.storageKey)
      .catch((e) => console.error(`[files] could not discard staged ${staged.storageKey}: ${String(e)}`));
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "document_changed");
    }
    throw error;
  }
  await store
    .commit(staged.storageKey)
    .catch((e) => console.error(`[files] staged ${staged.storageKey} not moved into place yet: ${String(e)}`));
  return saved;
}
