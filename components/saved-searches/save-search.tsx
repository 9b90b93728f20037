import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/errors";
import { normalizeSearch, savedSearchPath } from "@/lib/saved-searches/filters";
import type { SaveSearchInput, SavedSearchKind } from "@/lib/saved-searches/schemas";
import { SaveSearchButton } from "./save-search-button";

/**
 * The "save this search" control of a catalog or search page, words included (the page's client
 * messages do not carry them). Place it near the result count with the page's parsed query:
 *
 *   <SaveSearch kind="offers" q={query.q ?? ""} filters={filtersOf(query)} label={…} save={saveSearchAction} />
 *
 * `save` is app/[locale]/(account)/account/saved-searches/actions.ts `saveSearchAction`, passed in
 * by the page (components never import from app/).
 */
export async function SaveSearch({
  kind,
  q,
  filters,
  label,
  save,
}: {
  kind: SavedSearchKind;
  q: string;
  filters: SaveSearchInput["filters"];
  label: string;
  save: (input: SaveSearchInput) => Promise<ActionResult<{ id: string; created: boolean }>>;
}) {
  const t = await getTranslations("account.savedSearches.button");
  const search = normalizeSearch(kind, q, filters ?? {});
  // Back to the same query after signing in (the catalog page without it if the query is invalid).
  const callbackPath = search.ok
    ? savedSearchPath(kind, search.q, search.filters)
    : kind === "offers"
      ? "/technologies"
      : "/demands";
  return (
    <SaveSearchButton
      kind={kind}
      q={q}
      filters={filters}
      label={label}
      save={save}
      callbackPath={callbackPath}
      texts={{
        save: t("save"),
        hint: t("hint"),
        saved: t("saved"),
        already: t("already"),
        signIn: t("signIn"),
        manage: t("manage"),
      }}
    />
  );
}
