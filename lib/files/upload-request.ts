import "server-only";
import type { AuditContext } from "@/lib/audit/context";
import { assertCan, type Action, type Principal } from "@/lib/authz";
import { env } from "@/lib/env";
import { AppError, httpStatus } from "@/lib/errors";
import { planDealDocument, saveDealDocument, type DealDocumentRequest } from "./deal-documents";
import { assertMayAttach, saveStagedAttachment } from "./mutations";
import { UploadQuerySchema, type AttachmentKindInput, type AttachmentTarget, type UploadResponseBody } from "./schemas";
import { assertDeclaredLength, receiveUpload } from "./upload";
import { LISTING_KIND } from "@/lib/listings/kinds";

interface UploadPlan {
  target: AttachmentTarget;
  kind: AttachmentKindInput;
  action: Action;
}

/** A deal document's upload: checked by lib/files/deal-documents.ts instead. */
interface DealUploadPlan {
  deal: DealDocumentRequest;
  action: Action;
}

/**
 * Decides from the query string alone where the file goes and whether `user` may put it there:
 * an offer/demand of the user's organization in DRAFT or REJECTED (another organization's listing
 * answers not_found), a verification document of the user's own organization (not for a plain
 * member when the organization has administrators), or a document of a deal the user takes part in
 * (lib/files/deal-documents.ts). Runs before a byte of the body is read.
 */
export async function planUpload(user: Principal, url: URL): Promise<UploadPlan | DealUploadPlan> {
  const parsed = UploadQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new AppError("validation", "attachment_target");
  const query = parsed.data;
  if (query.for === "deal") {
    const deal: DealDocumentRequest = {
      reference: query.id,
      purpose: query.purpose,
      confidential: query.confidential === "1",
      ...(query.replaces ? { replaces: query.replaces } : {}),
    };
    await planDealDocument(user, deal);
    return { deal, action: "deal:act" };
  }
  if (query.for === "organization") {
    assertCan(user, "organization:manage-own", { organizationId: user.organizationId });
    const target = { organizationId: user.organizationId! };
    await assertMayAttach(user, target);
    return { target, kind: "DOCUMENT", action: "organization:manage-own" };
  }
  const target = query.for === "offer" ? { offerId: query.id } : { demandId: query.id };
  // The one rule saveAttachment applies too: own organization's DRAFT or REJECTED listing.
  await assertMayAttach(user, target);
  return { target, kind: query.kind, action: LISTING_KIND[query.for].manageOwn };
}

/**
 * The whole of POST /api/uploads for `user` (null = signed out), in the order that keeps large
 * bodies away from anyone who may not send them: authenticate -> target and permission (query
 * string) -> declared Content-Length -> stream to a staged file with the limit enforced while
 * streaming -> sniff and record (saveStagedAttachment). Every outcome is JSON; expected failures
 * carry their status (401, 400, 403, 404, 409, 413, 415), anything else is logged and answered 500.
 */
export async function handleUpload(
  request: Request,
  user: Principal | null,
  contextFor: (action: Action) => Promise<AuditContext>,
): Promise<Response> {
  try {
    if (!user) throw new AppError("unauthenticated");
    const plan = await planUpload(user, new URL(request.url));
    const maxBytes = env().UPLOAD_MAX_BYTES;
    assertDeclaredLength(request, maxBytes);
    const staged = await receiveUpload(request, maxBytes);
    if ("deal" in plan) {
      const saved = await saveDealDocument(await contextFor(plan.action), user, plan.deal, staged);
      const { id, filename, mimeType, size } = saved;
      const kind = mimeType.startsWith("image/") ? "IMAGE" : "DOCUMENT";
      return json(201, { ok: true, attachment: { id, filename, kind, mimeType, size } });
    }
    const row = await saveStagedAttachment(await contextFor(plan.action), {
      staged,
      uploadedById: user.id,
      target: plan.target,
      kind: plan.kind,
    });
    const { id, filename, kind, mimeType, size } = row;
    return json(201, { ok: true, attachment: { id, filename, kind, mimeType, size } });
  } catch (error) {
    if (error instanceof AppError) {
      const maxBytes = typeof error.details?.maxBytes === "number" ? error.details.maxBytes : undefined;
      const values = maxBytes === undefined ? undefined : { max: Math.round((maxBytes / 1_048_576) * 10) / 10 };
      return json(httpStatus(error), {
        ok: false,
        code: error.code,
        message: `errors.${error.message}`,
        ...(values ? { values } : {}),
      });
    }
    console.error(`[files] upload failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return json(500, { ok: false, code: "unknown", message: "errors.unknown" });
  }
}

function json(status: number, body: UploadResponseBody): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
