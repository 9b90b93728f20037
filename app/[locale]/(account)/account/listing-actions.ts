"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { callAction, formAction, type FormSpec } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { deleteAttachment } from "@/lib/files/mutations";
import { redirect } from "@/lib/i18n/navigation";
import { LISTING_KIND, LISTING_KINDS, type ListingKind } from "@/lib/listings/kinds";
import { createListing, ownerTransition, updateListing } from "@/lib/listings/mutations";

const Kind = z.enum(LISTING_KINDS);
const Id = z.uuid();
// Typed as any string for the caller (the page passes the events it lists); only these run.
const Event = z.string().pipe(z.enum(["submit", "recall", "withdraw", "renew"]));

const manageOwn = ([kind]: [ListingKind, ...unknown[]]) => LISTING_KIND[kind].manageOwn;
const accountPath = (kind: ListingKind) => LISTING_KIND[kind].accountPath;

function listingForm([kind]: [ListingKind, ...unknown[]]): FormSpec<
  (typeof LISTING_KIND)["offer"]["schema"] | (typeof LISTING_KIND)["demand"]["schema"]
> {
  const { schema, arrayFields } = LISTING_KIND[kind];
  return { schema, arrays: arrayFields, hidden: ["version"] };
}

/** Saves a new draft, then opens it for attachments and submission. */
export const createListingAction = formAction({
  name: "createListing",
  namespace: "workspace",
  args: [Kind],
  form: listingForm,
  permission: ([kind]) => LISTING_KIND[kind].create,
  run: async ({ args: [kind], input, user, audit }) => {
    const { id } = await createListing(audit, user, kind, input);
    revalidatePath(`/[locale]${accountPath(kind)}`, "page");
    redirect({ href: `${accountPath(kind)}/${id}?saved=1`, locale: await getLocale() });
  },
});

/**
 * Saves the owner's edits. A revision of a published listing is screened: a prohibited one is kept
 * for the record but cannot be approved, which the owner is told at once.
 */
export const updateListingAction = formAction({
  name: "updateListing",
  namespace: "workspace",
  args: [Kind, Id],
  form: listingForm,
  permission: manageOwn,
  run: async ({ args: [kind, id], input, user, audit }) => {
    const result = await updateListing(audit, user, kind, id, input);
    revalidatePath(`/[locale]${accountPath(kind)}/${id}`, "page");
    if (result.screening?.outcome === "PROHIBITED") throw new AppError("invalid_state", "revision_prohibited");
    if (!result.revision) return { message: "saved" };
    return { message: result.screening?.outcome === "RESTRICTED" ? "revision_saved_officer" : "revision_saved" };
  },
});

/** Submit, recall, withdraw or renew one of the organization's listings. */
export const transitionAction = callAction({
  name: "transitionListing",
  namespace: "workspace",
  args: [Kind, Id, Event],
  permission: manageOwn,
  run: async ({ args: [kind, id, event], user, audit }) => {
    const result = await ownerTransition(audit, user, kind, id, event);
    revalidatePath(`/[locale]${accountPath(kind)}/${id}`, "page");
    if (result.screening?.outcome === "PROHIBITED") {
      throw new AppError("invalid_state", event === "renew" ? "renew_prohibited" : "prohibited");
    }
    // A renewal now on the restricted list went back to an officer instead of being republished.
    if (event === "renew" && result.status === "SUBMITTED") return { message: "done_renew_review" };
    return { message: `done_${event}` };
  },
});

/** Removes one attachment of a draft or rejected listing of the user's organization. */
export const deleteAttachmentAction = callAction({
  name: "deleteAttachment",
  namespace: "workspace",
  args: [Kind, Id, Id],
  permission: manageOwn,
  run: async ({ args: [kind, listingId, attachmentId], user, audit }) => {
    await deleteAttachment(audit, attachmentId, user.organizationId);
    revalidatePath(`/[locale]${accountPath(kind)}/${listingId}`, "page");
  },
});
