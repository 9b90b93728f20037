"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { callAction, formAction } from "@/lib/actions";
import { pick } from "@/lib/i18n/pick";
import { deleteSavedSearch, saveSearch } from "@/lib/saved-searches/mutations";
import { SavedSearchFormSchema, SavedSearchIdSchema, SaveSearchSchema } from "@/lib/saved-searches/schemas";

// Saved searches are the parties' (workspace:access); each user reaches only their own rows.

/**
 * The save button of a catalog or search page: the page's query as it stands, with its name. No
 * revalidatePath here: it would make Next.js send the current page again with the answer, and the
 * browser's page is the cached route proxy.ts rewrote to (…/q/[key]) while the action is posted to
 * the visible URL (the per-request route), so the page would be swapped and the button's answer
 * lost. Nothing cached shows saved searches: /account/saved-searches is rendered per request.
 */
export const saveSearchAction = callAction({
  name: "saveSearch",
  namespace: "account.savedSearches",
  permission: "workspace:access",
  args: [SaveSearchSchema],
  run: async ({ args: [input], user, audit }) => {
    const saved = await saveSearch(audit, user, input);
    return { message: saved.created ? "saved" : "already", data: saved };
  },
});

/** The form of /account/saved-searches: a catalog, words and a field; named after them unless named. */
export const createSavedSearchAction = formAction({
  name: "createSavedSearch",
  namespace: "account.savedSearches",
  permission: "workspace:access",
  form: { schema: SavedSearchFormSchema },
  run: async ({ input, user, audit }) => {
    const t = await getTranslations("account.savedSearches");
    let label = input.label || input.q;
    if (!label && input.sector) {
      const locale = await getLocale();
      const fields = await catalogTaxonomy();
      const field = fields.find((f) => f.code === input.sector);
      const sector = fields.flatMap((f) => f.sectors).find((s) => s.code === input.sector);
      const node = field ?? sector;
      if (node) label = pick(locale, node.nameVi, node.nameEn);
    }
    const saved = await saveSearch(audit, user, {
      kind: input.kind,
      q: input.q,
      filters: input.sector ? { sector: input.sector } : {},
      label: label || t(`defaultLabel.${input.kind}`),
    });
    revalidatePath("/[locale]/account", "layout");
    return { message: saved.created ? "saved" : "already" };
  },
});

/** Deletes one of the user's saved searches (form field `id`). */
export const deleteSavedSearchAction = formAction({
  name: "deleteSavedSearch",
  namespace: "account.savedSearches",
  permission: "workspace:access",
  form: { schema: SavedSearchIdSchema, hidden: ["id"] },
  run: async ({ input, user, audit }) => {
    await deleteSavedSearch(audit, user, input.id);
    revalidatePath("/[locale]/account", "layout");
    return { message: "deleted" };
  },
});
