import { can, type Principal } from "@/lib/authz";
import { dealViewer, type DealAccessRow } from "@/lib/deals/access";
import { asDealDocumentSide, dealDocumentAccess } from "@/lib/deals/document-access";
import type { ListingStatus } from "@/lib/generated/prisma/enums";

/** The facts about an attachment that decide who may see it. */
export interface AttachmentOwnership {
  organizationId: string | null;
  dealId: string | null;
  contractId: string | null;
  offer: { status: ListingStatus; organizationId: string } | null;
  demand: { status: ListingStatus; organizationId: string } | null;
  /** A deal document's deal: its parties, invited organizations and whether an NDA was accepted. */
  deal: (DealAccessRow & { ndaAccepted: boolean }) | null;
  /** A deal document's uploader ("provider" | "seeker" | "participant") and confidentiality. */
  dealSide: string | null;
  confidential: boolean;
}

/**
 * Who may see a file:
 * - "public": attached to a PUBLISHED offer or demand — anyone, signed in or not. A confidential
 *   demand's files are still shown: they are part of the public listing the owner chose to publish.
 * - "private": members of the owning organization (the listing's, or the organization a
 *   verification document belongs to) and staff who read everything (operator, officer, auditor).
 * - null: nobody else; the caller answers "not found", never "forbidden".
 * Deal and contract documents are never public: they follow the deal's rule (lib/deals/access.ts,
 * lib/deals/document-access.ts) — the parties, invited intermediaries and staff see them, except a
 * confidential document, which the other side sees only after an accepted NDA ("sealed" is hidden).
 *
 * Caching follows the same rule (see `cacheControl`): only "public" files may sit in shared caches,
 * and even they are revalidated on every use, because "public" ends the moment the listing is
 * withdrawn, expires or is replaced — a file cached for an hour would outlive the withdrawal.
 */
export function attachmentVisibility(user: Principal | null, file: AttachmentOwnership): "public" | "private" | null {
  const dealDocument = file.dealId !== null || file.contractId !== null;
  if (dealDocument) {
    if (!user || !file.deal) return null;
    const access = dealDocumentAccess(
      dealViewer(user, file.deal),
      { confidential: file.confidential, uploadedBy: asDealDocumentSide(file.dealSide) },
      file.deal.ndaAccepted,
    );
    return access === "open" ? "private" : null;
  }
  if (file.offer?.status === "PUBLISHED" || file.demand?.status === "PUBLISHED") return "public";
  if (!user) return null;
  // "oversight:read" is the permission table's "staff who may read everything" (DOMAIN §2).
  if (can(user, "oversight:read")) return "private";
  const owner = file.offer?.organizationId ?? file.demand?.organizationId ?? file.organizationId;
  if (owner !== null && user.organizationId === owner) return "private";
  return null;
}

/**
 * Cache-Control of a file response. "public": shared caches may store it but must revalidate
 * before each use (`no-cache`; the ETag makes that a cheap 304), so a withdrawn, expired or
 * unpublished listing's file is never served from a cache again. "private": the user's own
 * browser only, revalidated likewise. Anything else (404s): never stored.
 */
export function cacheControl(visibility: "public" | "private" | null): string {
  if (visibility === "public") return "public, no-cache";
  if (visibility === "private") return "private, no-cache";
  return "no-store";
}
