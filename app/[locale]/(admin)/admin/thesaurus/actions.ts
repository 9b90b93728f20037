"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { createSynonym, deleteSynonym, setSynonymActive, updateSynonym } from "@/lib/search/thesaurus-admin";
import {
  CreateSynonymSchema,
  SynonymActiveSchema,
  SynonymTargetSchema,
  UpdateSynonymSchema,
} from "@/lib/search/thesaurus-schemas";

const NAMESPACE = "searchInsights.thesaurus";
const refresh = () => revalidatePath("/[locale]/admin/thesaurus", "page");

/** A department officer adds a synonym group or an expansion; from a zero-result search, that search is handled. */
export const createSynonymAction = formAction({
  name: "createSynonym",
  namespace: NAMESPACE,
  form: { schema: CreateSynonymSchema, hidden: ["miss"] },
  permission: "thesaurus:manage",
  run: async ({ input, user, audit }) => {
    const { missHandled } = await createSynonym(audit, user, input);
    refresh();
    if (missHandled) revalidatePath("/[locale]/admin/search-insights", "page");
    return { message: missHandled ? "createdFromMiss" : "created" };
  },
});

/** Edits an entry (optimistic: the form carries the version it was opened on). */
export const updateSynonymAction = formAction({
  name: "updateSynonym",
  namespace: NAMESPACE,
  form: { schema: UpdateSynonymSchema, hidden: ["id", "updatedAt"] },
  permission: "thesaurus:manage",
  run: async ({ input, user, audit }) => {
    await updateSynonym(audit, user, input);
    refresh();
    return { message: "saved" };
  },
});

/** Turns an entry on or off (`active` is the state wanted). */
export const setSynonymActiveAction = formAction({
  name: "setSynonymActive",
  namespace: NAMESPACE,
  form: { schema: SynonymActiveSchema, hidden: ["id", "active"] },
  permission: "thesaurus:manage",
  run: async ({ input, user, audit }) => {
    await setSynonymActive(audit, user, input.id, input.active);
    refresh();
    return { message: input.active ? "activated" : "deactivated" };
  },
});

export const deleteSynonymAction = formAction({
  name: "deleteSynonym",
  namespace: NAMESPACE,
  form: { schema: SynonymTargetSchema, hidden: ["id"] },
  permission: "thesaurus:manage",
  run: async ({ input, user, audit }) => {
    await deleteSynonym(audit, user, input.id);
    refresh();
    return { message: "deleted" };
  },
});
