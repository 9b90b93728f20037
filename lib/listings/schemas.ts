import { z } from "zod";
import { LOCATION_CODES } from "@/lib/geo/locations";
import { CONTROL_CHARS, FORMATTING_CHARS, isPlainLine, isPlainText } from "@/lib/text";

/**
 * Field rules shared by offers and demands. Messages are keys under `validation.`; every problem is
 * reported at once. Imports nothing server-side.
 */
// Text rules come from lib/text.ts (the one sanitizer): controls and invisible characters are refused
// in prose and names, and invisible ones silently removed from keywords.
export { isPlainLine, isPlainText } from "@/lib/text";

const clean = (v: unknown) => (typeof v === "string" ? v.normalize("NFC").replace(/\r\n/g, "\n").trim() : v);
const emptyToUndefined = (v: unknown) => {
  const c = clean(v);
  return c === "" || c === null ? undefined : c;
};

type PlainCheck = (value: string) => boolean;

const required = (min: number, max: number, plain: PlainCheck) =>
  z.preprocess(
    clean,
    z
      .string({ error: "required" })
      // An empty value is "required" only, not also "too short" (abort stops the later checks).
      .min(1, { error: "required", abort: true })
      .min(min, "too_short")
      .max(max, "too_long")
      .refine(plain, "invisible_characters"),
  );

const optional = (max: number, plain: PlainCheck) =>
  z.preprocess(emptyToUndefined, z.string().max(max, "too_long").refine(plain, "invisible_characters").optional());

/** Prose (tab and line breaks allowed), `min`–`max` characters after trimming. */
export const text = (min: number, max: number) => required(min, max, isPlainText);
export const optionalText = (max: number) => optional(max, isPlainText);

/** A single line, such as a person's or an organization's name: like `text`, without tab or line breaks. */
export const line = (min: number, max: number) => required(min, max, isPlainLine);
export const optionalLine = (max: number) => optional(max, isPlainLine);

/** VND amount typed with or without thousand separators ("1.500.000", "1 500 000"). */
export const vnd = z.preprocess(
  (v) => {
    const c = emptyToUndefined(v);
    return typeof c === "string" ? c.replace(/[.\s,_]/g, "") : c;
  },
  z
    .string()
    .regex(/^-?\d+$/, "not_a_number")
    .transform((v) => BigInt(v))
    .refine((v) => v >= 0n, "must_not_be_negative")
    .refine((v) => v <= 1_000_000_000_000_000n, "too_large_amount")
    .optional(),
);

export const trlLevel = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
  z.number({ error: "choose_one" }).int("choose_one").min(1, "trl_range").max(9, "trl_range"),
);

/**
 * Comma/semicolon/newline separated keywords, folded to lower case and de-duplicated, 1 to
 * `maxItems` of 2 to `maxLength` characters. Zero-width and bidi characters are stripped (they would
 * make look-alike keywords); control characters are refused. Listings and screening entries use it.
 */
export function keywordListOf(options: { maxItems: number; maxLength: number; tooLong: string; tooMany: string }) {
  return z.preprocess(
    (v) =>
      typeof v === "string"
        ? [
            ...new Set(
              v
                .normalize("NFC")
                .replace(FORMATTING_CHARS, "")
                .split(/[,;\n]/)
                .map((k) =>
                  k
                    .replace(/[ \t\r]+/g, " ")
                    .trim()
                    .toLowerCase(),
                )
                .filter(Boolean),
            ),
          ]
        : v,
    z
      .array(
        z
          .string()
          .min(2, "keyword_too_short")
          .max(options.maxLength, options.tooLong)
          .refine((k) => !CONTROL_CHARS.test(k), "invisible_characters"),
        { error: "required" },
      )
      .min(1, "keywords_required")
      .max(options.maxItems, options.tooMany),
  );
}

/** A listing's keywords: 1–10 distinct, each 2–40 characters. */
export const keywordList = keywordListOf({
  maxItems: 10,
  maxLength: 40,
  tooLong: "keyword_too_long",
  tooMany: "too_many_keywords",
});

export const sectorCode = z.preprocess(clean, z.string({ error: "choose_one" }).regex(/^\d{3}$/, "choose_one"));

export const locationCode = z.preprocess(
  clean,
  z.string({ error: "choose_one" }).refine((v) => LOCATION_CODES.includes(v), "choose_one"),
);

export const checkboxes = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values, { error: "choose_one" }), { error: "choose_at_least_one" }).min(1, "choose_at_least_one");

export const flag = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Optimistic concurrency: the version the form was rendered from. */
export const version = z.preprocess(
  (v) => (v === undefined || v === "" ? undefined : Number(v)),
  z.number().int().positive().optional(),
);

/** Adds "min_greater_than_max" on `maxField` when both amounts are present and min > max. */
export function checkRange(data: Record<string, unknown>, ctx: z.RefinementCtx, minField: string, maxField: string) {
  const min = data[minField];
  const max = data[maxField];
  if (typeof min === "bigint" && typeof max === "bigint" && min > max) {
    ctx.addIssue({ code: "custom", path: [maxField], message: "min_greater_than_max" });
  }
}

/** A moderator's reason, read by the owner: optional (required to reject), plain text, ≤ 2000 characters. */
export const ModerationReasonSchema = z.preprocess(
  emptyToUndefined,
  z.string({ error: "invalid_input" }).max(2000, "too_long").refine(isPlainText, "invisible_characters").optional(),
);
