import "server-only";
import { createHash } from "node:crypto";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListingStatus, VerificationStatus } from "@/lib/generated/prisma/enums";
import { displayFilename } from "./filename";
import { AttachmentIdSchema, AttachmentTargetSchema, type AttachmentKindInput, type AttachmentTarget } from "./schemas";
import { sniffFileType } from "./sniff";
import { newStorageKey, storage } from "./storage";

export interface SaveAttachmentInput {
  /** A File from FormData, or bytes with the client's name (imports, seeds, tests). */
  file: File | { name: string; bytes: Buffer };
  uploadedById: string;
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

/**
 * Validates, stores and records an uploaded file in one audited transaction ("attachment.create").
 *
 * Authorization is the CALLER's job: check that the user may attach to this offer, demand or
 * organization (e.g. `assertCan(user, "offer:manage-own", offer)`) before calling.
 *
 * Throws AppError "validation" (target not exactly one id), "too_large" (over UPLOAD_MAX_BYTES),
 * "unsupported_type" (bytes are not an accepted type, or not an image for kind IMAGE) and
 * "not_found" (target or uploader does not exist). When the database write fails the stored
 * bytes are deleted again, so no orphan file is left behind.
 */
export async function saveAttachment(ctx: AuditContext, input: SaveAttachmentInput): Promise<SavedAttachment> {
  const parsedTarget = AttachmentTargetSchema.safeParse(input.target);
  if (!parsedTarget.success) throw new AppError("validation", "attachment_target");
  const target = parsedTarget.data;
  const { name, bytes } = await readUpload(input.file, env().UPLOAD_MAX_BYTES);
  const type = sniffFileType(bytes);
  if (!type) throw new AppError("unsupported_type");
  const kind = input.kind ?? (type.category === "image" ? "IMAGE" : "DOCUMENT");
  if (kind === "IMAGE" && type.category !== "image") throw new AppError("unsupported_type");

  const filename = displayFilename(name, type);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = newStorageKey();
  const store = storage();
  await store.put(storageKey, bytes);
  try {
    return await audited(ctx, async (tx) => {
      const row = await tx.attachment.create({
        data: { kind, filename, mimeType: type.mime, size: bytes.length, sha256, storageKey, uploadedById: input.uploadedById, ...target },
        select: attachmentSelect,
      });
      return { result: row, audit: { action: "attachment.create", entityType: "attachment", entityId: row.id, after: describe(row) } };
    });
  } catch (error) {
    await store.delete(storageKey).catch((e) => console.error(`[files] orphan ${storageKey}: ${String(e)}`));
    // A foreign key violation means the offer/demand/organization (or uploader) does not exist.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new AppError("not_found", "attachment_target");
    }
    throw error;
  }
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
function describe(row: Pick<SavedAttachment, "filename" | "mimeType" | "size" | "sha256" | "kind" | "offerId" | "demandId" | "organizationId">) {
  const target = Object.fromEntries(
    Object.entries({ offerId: row.offerId, demandId: row.demandId, organizationId: row.organizationId }).filter(([, v]) => v),
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
