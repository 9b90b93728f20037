/**
 * The one text sanitizer. Control characters (C0, DEL, C1) are refused with a field error — NUL would
 * even make PostgreSQL fail the whole statement (22021) — and so are zero-width and bidi formatting
 * characters, which hide or reorder what a reader (a moderator, an officer) sees. Multi-line text
 * keeps tab and line breaks; a single line (a person's or an organization's name) keeps neither.
 * Imports nothing: used by client-safe zod schemas.
 */
const CONTROL_IN_TEXT = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f";
const CONTROL_IN_LINE = "\\u0000-\\u001f\\u007f-\\u009f";
const FORMATTING = "\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff";

const INVISIBLE_IN_TEXT = new RegExp(`[${CONTROL_IN_TEXT}${FORMATTING}]`);
const INVISIBLE_IN_LINE = new RegExp(`[${CONTROL_IN_LINE}${FORMATTING}]`);

/** Control characters that multi-line text may not contain (keywords are refused for these). */
export const CONTROL_CHARS = new RegExp(`[${CONTROL_IN_TEXT}]`);
/** Zero-width and bidi characters, for stripping (keywords). */
export const FORMATTING_CHARS = new RegExp(`[${FORMATTING}]`, "g");

/** True when multi-line `value` has no control (but tab and line breaks), zero-width or bidi characters. */
export const isPlainText = (value: string) => !INVISIBLE_IN_TEXT.test(value);

/** True when single-line `value` has no control (not even tab or line breaks), zero-width or bidi characters. */
export const isPlainLine = (value: string) => !INVISIBLE_IN_LINE.test(value);
