import "server-only";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AttachmentIdSchema } from "./schemas";
import { storage } from "./storage";
import { attachmentVisibility } from "./visibility";

const fileSelect = {
  id: true,
  kind: true,
  filename: true,
  mimeType: true,
  size: true,
  sha256: true,
  storageKey: true,
  organizationId: true,
  dealId: true,
  contractId: true,
  dealSide: true,
  confidential: true,
  offer: { select: { status: true, organizationId: true } },
  demand: { select: { status: true, organizationId: true } },
  deal: {
    select: {
      origin: true,
      providerOrgId: true,
      seekerOrgId: true,
      ndaAcknowledgedAt: true,
      participants: { select: { organizationId: true } },
    },
  },
} as const;

export interface VisibleAttachment {
  row: {
    id: string;
    kind: "IMAGE" | "DOCUMENT";
    filename: string;
    mimeType: string;
    size: number;
    sha256: string;
    storageKey: string;
  };
  /** True when anyone may see it (file of a published listing): shared caches may keep it. */
  isPublic: boolean;
}

/**
 * The attachment's metadata when `user` (null = anonymous) may see it, else null — also for a
 * malformed id, so callers answer 404 for "absent" and "not yours" alike. Rules: visibility.ts.
 */
export async function findVisibleAttachment(user: Principal | null, id: string): Promise<VisibleAttachment | null> {
  if (!AttachmentIdSchema.safeParse(id).success) return null;
  const found = await db.attachment.findUnique({ where: { id }, select: fileSelect });
  if (!found) return null;
  const { deal } = found;
  const visibility = attachmentVisibility(user, {
    ...found,
    deal: deal
      ? {
          ...deal,
          participantOrgIds: deal.participants.map((p) => p.organizationId),
          ndaAccepted: deal.ndaAcknowledgedAt !== null,
        }
      : null,
  });
  if (!visibility) return null;
  const { id: fileId, kind, filename, mimeType, size, sha256, storageKey } = found;
  return { row: { id: fileId, kind, filename, mimeType, size, sha256, storageKey }, isPublic: visibility === "public" };
}

/**
 * The attachment and its bytes when `user` may see it, else null. Also null when the bytes are
 * missing from storage (logged: that is an operations problem, not the user's).
 */
export async function readAttachmentForUser(
  user: Principal | null,
  id: string,
): Promise<(VisibleAttachment & { bytes: Buffer }) | null> {
  const visible = await findVisibleAttachment(user, id);
  if (!visible) return null;
  const bytes = await storage().get(visible.row.storageKey);
  if (!bytes) {
    console.error(`[files] bytes missing for attachment ${visible.row.id} (${visible.row.storageKey})`);
    return null;
  }
  return { ...visible, bytes };
}
