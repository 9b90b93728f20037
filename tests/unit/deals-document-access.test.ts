import { describe, expect, it } from "vitest";
import type { DealViewer } from "@/lib/deals/access";
import { dealDocumentAccess, documentUploadBlock } from "@/lib/deals/document-access";

const provider: DealViewer = { kind: "party", actor: "recipient", side: "provider" };
const seeker: DealViewer = { kind: "party", actor: "sender", side: "seeker" };
const participant: DealViewer = { kind: "participant" };
const staff: DealViewer = { kind: "staff" };

describe("who sees a deal document", () => {
  it("opens a shared document to everyone in the deal and to staff, and to nobody else", () => {
    const doc = { confidential: false, uploadedBy: "provider" as const };
    for (const viewer of [provider, seeker, participant, staff])
      expect(dealDocumentAccess(viewer, doc, false)).toBe("open");
    expect(dealDocumentAccess(null, doc, true)).toBeNull();
  });

  it("seals a confidential document from the other side until the NDA is accepted, and from intermediaries always", () => {
    const doc = { confidential: true, uploadedBy: "seeker" as const };
    expect(dealDocumentAccess(seeker, doc, false)).toBe("open");
    expect(dealDocumentAccess(provider, doc, false)).toBe("sealed");
    expect(dealDocumentAccess(provider, doc, true)).toBe("open");
    expect(dealDocumentAccess(participant, doc, true)).toBe("sealed");
    expect(dealDocumentAccess(staff, doc, false)).toBe("open");
  });
});

describe("who may add a document, and when", () => {
  const negotiating = { state: "NEGOTIATING" as const, signedAt: null };
  const signed = { state: "SIGNED" as const, signedAt: new Date("2026-11-01T03:00:00Z") };

  it("lets parties and intermediaries share documents from the acceptance until the end", () => {
    for (const viewer of [provider, seeker, participant])
      expect(documentUploadBlock(viewer, negotiating, "DOCUMENT", false)).toBeNull();
    for (const state of ["EOI_SENT", "DECLINED", "EXPIRED", "CANCELLED", "COMPLETED", "TERMINATED"] as const)
      expect(documentUploadBlock(seeker, { state, signedAt: null }, "DOCUMENT", false)).toBe("documents_closed");
  });

  it("keeps confidential documents, the signed scan and registration papers to the parties", () => {
    expect(documentUploadBlock(participant, negotiating, "DOCUMENT", true)).toBe("parties_only");
    expect(documentUploadBlock(participant, signed, "SIGNED_CONTRACT", false)).toBe("parties_only");
    expect(documentUploadBlock(seeker, negotiating, "DOCUMENT", true)).toBeNull();
  });

  it("accepts the signed scan and registration papers only once the contract is signed", () => {
    for (const purpose of ["SIGNED_CONTRACT", "REGISTRATION_PAPER"] as const) {
      expect(documentUploadBlock(seeker, negotiating, purpose, false)).toBe("not_signed_yet");
      expect(documentUploadBlock(provider, signed, purpose, false)).toBeNull();
    }
  });

  it("never lets staff or outsiders add anything", () => {
    expect(documentUploadBlock(staff, negotiating, "DOCUMENT", false)).toBe("read_only");
    expect(documentUploadBlock(null, negotiating, "DOCUMENT", false)).toBe("not_found");
  });
});
