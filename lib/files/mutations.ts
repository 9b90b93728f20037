import "server-only";
import { createHash } from "node:crypto";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListingStatus, VerificationStatus } from "@/lib/generated/prisma/enums";
import { displayFilename } from "./filename";
import { AttachmentIdSchema, AttachmentTargetSchema, type AttachmentKindInput, type AttachmentTarget } from "./schemas";
import { sniffFileType, type FileType } from "./sniff";
import { newStorageKey, storage } from "./storage";

export interface SaveAttachmentInput {
  /** A File from FormData, or bytes with the client's name (imports, seeds, tests). */
  file: File | { name: string; bytes: Buffer };
  /** Exactly one of offerId, demandId, organizationId. */
  target: AttachmentTarget;
  /** IMAGE accepts PNG/JPEG/WebP only; DOCUMENT (default for non-images) accepts every allowed type. */
  kind?: AttachmentKindInput;
}

const attachmentSelect = {
  id: true,
  kind: true,
  filename: true,
  mimeType: true,
  size: true,
  sha256: true,
  offerId: true,
  demandId: true,
  organizationId: true,
  createdAt: true,
} as const;

export type SavedAttachment = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>;

/** A file already streamed to a staged object (lib/files/upload.ts), not yet recorded. */
export interface StagedUpload {
  storageKey: string;
  /** The client-given name (sanitized before it is stored). */
  name: string;
  size: number;
  sha256: string;
}

export interface SaveStagedInput {
  staged: StagedUpload;
  uploadedById: string;
  target: AttachmentTarget;
  kind?: AttachmentKindInput;
  /** The staged bytes when the caller still holds them, to sniff without reading them back. */
  bytes?: Buffer;
}

// New files only while the owner is still editing (the rule of POST /api/uploads, upload-request.ts).
const ATTACHABLE_LISTING: ListingStatus[] = ["DRAFT", "REJECTED"];

/**
 * Throws unless `user` may attach a new file to `target`: a DRAFT or REJECTED offer (demand) of
 * the user's own organization under "offer:manage-own" ("demand:manage-own") — another
 * organization's listing, or a missing one, answers "not_found", a submitted or published one
 * "invalid_state" — or a verification document of the user's own organization, which a plain
 * member may not add ("forbidden").
 */
export async function assertMayAttach(user: Principal, target: AttachmentTarget): Promise<void> {
  if (target.organizationId) {
    assertCan(user, "organization:manage-own", { organizationId: target.organizationId });
    if (user.orgRole === "MEMBER") throw new AppError("forbidden", "org_admin_required");
    return;
  }
  const id = target.offerId ?? target.demandId ?? "";
  // Scoped in the WHERE clause: someone else's listing is not found, not forbidden.
  const where = { id, organizationId: user.organizationId ?? "00000000-0000-0000-0000-000000000000" };
  const select = { organizationId: true, status: true } as const;
  const listing = target.offerId
    ? await db.offer.findFirst({ where, select })
    : await db.demand.findFirst({ where, select });
  if (!listing) throw new AppError("not_found");
  assertCan(user, target.offerId ? "offer:manage-own" : "demand:manage-own", listing);
  if (!ATTACHABLE_LISTING.includes(listing.status)) throw new AppError("invalid_state", "attachments_locked");
}

/**
 * Validates, authorizes, stores and records a file that `user` uploads, in one audited transaction
 * ("attachment.create"); the uploader is `user`.
 *
 * Authorizes itself (assertMayAttach: the same rule POST /api/uploads applies before reading a
 * byte), so no caller can attach to someone else's listing or to one already under review.
 *
 * Throws AppError "validation" (target not exactly one id), "not_found" / "forbidden" /
 * "invalid_state" (see assertMayAttach), "too_large" (over UPLOAD_MAX_BYTES) and
 * "unsupported_type" (bytes are not an accepted type, or not an image for kind IMAGE). The bytes
 * are staged first and moved under their key only after the transaction committed (see
 * saveStagedAttachment).
 */
