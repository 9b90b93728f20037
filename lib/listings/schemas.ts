import { z } from "zod";
import { LOCATION_CODES } from "@/lib/geo/locations";

/**
 * Field rules shared by offers and demands. Messages are keys under `validation.`; every problem is
 * reported at once. Imports nothing server-side.
 */
// Control characters (C0 but tab and line breaks, DEL, C1) are refused with a field error: NUL would
// even make PostgreSQL fail the whole statement (22021). Zero-width and bidi controls are refused in
// prose (they hide or reorder what a moderator reads) and silently removed from keywords.
const CONTROL = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f";
const FORMATTING = "\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff";
const INVISIBLE = new RegExp(`[${CONTROL}${FORMATTING}]`);
const CONTROL_CHARS = new RegExp(`[${CONTROL}]`);
const FORMATTING_CHARS = new RegExp(`[${FORMATTING}]`, "g");

/** True when `value` has no control, zero-width or bidi characters. */
export const isPlainText = (value: string) => !INVISIBLE.test(value);

const clean = (v: unknown) => (typeof v === "string" ? v.normalize("NFC").replace(/\r\n/g, "\n").trim() : v);
const emptyToUndefined = (v: unknown) => {
  const c = clean(v);
  return c === "" || c === null ? undefined : c;
};

export const text = (min: number, max: number) =>
  z.preprocess(
    clean,
    z
      .string({ error: "required" })
      .min(1, "required")
      .min(min, "too_short")
      .max(max, "too_long")
      .refine((v) => !INVISIBLE.test(v), "invisible_characters"),
  );

export const optionalText = (max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.string().max(max, "too_long").refine((v) => !INVISIBLE.test(v), "invisible_characters").optional(),
  );

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
 * Comma/newline separated keywords: 1–10 distinct, each 2–40 characters. Zero-width and bidi
 * characters are stripped (they would make look-alike keywords); control characters are refused.
 */
export const keywordList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? [
          ...new Set(
            v
              .normalize("NFC")
              .replace(FORMATTING_CHARS, "")
              .split(/[,;\n]/)
              .map((k) => k.replace(/[ \t\r]+/g, " ").trim().toLowerCase())
              .filter(Boolean),
          ),
        ]
      : v,
  z
    .array(
      z
        .string()
        .min(2, "keyword_too_short")
        .max(40, "keyword_too_long")
        .refine((k) => !CONTROL_CHARS.test(k), "invisible_characters"),
      { error: "required" },
    )
    .min(1, "keywords_required")
    .max(10, "too_many_keywords"),
);

export const sectorCode = z.preprocess(clean, z.string({ error: "choose_one" }).regex(/^\d{3}$/, "choose_one"));

export const locationCode = z.preprocess(
  clean,
  z.string({ error: "choose_one" }).refine((v) => LOCATION_CODES.includes(v), "choose_one"),
);

export const checkboxes = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values, { error: "choose_one" }), { error: "choose_at_least_one" }).min(1, "choose_at_least_one");

export const flag = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Optimistic concurrency: the version the form was rendered from. */
export const version = z.preprocess((v) => (v === undefined || v === "" ? undefined : Number(v)), z.number().int().positive().optional());

/** Adds "min_greater_than_max" on `maxField` when both amounts are present and min > max. */
export function checkRange(
  data: Record<string, unknown>,
  ctx: z.RefinementCtx,
  minField: string,
  maxField: string,
) {
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

