"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { moderateListing } from "@/lib/listings/mutations";

const DecisionSchema = z.object({
  kind: z.enum(["offer", "demand"]),
  id: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  reason: z.preprocess((v) => (typeof v === "string" ? v.normalize("NFC").trim() : v), z.string().max(2000, "too_long").optional()),
});

/** Operator (or, for restricted listings, officer) approves or rejects with a reason the owner sees. */
export async function decideListingAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = DecisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: { reason: ["invalid_input"] } };
  const { kind, id, decision, reason } = parsed.data;
  if (decision === "reject" && !reason) return { ok: false, fieldErrors: { reason: ["reason_required"] } };
  const user = await getCurrentUser();
  try {
    const ctx = await auditContext(user, "listing:moderate");
    await moderateListing(ctx, user!, kind, id, decision, reason || undefined);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
  revalidatePath("/[locale]/admin/moderation", "page");
  // Back to the queue, oldest first, so the moderator carries on with the next item.
  redirect({ href: `/admin/moderation?done=${decision === "approve" ? "approved" : "rejected"}`, locale: await getLocale() });
  return { ok: true };
}