export async function saveAttachment(
  ctx: AuditContext,
  user: Principal,
  input: SaveAttachmentInput,
): Promise<SavedAttachment> {
  const target = AttachmentTargetSchema.safeParse(input.target);
  if (!target.success) throw new AppError("validation", "attachment_target");
  await assertMayAttach(user, target.data);
  const { name, bytes } = await readUpload(input.file, env().UPLOAD_MAX_BYTES);
  // Refused types never touch the disk.
  if (!sniffFileType(bytes)) throw new AppError("unsupported_type");
  const storageKey = newStorageKey();
  await storage().stage(storageKey, bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { file: _file, ...rest } = input;
  return saveStagedAttachment(ctx, {
    ...rest,
    uploadedById: user.id,
    bytes,
    staged: { storageKey, name, size: bytes.length, sha256 },
  });
}

// Enough for every signature but ZIP's, whose central directory sits at the end of the file.
const SNIFF_HEAD_BYTES = 64;

/** The accepted type of a staged file, reading it whole only for ZIP-based (Office) files. */
export async function sniffStaged(input: { staged: StagedUpload; bytes?: Buffer }): Promise<FileType | null> {
  if (input.bytes) return sniffFileType(input.bytes);
  const store = storage();
  const head = await store.readStaged(input.staged.storageKey, SNIFF_HEAD_BYTES);
  const type = sniffFileType(head);
  if (type || !isZip(head)) return type;
  return sniffFileType(await store.readStaged(input.staged.storageKey));
}

const isZip = (head: Buffer) => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;

/**
 * Records a staged upload: sniffs its type from the content, writes the row and its audit event
 * in one transaction, and only after the commit moves the bytes under their key. On any refusal
 * or failure the staged bytes are discarded, so no file without a row is left behind. A crash
 * between the commit and the move leaves a staged file with a row: purgeOrphanUploads completes
 * the move. Same errors as saveAttachment; the caller authorizes first with assertMayAttach (the
 * upload route does, before it reads the body).
 */
export async function saveStagedAttachment(ctx: AuditContext, input: SaveStagedInput): Promise<SavedAttachment> {
  const store = storage();
  const { storageKey, name, size, sha256 } = input.staged;
  let row: SavedAttachment;
  try {
    const parsedTarget = AttachmentTargetSchema.safeParse(input.target);
    if (!parsedTarget.success) throw new AppError("validation", "attachment_target");
    const maxBytes = env().UPLOAD_MAX_BYTES;
    if (size > maxBytes) throw new AppError("too_large", "too_large", { maxBytes });
    const type = await sniffStaged(input);
    if (!type) throw new AppError("unsupported_type");
    const kind = input.kind ?? (type.category === "image" ? "IMAGE" : "DOCUMENT");
    if (kind === "IMAGE" && type.category !== "image") throw new AppError("unsupported_type");
    const filename = displayFilename(name, type);
    row = await audited(ctx, async (tx) => {
      const created = await tx.attachment.create({
        data: {
          kind,
          filename,
          mimeType: type.mime,
          size,
          sha256,
          storageKey,
          uploadedById: input.uploadedById,
          ...parsedTarget.data,
        },
        select: attachmentSelect,
      });
      return {
        result: created,
        audit: {
          action: "attachment.create",
          entityType: "attachment",
          entityId: created.id,
          after: describe(created),
        },
      };
    });
  } catch (error) {
    await store
      .discard(storageKey)
      .catch((e) => console.error(`[files] could not discard staged ${storageKey}: ${String(e)}`));
    // A foreign key violation means the offer/demand/organization (or uploader) does not exist.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new AppError("not_found", "attachment_target");
    }
    throw error;
  }
  // The row is committed: a failed move is completed by purgeOrphanUploads, never undone here.
  await store
    .commit(storageKey)
    .catch((e) => console.error(`[files] staged ${storageKey} not moved into place yet: ${String(e)}`));
  return row;
}

