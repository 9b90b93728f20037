/** Pure HTTP helpers for serving attachments (no I/O, unit-tested). */

// Even if a stored file were somehow active content, it may not run scripts, load anything from
// elsewhere or be framed; inline styles stay allowed for the browsers' own image/PDF viewers.
export const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/** True when an If-None-Match header names this entity tag (weak or strong, or "*"). */
export function etagMatches(ifNoneMatch: string, sha256: string): boolean {
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === `"${sha256}"`);
}

/**
 * A Content-Disposition value that keeps Vietnamese names intact: `filename*` (RFC 6266 / RFC 8187)
 * carries the UTF-8 name, which every current browser prefers; `filename` is an ASCII fallback
 * with the diacritics stripped ("Báo cáo.pdf" -> "Bao cao.pdf") for older clients.
 */
export function contentDisposition(type: "inline" | "attachment", filename: string): string {
  return `${type}; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/** Printable ASCII without quotes or backslashes, so it can sit inside a quoted-string as is. */
export function asciiFallback(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
}

/** Percent-encodes everything outside RFC 8187's attr-char set (encodeURIComponent leaves '()* alone). */
export function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
