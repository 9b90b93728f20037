"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/auth/schemas";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { DEMAND_ARRAY_FIELDS, DemandInputSchema } from "@/lib/demands/schemas";
import { AppError, type ActionResult } from "@/lib/errors";
import { deleteAttachment, saveAttachment } from "@/lib/files/mutations";
import { formToObject } from "@/lib/forms";
import { redirect } from "@/lib/i18n/navigation";
import type { ListingKind } from "@/lib/listings/data";
import { createListing, ownerTransition, updateListing } from "@/lib/listings/mutations";
import { ownListing } from "@/lib/listings/queries";
import { OFFER_ARRAY_FIELDS, OfferInputSchema } from "@/lib/offers/schemas";

const Kind = z.enum(["offer", "demand"]);
const Id = z.uuid();
const Event = z.enum(["submit", "recall", "withdraw", "renew"]);
const path = (kind: ListingKind) => (kind === "offer" ? "offers" : "demands");

function parse(kind: ListingKind, formData: FormData) {
  return kind === "offer"
    ? OfferInputSchema.safeParse(formToObject(formData, OFFER_ARRAY_FIELDS))
    : DemandInputSchema.safeParse(formToObject(formData, DEMAND_ARRAY_FIELDS));
}

/** Expected failures become form errors; anything else is a real bug and propagates. */
function failure(error: unknown): ActionResult {
  if (error instanceof AppError) {
    const fieldErrors = (error.details?.fieldErrors as Record<string, string[]> | undefined) ?? {};
    return { ok: false, fieldErrors, formError: error.code === "validation" && Object.keys(fieldErrors).length ? undefined : error.message };
  }
  throw error;
}

/** Saves a new draft, then opens it for attachments and submission. */
export async function createListingAction(kind: ListingKind, _prev: ActionResult, formData: FormData): Promise<ActionResult> {
  Kind.parse(kind);
  const user = await getCurrentUser();
  const parsed = parse(kind, formData);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  let id: string;
  try {
    const ctx = await auditContext(user, kind === "offer" ? "offer:create" : "demand:create");
    id = (await createListing(ctx, user!, kind, parsed.data)).id;
  } catch (error) {
    if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
    return failure(error);
  }
  revalidatePath(`/[locale]/account/${path(kind)}`, "page");
  redirect({ href: `/account/${path(kind)}/${id}?saved=1`, locale: await getLocale() });
  return { ok: true };
}

export async function updateListingAction(kind: ListingKind, id: string, _prev: ActionResult, formData: FormData): Promise<ActionResult> {
  Kind.parse(kind);
  Id.parse(id);
  const user = await getCurrentUser();
  const parsed = parse(kind, formData);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const result = await updateListing(await auditContext(user, kind === "offer" ? "offer:manage-own" : "demand:manage-own"), user!, kind, id, parsed.data);
    revalidatePath(`/[locale]/account/${path(kind)}/${id}`, "page");
    return { ok: true, message: result.revision ? "revision_saved" : "saved" };
  } catch (error) {
    if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
    return failure(error);
  }
}

export async function transitionAction(kind: ListingKind, id: string, event: string): Promise<ActionResult<{ screening?: string; note?: string }>> {
  Kind.parse(kind);
  Id.parse(id);
  const parsedEvent = Event.safeParse(event);
  if (!parsedEvent.success) return { ok: false, fieldErrors: {}, formError: "invalid_state" };
  const user = await getCurrentUser();
  try {
    const result = await ownerTransition(await auditContext(user, kind === "offer" ? "offer:manage-own" : "demand:manage-own"), user!, kind, id, parsedEvent.data);
    revalidatePath(`/[locale]/account/${path(kind)}/${id}`, "page");
    if (result.screening?.outcome === "PROHIBITED") {
      return { ok: false, fieldErrors: {}, formError: "prohibited" };
    }
    return { ok: true, message: `done_${parsedEvent.data}` };
  } catch (error) {
    if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
    return failure(error) as ActionResult<{ screening?: string }>;
  }
}

/** Attaches an image or document to the user's own draft/rejected/published listing. */
export async function uploadAttachmentAction(kind: ListingKind, id: string, _prev: ActionResult, formData: FormData): Promise<ActionResult> {
  Kind.parse(kind);
  Id.parse(id);
  const user = await getCurrentUser();
  const file = formData.get("file");
  // The browser already found the file too large and did not send it.
  if (formData.get("tooLarge") === "1") return { ok: false, fieldErrors: { file: ["too_large"] } };
  if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: ["file_required"] } };
  try {
    const listing = user ? await ownListing(user, kind, id) : null;
    if (!user || !listing) throw new AppError("not_found");
    // Files of a published listing would go public without review: edit through a draft revision instead.
    if (listing.status !== "DRAFT" && listing.status !== "REJECTED") throw new AppError("invalid_state", "attachments_locked");
    const kindOfFile = formData.get("kind") === "IMAGE" ? "IMAGE" : "DOCUMENT";
    await saveAttachment(await auditContext(user, kind === "offer" ? "offer:manage-own" : "demand:manage-own"), {
      file,
      uploadedById: user.id,
      target: kind === "offer" ? { offerId: id } : { demandId: id },
      kind: kindOfFile,
    });
    revalidatePath(`/[locale]/account/${path(kind)}/${id}`, "page");
    return { ok: true, message: "uploaded" };
  } catch (error) {
    if (error instanceof AppError && (error.code === "too_large" || error.code === "unsupported_type")) {
      return { ok: false, fieldErrors: { file: [error.code] } };
    }
    return failure(error);
  }
}

export async function deleteAttachmentAction(kind: ListingKind, listingId: string, attachmentId: string): Promise<ActionResult> {
  Kind.parse(kind);
  Id.parse(listingId);
  Id.parse(attachmentId);
  const user = await getCurrentUser();
  try {
    if (!user?.organizationId) throw new AppError("not_found");
    await deleteAttachment(await auditContext(user, kind === "offer" ? "offer:manage-own" : "demand:manage-own"), attachmentId, user.organizationId);
    revalidatePath(`/[locale]/account/${path(kind)}/${listingId}`, "page");
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
