import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/errors";
import { normalizeSearch, savedSearchPath } from "@/lib/saved-searches/filters";
import type { SaveSearchInput, SavedSearchKind } from "@/lib/saved-searches/schemas";
import { SaveSearchButton } from "./save-search-button";

/** The server action that saves a page's query (app/[locale]/(account)/account/saved-searches/actions.ts). */
export type SaveSearchAction = (input: SaveSearchInput) => Promise<ActionResult<{ id: string; created: boolean }>>;

/**
 * The "save this search" control of a catalog or search page, words included (the page's client
 * messages do not carry them). Place it near the result count with the page's parsed query:
 *
 *   <SaveSearch kind="offers" q={query.q ?? ""} filters={query} save={saveSearchAction} />
 *
 * `save` is app/[locale]/(account)/account/saved-searches/actions.ts `saveSearchAction`, passed in
 * by the page (components never import from app/). `filters` may be the catalog's whole parsed
 * query (what is not a filter is ignored). The search is named after its words, else `topic` (the
 * chosen field), else the catalog, with the number of other filters.
 *
 * Reads no session: the pages around it are cached and the same for everyone; the button learns in
 * the browser who is signed in, from the AccountProvider of the locale layout (GET /api/me, asked
 * once per page for the header and this button alike).
 */
export async function SaveSearch({
  kind,
  q,
  filters,
  topic,
  callbackPath,
  save,
}: {
  kind: SavedSearchKind;
  q: string;
  filters: Record<string, unknown>;
  /** The chosen field's name, when there is one (a label for a query without words). */
  topic?: string;
  /** Where signing in returns to; by default the catalog page of this query. */
  callbackPath?: string;
  save: SaveSearchAction;
}) {
  const t = await getTranslations("account.savedSearches");
  const search = normalizeSearch(kind, q, filters);
  const saved: NonNullable<SaveSearchInput["filters"]> = search.ok
    ? (Object.fromEntries(Object.entries(search.filters).filter(([, v]) => v !== undefined)) as Record<
        string,
        string | number | boolean
      >)
    : {};
  const words = search.ok ? search.q : q.trim();
  // Named after the words, else the chosen field (then not counted among the other filters).
  const byTopic = !words && saved.sector !== undefined && Boolean(topic);
  const named = words || (byTopic ? topic! : t(`defaultLabel.${kind}`));
  const others = Object.keys(saved).filter((key) => !(byTopic && key === "sector")).length;
  const label = others > 0 ? t("button.label", { label: named, count: others }) : named;
  // Back to the same query after signing in (the catalog page without it if the query is invalid).
  const back =
    callbackPath ??
    (search.ok ? savedSearchPath(kind, search.q, search.filters) : kind === "offers" ? "/technologies" : "/demands");
  return (
    <SaveSearchButton
      kind={kind}
      q={words}
      filters={saved}
      label={[...label].slice(0, 200).join("")}
      save={save}
      callbackPath={back}
      texts={{
        save: t("button.save"),
        hint: t("button.hint"),
        saved: t("button.saved"),
        already: t("button.already"),
        signIn: t("button.signIn"),
        manage: t("button.manage"),
      }}
    />
  );
}
