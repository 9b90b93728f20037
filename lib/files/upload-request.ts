import "server-only";
import type { AuditContext } from "@/lib/audit/context";
import { assertCan, type Action, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, httpStatus } from "@/lib/errors";
import type { ListingStatus } from "@/lib/generated/prisma/enums";
import { saveStagedAttachment } from "./mutations";
import { UploadQuerySchema, type AttachmentKindInput, type AttachmentTarget, type UploadResponseBody } from "./schemas";
import { assertDeclaredLength, receiveUpload } from "./upload";

interface UploadPlan {
  target: AttachmentTarget;
  kind: AttachmentKindInput;
  action: Action;
}

// New files only while the owner is still editing: files of a submitted or published listing were
// part of what was reviewed (a published listing changes through a reviewed revision instead).
const EDITABLE: ListingStatus[] = ["DRAFT", "REJECTED"];
const NO_ORG = "00000000-0000-0000-0000-000000000000";

/**
 * Decides from the query string alone where the file goes and whether `user` may put it there:
 * an offer/demand of the user's organization in DRAFT or REJECTED (another organization's listing
 * answers not_found), or a verification document of the user's own organization (not for a plain
 * member when the organization has administrators). Runs before a byte of the body is read.
 */
export async function planUpload(user: Principal, url: URL): Promise<UploadPlan> {
  const parsed = UploadQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new AppError("validation", "attachment_target");
  const query = parsed.data;
  if (query.for === "organization") {
    assertCan(user, "organization:manage-own", { organizationId: user.organizationId });
    if (user.orgRole === "MEMBER") throw new AppError("forbidden", "org_admin_required");
    return { target: { organizationId: user.organizationId! }, kind: "DOCUMENT", action: "organization:manage-own" };
  }
  const action: Action = query.for === "offer" ? "offer:manage-own" : "demand:manage-own";
  const where = { id: query.id, organizationId: user.organizationId ?? NO_ORG };
  const select = { organizationId: true, status: true } as const;
  const listing = query.for === "offer" ? await db.offer.findFirst({ where, select }) : await db.demand.findFirst({ where, select });
  if (!listing) throw new AppError("not_found");
  assertCan(user, action, listing);
  if (!EDITABLE.includes(listing.status)) throw new AppError("invalid_state", "attachments_locked");
  return { target: query.for === "offer" ? { offerId: query.id } : { demandId: query.id }, kind: query.kind, action };
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
    const row = await saveStagedAttachment(await contextFor(plan.action), { staged, uploadedById: user.id, target: plan.target, kind: plan.kind });
    const { id, filename, kind, mimeType, size } = row;
    return json(201, { ok: true, attachment: { id, filename, kind, mimeType, size } });
  } catch (error) {
    if (error instanceof AppError) {
      const maxBytes = typeof error.details?.maxBytes === "number" ? error.details.maxBytes : undefined;
      const values = maxBytes === undefined ? undefined : { max: Math.round((maxBytes / 1_048_576) * 10) / 10 };
      return json(httpStatus(error), { ok: false, code: error.code, message: `errors.${error.message}`, ...(values ? { values } : {}) });
    }
    console.error(`[files] upload failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return json(500, { ok: false, code: "unknown", message: "errors.unknown" });
  }
}

function json(status: number, body: UploadResponseBody): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}
