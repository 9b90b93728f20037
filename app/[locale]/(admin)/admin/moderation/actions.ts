"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { formToObject, isFormData } from "@/lib/forms";
import { redirect } from "@/lib/i18n/navigation";
import { ModerationReasonSchema } from "@/lib/listings/schemas";
import { moderateListing } from "@/lib/listings/mutations";

const DecisionSchema = z.object({
  kind: z.enum(["offer", "demand"]),
  id: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  reason: ModerationReasonSchema,
});

/** Operator (or, for restricted listings, officer) approves or rejects with a reason the owner sees. */
export async function decideListingAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isFormData(formData)) return { ok: false, fieldErrors: {}, formError: "invalid_input" };
  const parsed = DecisionSchema.safeParse(formToObject(formData));
  if (!parsed.success) {
    const reasonIssue = parsed.error.issues.find((i) => i.path[0] === "reason");
    return reasonIssue
      ? { ok: false, fieldErrors: { reason: [reasonIssue.message] } }
      : { ok: false, fieldErrors: {}, formError: "invalid_input" };
  }
  const { kind, id, decision, reason } = parsed.data;
  if (decision === "reject" && !reason) return { ok: false, fieldErrors: { reason: ["reason_required"] } };
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    const ctx = await auditContext(user, "listing:moderate");
    const result = await moderateListing(ctx, user, kind, id, decision, reason);
    // The lists changed since submission: the new screening is stored, the page shows it.
    if (result.refused) {
      revalidatePath("/[locale]/admin/moderation", "layout");
      return { ok: false, fieldErrors: {}, formError: result.refused };
    }
  } catch (error) {
    if (error instanceof AppError) {
      const fieldErrors = (error.details?.fieldErrors as Record<string, string[]> | undefined) ?? {};
      return { ok: false, fieldErrors, formError: Object.keys(fieldErrors).length ? undefined : error.message };
    }
    console.error("decideListingAction", error);
    return { ok: false, fieldErrors: {}, formError: "unknown" };
  }
  revalidatePath("/[locale]/admin/moderation", "page");
  // Back to the queue, oldest first, so the moderator carries on with the next item.
  redirect({
    href: `/admin/moderation?done=${decision === "approve" ? "approved" : "rejected"}`,
    locale: await getLocale(),
  });
  return { ok: true };
}
