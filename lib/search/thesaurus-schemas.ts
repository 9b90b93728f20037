import { z } from "zod";
import type { SynonymKind } from "@/lib/generated/prisma/enums";
import { isPlainLine } from "@/lib/text";
import { fold } from "./text";

/**
 * Input of the thesaurus editor and of the zero-result report (issue #14 items 2 and 4).
 * Client-safe: imports nothing server-side. Errors are message keys (`searchInsights.*.errors`).
 *
 * A term is what a searcher types: one to four words of letters and digits, lower case, NFC. Terms
 * are compared the way the search index compares words (`fold`: accents and đ ignored), so two terms
 * that fold to the same text ("máy sấy", "may say") are one term, refused as a duplicate.
 */

export const SYNONYM_KINDS = ["SYNONYM", "EXPANSION"] as const satisfies readonly SynonymKind[];

export const MIN_TERMS = 2;
export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 60;
export const MAX_TERM_WORDS = 4;
export const MIN_WEIGHT = 0.1;
export const MAX_WEIGHT = 0.95;
export const DEFAULT_WEIGHT = 0.8;
/** The longest search text kept or reported (the miss beacon's body is refused above it). */
export const MAX_REPORTED_QUERY = 500;
/** Stored miss keys and samples (the columns are VARCHAR(200)). */
export const MAX_MISS_LENGTH = 200;

const WORD = /^[\p{L}\p{N}]+$/u;

/** One term as stored: NFC, lower case, spaces collapsed. */
export function normalizeTerm(raw: string): string {
  return raw.normalize("NFC").toLowerCase().normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The terms of a form field: one per line or separated by commas or semicolons; blanks dropped. */
export function splitTerms(raw: string): string[] {
  return raw
    .split(/[\n\r,;]+/)
    .map(normalizeTerm)
    .filter((t) => t.length > 0);
}

/** The first problem of one normalized term, or null. */
export function termProblem(term: string): string | null {
  if (!isPlainLine(term)) return "invisible_characters";
  if ([...term].length > MAX_TERM_LENGTH) return "term_too_long";
  const words = term.split(" ");
  if (!words.every((w) => WORD.test(w))) return "term_invalid";
  if (words.length > MAX_TERM_WORDS) return "term_too_many_words";
  return null;
}

/** The terms folded like the search index: what the engine matches (lib/search/relax.ts). */
export const foldTerms = (terms: readonly string[]): string[] => terms.map((t) => fold(t));

/** Terms that fold to the same text as an earlier one ("may say" after "máy sấy"). */
export function duplicateTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const term of terms) {
    const key = fold(term);
    if (seen.has(key)) out.push(term);
    seen.add(key);
  }
  return out;
}

/** Every problem of a list of terms (message keys, each once), or none. */
export function termsProblems(terms: readonly string[]): string[] {
  const problems = new Set<string>();
  if (terms.length < MIN_TERMS) problems.add("terms_too_few");
  if (terms.length > MAX_TERMS) problems.add("terms_too_many");
  for (const term of terms) {
    const problem = termProblem(term);
    if (problem) problems.add(problem);
  }
  if (duplicateTerms(terms).length) problems.add("terms_duplicate");
  return [...problems];
}

const termsField = z
  .preprocess(
    (v) => (typeof v === "string" ? splitTerms(v) : Array.isArray(v) ? v.map((t) => normalizeTerm(String(t))) : v),
    z.array(z.string(), { error: "required" }),
  )
  .superRefine((terms, ctx) => {
    for (const message of termsProblems(terms)) ctx.addIssue({ code: "custom", message });
  });

const weightField = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const text = v.trim().replace(",", ".");
    return text === "" ? undefined : /^\d*\.?\d+$/.test(text) ? Number(text) : Number.NaN;
  },
  z
    .number({ error: "weight_range" })
    .min(MIN_WEIGHT, "weight_range")
    .max(MAX_WEIGHT, "weight_range")
    .default(DEFAULT_WEIGHT),
);