/** The bytes and client-given name of an upload, refusing oversized files before reading them. */
async function readUpload(file: SaveAttachmentInput["file"], maxBytes: number) {
  if (isBytes(file)) {
    if (file.bytes.length > maxBytes) throw new AppError("too_large", "too_large", { maxBytes });
    return { name: file.name, bytes: file.bytes };
  }
  if (file.size > maxBytes) throw new AppError("too_large", "too_large", { maxBytes });
  const bytes = Buffer.from(await file.arrayBuffer());
  // File.size is what the client declared in the multipart body; trust only what we read.
  if (bytes.length > maxBytes) throw new AppError("too_large", "too_large", { maxBytes });
  return { name: file.name, bytes };
}

// Checked with Buffer.isBuffer because newer runtimes give File a bytes() *method* as well.
const isBytes = (file: SaveAttachmentInput["file"]): file is { name: string; bytes: Buffer } =>
  "bytes" in file && Buffer.isBuffer(file.bytes);

/** What the audit log records about a file: enough to prove later which bytes were attached where. */
function describe(
  row: Pick<
    SavedAttachment,
    "filename" | "mimeType" | "size" | "sha256" | "kind" | "offerId" | "demandId" | "organizationId"
  >,
) {
  const target = Object.fromEntries(
    Object.entries({ offerId: row.offerId, demandId: row.demandId, organizationId: row.organizationId }).filter(
      ([, v]) => v,
    ),
  );
  return { filename: row.filename, mimeType: row.mimeType, size: row.size, sha256: row.sha256, kind: row.kind, target };
}

// Files of a listing can be removed while the owner is still editing it; once submitted or
// published they are part of what was reviewed. Likewise verification documents, until the
// operator starts checking them (PENDING) or has relied on them (VERIFIED).
const EDITABLE_LISTING: ListingStatus[] = ["DRAFT", "REJECTED"];
const EDITABLE_VERIFICATION: VerificationStatus[] = ["UNVERIFIED", "REJECTED"];

function deletableBy(orgId: string): Prisma.AttachmentWhereInput {
  return {
    // Deal and contract documents are evidence of a transaction and are never deleted here.
    dealId: null,
    contractId: null,
    OR: [
      { offer: { organizationId: orgId, status: { in: EDITABLE_LISTING } } },
      { demand: { organizationId: orgId, status: { in: EDITABLE_LISTING } } },
      {
        offerId: null,
        demandId: null,
        organizationId: orgId,
        organization: { verificationStatus: { in: EDITABLE_VERIFICATION } },
      },
    ],
  };
}

/**
 * Deletes an attachment of a DRAFT/REJECTED offer or demand of `actorOrgId`, or a verification
 * document of that organization while it is UNVERIFIED/REJECTED; audited as "attachment.delete"
 * with the file's description (incl. SHA-256) as `before`. Anything else — unknown id, another
 * organization's file, a submitted or published listing — throws AppError("not_found").
 * The bytes are removed after the row is gone, so a failure never leaves a row without bytes.
 */
export async function deleteAttachment(ctx: AuditContext, id: string, actorOrgId: string | null): Promise<void> {
  if (!actorOrgId || !AttachmentIdSchema.safeParse(id).success) throw new AppError("not_found");
  const where = { id, ...deletableBy(actorOrgId) };
  const storageKey = await audited(ctx, async (tx) => {
    const row = await tx.attachment.findFirst({ where, select: { ...attachmentSelect, storageKey: true } });
    if (!row) throw new AppError("not_found");
    // The same conditions again in the DELETE: a listing submitted meanwhile keeps its files.
    const { count } = await tx.attachment.deleteMany({ where });
    if (count !== 1) throw new AppError("not_found");
    return {
      result: row.storageKey,
      audit: { action: "attachment.delete", entityType: "attachment", entityId: id, before: describe(row) },
    };
  });
  await storage()
    .delete(storageKey)
    .catch((e) => console.error(`[files] could not delete bytes ${storageKey}: ${String(e)}`));
}
