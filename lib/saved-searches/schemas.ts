import { z } from "zod";
import { isPlainLine } from "@/lib/text";

/**
 * Saved searches (issue #15 item 1): a catalog query — kind, words, filters — that the weekly job
 * (./digest.ts) runs again, e-mailing the listings published since the last run. Client-safe: the
 * save button and the form post these shapes; the filters are checked against the catalog's own
 * schemas on the server (./filters.ts).
 */

/** The two catalogs a search can be saved from, by their search index names. */
export const SAVED_SEARCH_KINDS = ["offers", "demands"] as const;
export type SavedSearchKind = (typeof SAVED_SEARCH_KINDS)[number];

/** Saved searches one user may keep. */
export const MAX_SAVED_SEARCHES = 20;

/** Listings one e-mail lists (the rest are one link away, in the catalog). */
export const LISTINGS_PER_EMAIL = 10;

const line = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFC").replace(/\s+/g, " ").trim() : v),
    z.string({ error: "required" }).max(max, "too_long").refine(isPlainLine, "invisible_characters"),
  );

export const SavedSearchKindSchema = z.enum(SAVED_SEARCH_KINDS, { error: "choose_one" });

/** A filter's value as the catalog's URL carries it (a code, a number, a flag). */
const FilterValue = z.union([z.string().max(40, "invalid_input"), z.number().finite(), z.boolean()]);

/** What the save button sends: the catalog's current query and a name for it. */
export const SaveSearchSchema = z.object({
  kind: SavedSearchKindSchema,
  q: line(200).default(""),
  filters: z
    .record(z.string().max(20, "invalid_input"), FilterValue)
    .refine((f) => Object.keys(f).length <= 20, "invalid_input")
    .default({}),
  label: line(200).pipe(z.string().min(1, "required")),
});

export type SaveSearchInput = z.input<typeof SaveSearchSchema>;

/** The form on /account/saved-searches: a kind, words and/or a field; the name is optional there. */
export const SavedSearchFormSchema = z.object({
  kind: SavedSearchKindSchema,
  q: line(200).default(""),
  sector: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(8, "invalid_input").optional()),
  label: line(200).default(""),
});

/** Deleting one of the user's saved searches (the form posts its id). */
export const SavedSearchIdSchema = z.object({ id: z.uuid({ error: "invalid_input" }) });
