"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/auth/schemas";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { DEMAND_ARRAY_FIELDS, DemandInputSchema } from "@/lib/demands/schemas";
import { AppError, type ActionResult } from "@/lib/errors";
import { deleteAttachment } from "@/lib/files/mutations";
import { formToObject, isFormData } from "@/lib/forms";
import { redirect } from "@/lib/i18n/navigation";
import type { ListingKind } from "@/lib/listings/data";
import { createListing, ownerTransition, updateListing } from "@/lib/listings/mutations";
import { OFFER_ARRAY_FIELDS, OfferInputSchema } from "@/lib/offers/schemas";

const Kind = z.enum(["offer", "demand"]);
const Id = z.uuid();
const Event = z.enum(["submit", "recall", "withdraw", "renew"]);
const path = (kind: ListingKind) => (kind === "offer" ? "offers" : "demands");

// Server actions are public endpoints: any client can call them with any arguments.
const INVALID: ActionResult = { ok: false, fieldErrors: {}, formError: "invalid_input" };
const UNAUTHENTICATED: ActionResult = { ok: false, fieldErrors: {}, formError: "unauthenticated" };
const validKind = (kind: unknown) => Kind.safeParse(kind).success;
const validId = (id: unknown) => Id.safeParse(id).success;

function parse(kind: ListingKind, formData: FormData) {
  return kind === "offer"
    ? OfferInputSchema.safeParse(formToObject(formData, OFFER_ARRAY_FIELDS))
    : DemandInputSchema.safeParse(formToObject(formData, DEMAND_ARRAY_FIELDS));
}

/**
 * Expected failures become form errors; anything else is logged and answered as "unknown" (an
 * action never ends in a 500). Next.js's own redirect / not-found signals pass through.
 */
function failure(error: unknown): ActionResult {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    const fieldErrors = (error.details?.fieldErrors as Record<string, string[]> | undefined) ?? {};
    return {
      ok: false,
      fieldErrors,
      formError: error.code === "validation" && Object.keys(fieldErrors).length ? undefined : error.message,
    };
  }
  console.error("listing action failed", error);
  return { ok: false, fieldErrors: {}, formError: "unknown" };
}

/** Saves a new draft, then opens it for attachments and submission. */
export async function createListingAction(
  kind: ListingKind,
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  if (!validKind(kind) || !isFormData(formData)) return INVALID;
  const user = await getCurrentUser();
  if (!user) return UNAUTHENTICATED;
  const parsed = parse(kind, formData);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  let id: string;
  try {
    const ctx = await auditContext(user, kind === "offer" ? "offer:create" : "demand:create");
    id = (await createListing(ctx, user, kind, parsed.data)).id;
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/[locale]/account/${path(kind)}`, "page");
  redirect({ href: `/account/${path(kind)}/${id}?saved=1`, locale: await getLocale() });
  return { ok: true };
}

/**
 * Saves the owner's edits. A revision of a published listing is screened: a prohibited one is kept
 * for the record but cannot be approved, which the owner is told at once.
 */
export async function updateListingAction(
  kind: ListingKind,
  id: string,
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  if (!validKind(kind) || !validId(id) || !isFormData(formData)) return INVALID;
  const user = await getCurrentUser();
  if (!user) return UNAUTHENTICATED;
  const parsed = parse(kind, formData);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const result = await updateListing(
      await auditContext(user, kind === "offer" ? "offer:manage-own" : "demand:manage-own"),
      user,
      kind,
      id,
      parsed.data,
    );
    revalidatePath(`/[locale]/account/${path(kind)}/${id}`, "page");
    if (result.screening?.outcome === "PROHIBITED")
      return { ok: false, fieldErrors: {}, formError: "revision_prohibited" };
    if (!result.revision) return { ok: true, message: "saved" };
    return {
      ok: true,
      message: result.screening?.outcome === "RESTRICTED" ? "revision_saved_officer" : "revision_saved",
    };
  } catch (error) {
    return failure(error);
  }
}

export async function transitionAction(
  kind: ListingKind,
  id: string,
  event: string,
): Promise<ActionResult<{ screening?: string; note?: string }>> {
  if (!validKind(kind) || !validId(id)) return INVALID;
  const parsedEvent = Event.safeParse(event);
  if (!parsedEvent.success) return { ok: false, fieldErrors: {}, formError: "invalid_state" };
  const user = await getCurrentUser();
  if (!user) return UNAUTHENTICATED;
  try {
    const result = await ownerTransition(
      await auditContext(user, kind === "offer" ? "offer:manage-own" : "demand:manage-own"),
      user,
      kind,
      id,
      parsedEvent.data,
    );
    revalidatePath(`/[locale]/account/${path(kind)}/${id}`, "page");
    if (result.screening?.outcome === "PROHIBITED") {
      return {
        ok: false,
        fieldErrors: {},
        formError: parsedEvent.data === "renew" ? "renew_prohibited" : "prohibited",
      };
    }
    // A renewal now on the restricted list went back to an officer instead of being republished.
    if (parsedEvent.data === "renew" && result.status === "SUBMITTED")
      return { ok: true, message: "done_renew_review" };
    return { ok: true, message: `done_${parsedEvent.data}` };
  } catch (error) {
    return failure(error) as ActionResult<{ screening?: string }>;
  }
}

export async function deleteAttachmentAction(
  kind: ListingKind,
  listingId: string,
  attachmentId: string,
): Promise<ActionResult> {
  if (!validKind(kind) || !validId(listingId) || !validId(attachmentId)) return INVALID;
  const user = await getCurrentUser();
  try {
    if (!user?.organizationId) throw new AppError("not_found");
    await deleteAttachment(
      await auditContext(user, kind === "offer" ? "offer:manage-own" : "demand:manage-own"),
      attachmentId,
      user.organizationId,
    );
    revalidatePath(`/[locale]/account/${path(kind)}/${listingId}`, "page");
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
