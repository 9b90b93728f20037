"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { plainFormAction } from "@/lib/actions";
import { markRead } from "@/lib/notifications/mutations";
import { MarkReadSchema } from "@/lib/notifications/schemas";

// Both actions only ever touch the signed-in user's own rows: markRead scopes by user id, so an
// id of someone else's notification is silently ignored rather than reported. Plain forms: a
// signed-out reader is sent to the sign-in page.

/** Marks one notification as read (form field `id`). */
export const markReadAction = plainFormAction({
  name: "markRead",
  namespace: "notifications",
  auth: "sign-in",
  form: { schema: MarkReadSchema, hidden: ["id"] },
  run: async ({ input, user, audit }) => {
    await markRead(user.id, [input.id], audit);
    // The whole layout, so the header bell's count updates with the list.
    revalidatePath("/[locale]", "layout");
  },
});

/** Marks all of the user's notifications as read. */
export const markAllReadAction = plainFormAction({
  name: "markAllRead",
  namespace: "notifications",
  auth: "sign-in",
  form: { schema: z.object({}) },
  run: async ({ user, audit }) => {
    await markRead(user.id, "all", audit);
    revalidatePath("/[locale]", "layout");
  },
});
