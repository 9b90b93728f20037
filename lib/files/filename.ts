import type { FileType } from "./types";

/** Longest display name we keep, in characters: the column is VARCHAR(255). */
export const MAX_FILENAME_LENGTH = 255;
const FALLBACK_STEM = "file";

// Control characters, format characters (bidi overrides such as U+202E that make "gpj.exe" look like
// "exe.jpg", zero-width joiners, BOM) and line separators: none belong in a file name.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Reserved on Windows, where users save downloads; `"` would also need escaping in headers.
const RESERVED = /[<>:"|?*]/g;

// C0 and C1 control characters (NUL, ESC, DEL, newlines…): no real file name holds one, so a name
// with one is a forged request and is refused rather than silently repaired.
const CONTROL = /\p{Cc}/u;

/** True when a client-given file name contains a control character (refused with a clear error). */
export function hasControlCharacters(raw: string): boolean {
  return CONTROL.test(raw);
}

/**
 * A safe display name for an uploaded file: the last path segment only, NFC-normalized (Vietnamese
 * letters are kept, composed), without control/bidi/zero-width characters or characters Windows
 * refuses, whitespace collapsed, no leading dots (hidden files), at most 255 characters with the
 * extension preserved. Never used as a storage path: storage keys are random.
 */
export function sanitizeFilename(raw: string): string {
  const lastSegment = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .replace(INVISIBLE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/gu, " ")
    .replace(/^[\s.]+|[\s.]+$/gu, "");
  return limitLength(cleaned || FALLBACK_STEM, MAX_FILENAME_LENGTH);
}

/**
 * The sanitized name with an extension that matches the sniffed type: a name ending in one of the
 * type's extensions is kept; otherwise the canonical one is appended ("scan" -> "scan.pdf",
 * "photo.png" holding a JPEG -> "photo.png.jpg"), so a saved download opens in the right program.
 */
export function displayFilename(raw: string, type: FileType): string {
  const name = sanitizeFilename(raw);
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (type.aliases.includes(ext)) return name;
  return limitLength(`${name}.${type.ext}`, MAX_FILENAME_LENGTH);
}

/** Cuts the part before the extension so the whole name fits `max` code points. */
function limitLength(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? [...name.slice(dot)] : [];
  if (ext.length === 0 || ext.length > 16) return chars.slice(0, max).join("").trimEnd();
  const stem = [...name.slice(0, dot)]
    .slice(0, max - ext.length)
    .join("")
    .trimEnd();
  return stem + ext.join("");
}
