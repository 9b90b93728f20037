"use server";

import { revalidatePath } from "next/cache";
import { auditContext, requireUser } from "@/lib/auth/session";
import { isFormData } from "@/lib/forms";
import { markRead } from "@/lib/notifications/mutations";
import { MarkReadSchema } from "@/lib/notifications/schemas";

// Both actions only ever touch the signed-in user's own rows: markRead scopes by user id, so an
// id of someone else's notification is silently ignored rather than reported.

/** Marks one notification as read (form field `id`). */
export async function markReadAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = MarkReadSchema.safeParse(isFormData(formData) ? { id: formData.get("id") } : null);
  if (!parsed.success) return;
  await markRead(user.id, [parsed.data.id], await auditContext(user));
  // The whole layout, so the header bell's count updates with the list.
  revalidatePath("/[locale]", "layout");
}

/** Marks all of the user's notifications as read. */
export async function markAllReadAction(): Promise<void> {
  const user = await requireUser();
  await markRead(user.id, "all", await auditContext(user));
  revalidatePath("/[locale]", "layout");
}