/** A field's code ("1".."9") or null for "every field"; whether it is active is checked on the server. */
const fieldCodeField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || null : (v ?? null)),
  z
    .string()
    .regex(/^\d{1,8}$/, "field_unknown")
    .nullable(),
);

const noteField = z.preprocess(
  (v) => (typeof v === "string" ? v.normalize("NFC").trim() || null : (v ?? null)),
  z.string().max(300, "too_long").refine(isPlainLine, "invisible_characters").nullable(),
);

export const SynonymSchema = z.object({
  kind: z.enum(SYNONYM_KINDS, { error: "choose_one" }),
  terms: termsField,
  weight: weightField,
  fieldCode: fieldCodeField,
  note: noteField,
});
export type SynonymInput = z.infer<typeof SynonymSchema>;

/** A miss's key (the folded words of a search that found nothing). */
export const MissKeySchema = z.string().trim().min(1, "invalid_input").max(MAX_MISS_LENGTH, "invalid_input");

/** A new entry; `miss` names the zero-result search it answers (marked handled with it). */
export const CreateSynonymSchema = SynonymSchema.extend({
  miss: z.preprocess((v) => (v === "" ? undefined : v), MissKeySchema.optional()),
});
export type CreateSynonymInput = z.infer<typeof CreateSynonymSchema>;

/** An edit carries the `updatedAt` the officer saw: a change made meanwhile answers "conflict". */
export const UpdateSynonymSchema = SynonymSchema.extend({
  id: z.uuid({ error: "invalid_input" }),
  updatedAt: z.iso.datetime({ error: "invalid_input" }),
});
export type UpdateSynonymInput = z.infer<typeof UpdateSynonymSchema>;

export const SynonymTargetSchema = z.object({ id: z.uuid({ error: "invalid_input" }) });

/** Turns an entry on or off: `active` is the state wanted. */
export const SynonymActiveSchema = SynonymTargetSchema.extend({
  active: z.enum(["true", "false"], { error: "invalid_input" }).transform((v) => v === "true"),
});

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The list's filters from the URL; anything invalid is dropped rather than refused. */
export const SynonymFilterSchema = z.object({
  q: z.preprocess(one, z.string().trim().max(100).optional().catch(undefined)).transform((v) => v || undefined),
  kind: z.preprocess(one, z.enum(SYNONYM_KINDS).optional().catch(undefined)),
  field: z.preprocess(
    one,
    z
      .string()
      .regex(/^\d{1,8}$/)
      .optional()
      .catch(undefined),
  ),
  state: z.preprocess(one, z.enum(["active", "inactive"]).optional().catch(undefined)),
});
export type SynonymFilter = z.infer<typeof SynonymFilterSchema>;

/** `/admin/thesaurus?add=<text>&miss=<query>`: the create form prefilled from a zero-result search. */
export const PrefillSchema = z.object({
  add: z.preprocess(one, z.string().trim().max(MAX_MISS_LENGTH).optional().catch(undefined)),
  miss: z.preprocess(one, MissKeySchema.optional().catch(undefined)),
});

export const MISS_STATES = ["open", "handled", "all"] as const;
/** Last seen within this many days; "all" for any time. */
export const MISS_PERIODS = ["7", "30", "90", "365", "all"] as const;

export const MissFilterSchema = z.object({
  state: z.preprocess(one, z.enum(MISS_STATES).catch("open").default("open")),
  period: z.preprocess(one, z.enum(MISS_PERIODS).catch("all").default("all")),
});
export type MissFilter = z.infer<typeof MissFilterSchema>;

export const DismissMissSchema = z.object({ query: MissKeySchema });

/** The body of `POST /api/search/miss`: what was searched, as typed. */
export const MissReportSchema = z.object({
  q: z
    .string({ error: "q must be a string" })
    .max(MAX_REPORTED_QUERY, `q must be at most ${MAX_REPORTED_QUERY} characters`),
});
