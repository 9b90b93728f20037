"use server";

import { revalidatePath } from "next/cache";
import { LinkTokenSchema } from "@/lib/auth/schemas";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { isFormData } from "@/lib/forms";
import { acceptInvite } from "@/lib/organizations/membership";

/** The signed-in user accepts an invitation sent to their own, confirmed address. */
export async function acceptInviteAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const token = LinkTokenSchema.safeParse(isFormData(formData) ? formData.get("token") : undefined);
  if (!token.success) return { ok: false, fieldErrors: {}, formError: "not_found" };
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    await acceptInvite(await auditContext(user, "membership:request"), user, token.data);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
  revalidatePath("/[locale]/account", "layout");
  return { ok: true, message: "accepted" };
}
