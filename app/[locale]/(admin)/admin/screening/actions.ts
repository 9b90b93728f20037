"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import {
  createScreeningEntry,
  deleteScreeningEntry,
  ScreeningEntrySchema,
  ScreeningEntryTargetSchema,
  ScreeningEntryUpdateSchema,
  setScreeningEntryActive,
  updateScreeningEntry,
} from "@/lib/listings/screening-admin";

const NAMESPACE = "adminTools.screening";
const refresh = () => revalidatePath("/[locale]/admin/screening", "page");

/** A department officer adds an entry to the Decree 76/2018 lists. */
export const createEntryAction = formAction({
  name: "createScreeningEntry",
  namespace: NAMESPACE,
  form: { schema: ScreeningEntrySchema },
  permission: "screening:manage",
  run: async ({ input, user, audit }) => {
    await createScreeningEntry(audit, user, input);
    refresh();
    return { message: "created" };
  },
});

/** Edits an entry (optimistic: the form carries the version it was opened on). */
export const updateEntryAction = formAction({
  name: "updateScreeningEntry",
  namespace: NAMESPACE,
  form: { schema: ScreeningEntryUpdateSchema, hidden: ["id", "updatedAt"] },
  permission: "screening:manage",
  run: async ({ input, user, audit }) => {
    await updateScreeningEntry(audit, user, input);
    refresh();
    return { message: "saved" };
  },
});

export const deactivateEntryAction = formAction({
  name: "deactivateScreeningEntry",
  namespace: NAMESPACE,
  form: { schema: ScreeningEntryTargetSchema, hidden: ["id"] },
  permission: "screening:manage",
  run: async ({ input, user, audit }) => {
    await setScreeningEntryActive(audit, user, input.id, false);
    refresh();
    return { message: "deactivated" };
  },
});

export const reactivateEntryAction = formAction({
  name: "reactivateScreeningEntry",
  namespace: NAMESPACE,
  form: { schema: ScreeningEntryTargetSchema, hidden: ["id"] },
  permission: "screening:manage",
  run: async ({ input, user, audit }) => {
    await setScreeningEntryActive(audit, user, input.id, true);
    refresh();
    return { message: "reactivated" };
  },
});

/** Deletes an inactive entry that never took part in a screening. */
export const deleteEntryAction = formAction({
  name: "deleteScreeningEntry",
  namespace: NAMESPACE,
  form: { schema: ScreeningEntryTargetSchema, hidden: ["id"] },
  permission: "screening:manage",
  run: async ({ input, user, audit }) => {
    await deleteScreeningEntry(audit, user, input.id);
    refresh();
    return { message: "deleted" };
  },
});
