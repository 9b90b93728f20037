import type { DealViewer } from "./access";
import type { DealSide } from "./parties";
import type { DealState } from "@/lib/generated/prisma/enums";
import { canShareDocuments } from "./state-machine";

/**
 * Deal documents (issue #12 item 2): who sees which, and who may add what. Pure and client-safe:
 * the file route (lib/files/visibility.ts), the deal page and the upload route apply this one rule.
 */

/** Who uploaded a deal document: one of the parties, or an invited intermediary. */
export type DealDocumentSide = DealSide | "participant";

export const DEAL_DOCUMENT_PURPOSES = ["DOCUMENT", "SIGNED_CONTRACT", "REGISTRATION_PAPER"] as const;
export type DealDocumentPurpose = (typeof DEAL_DOCUMENT_PURPOSES)[number];

export function asDealDocumentSide(value: string | null): DealDocumentSide | null {
  return value === "provider" || value === "seeker" || value === "participant" ? value : null;
}

/**
 * What `viewer` gets of a document uploaded by `uploadedBy`:
 * - "open": listed and downloadable;
 * - "sealed": counted, but neither its name nor its bytes are shown — a confidential document of
 *   the other side before an NDA was accepted, or any confidential document for an intermediary
 *   (the NDA binds the two parties, not the people they invite);
 * - null: nothing (someone outside the deal; the caller answers "not found").
 * Staff (operator, Department, auditor) read everything, confidential documents included: the
 * Department supervises the transaction and the auditor samples it.
 */
export function dealDocumentAccess(
  viewer: DealViewer | null,
  document: { readonly confidential: boolean; readonly uploadedBy: DealDocumentSide | null },
  ndaAccepted: boolean,
): "open" | "sealed" | null {
  if (viewer === null) return null;
  if (viewer.kind === "staff" || !document.confidential) return "open";
  if (viewer.kind === "participant") return "sealed";
  return document.uploadedBy === viewer.side || ndaAccepted ? "open" : "sealed";
}

/** The facts `documentUploadBlock` reads. */
export interface DealUploadFacts {
  readonly state: DealState;
  /** When the contract was signed (both confirmed the same version), else null. */
  readonly signedAt: Date | null;
}

/**
 * Why `viewer` may not add a document for `purpose` now (a `deals.errors` key), or null:
 * - shared documents: parties and intermediaries, from the acceptance until the deal ends; an
 *   intermediary's documents are never confidential (see `dealDocumentAccess`);
 * - the signed and stamped scan of the contract (Art. 22) and registration papers: the parties
 *   only, once the contract is signed and while the deal is open.
 */
export function documentUploadBlock(
  viewer: DealViewer | null,
  deal: DealUploadFacts,
  purpose: DealDocumentPurpose,
  confidential: boolean,
): string | null {
  if (viewer === null) return "not_found";
  if (viewer.kind === "staff") return "read_only";
  if (!canShareDocuments(deal.state)) return "documents_closed";
  if (viewer.kind === "participant" && (purpose !== "DOCUMENT" || confidential)) return "parties_only";
  if (purpose !== "DOCUMENT" && deal.signedAt === null) return "not_signed_yet";
  return null;
}
