import type { AuditContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ContractContentSchema } from "@/lib/deals/contract";
import { confirmContract, saveContract } from "@/lib/deals/contracts";
import { startDeal, takeDealStep } from "@/lib/deals/mutations";
import { saveDealDocument, type DealDocumentRequest } from "@/lib/files/deal-documents";
import { newStorageKey, storage } from "@/lib/files/storage";
import { FULL_CONTENT } from "../fixtures/contracts/full-contract";
import { buildOffer } from "../factories";

/** "ok", or the AppError's "code:message" a promise rejects with (anything else rethrown). */
export function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? `${error.code}:${error.message}` : Promise.reject(error)),
  );
}

/** A small valid PDF (the type is sniffed from these bytes): "%PDF-1.4" and an end-of-file marker. */
export function pdfBytes(text = "Hợp đồng đã ký"): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/**
 * A deal document added by `user` as the upload route adds it: the bytes staged first, then
 * recorded by saveDealDocument (which sniffs, authorizes, numbers the version and audits).
 */
export async function addDealDocument(
  ctx: AuditContext,
  user: Principal,
  request: DealDocumentRequest,
  file: { name: string; bytes: Buffer } = { name: "tai-lieu.pdf", bytes: pdfBytes() },
) {
  const storageKey = newStorageKey();
  await storage().stage(storageKey, file.bytes);
  const { createHash } = await import("node:crypto");
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return saveDealDocument(ctx, user, request, { storageKey, name: file.name, size: file.bytes.length, sha256 });
}

/**
 * A deal signed by both parties on the full test contract: a new offer of `provider`'s organization
 * (state-funded, hence with a mandatory registration, when asked), a request, the answer, version 1
 * and both confirmations — every step through lib, as the app takes it — and, unless told not to,
 * the seeker's scan of the signed and stamped contract (Art. 22), which a registration needs.
 */
export async function signedDeal(
  ctx: AuditContext,
  parties: { provider: Principal; seeker: Principal },
  stateFunded: boolean,
  options: { scan?: boolean } = {},
): Promise<string> {
  const { provider, seeker } = parties;
  const offer = await db.offer.create({
    data: buildOffer(provider.organizationId!, provider.id, { stateFunded }),
  });
  const { reference } = await startDeal(ctx, seeker, {
    kind: "interest",
    offerId: offer.id,
    message: "Đề nghị chuyển giao.",
    intendedUse: "Sản xuất.",
  });
  await takeDealStep(ctx, provider, reference, { event: "accept" });
  // A mandatory registration: the contract takes effect on the certificate (missingForConfirmation).
  const content = stateFunded
    ? ContractContentSchema.parse({ ...FULL_CONTENT, effectiveOn: "REGISTRATION", effectiveDate: undefined })
    : FULL_CONTENT;
  const v1 = await saveContract(ctx, provider, reference, content, null);
  await confirmContract(ctx, provider, reference, v1);
  await confirmContract(ctx, seeker, reference, v1);
  if (options.scan ?? true) {
    await addDealDocument(ctx, seeker, { reference, purpose: "SIGNED_CONTRACT", confidential: false });
  }
  return reference;
}
