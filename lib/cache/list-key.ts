/**
 * The cache key of a browsable list page (catalog, search) as one URL path segment. proxy.ts
 * rewrites a list URL with a valid, canonical query (`/technologies?sector=2&trlMin=5`) to an
 * internal route whose path carries that query (`/vi/technologies/q/<key>`), so that Next's cache
 * (ISR) keeps one entry per logical query; the visible URL does not change. Client-safe and pure:
 * proxy.ts, the internal pages and the tests use it.
 *
 * The key is the explicit canonical query string (every parsed value, keys sorted, defaults
 * written out) in base64url: path-safe without any escaping (Next decodes route params once, which
 * would corrupt a percent-encoded query), and the page reads it back exactly.
 */

/**
 * Longest key that is cached. The key names files in Next's cache directory (one per page plus its
 * RSC payload), and a file name may hold 255 bytes; a longer query (a very long `q`) is rendered per
 * request instead — it is valid, only rare.
 */
export const MAX_LIST_KEY_LENGTH = 200;

/** Where a list page's query stands, as decided from the URL alone (no database). */
export type ListQuery =
  /** Valid and in its canonical form: served from the cache under `key` (the explicit form). */
  | { status: "canonical"; key: string }
  /** Valid but written differently (order, empty fields, defaults, duplicates, unknown keys). */
  | { status: "redirect"; search: string }
  /** A value the page drops with a notice (or a query too long to cache): rendered per request. */
  | { status: "uncached" };

/**
 * The explicit query string of parsed values: keys sorted, `undefined` left out, booleans as 1/0.
 * Parsing it again with the same schema gives the same values.
 */
export function explicitQuery(values: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(values).sort()) {
    const value = values[key];
    if (value === undefined) continue;
    params.append(key, typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  }
  return params.toString();
}

/** The path segment for an explicit query string, or null when it is too long to cache. */
export function encodeListKey(explicit: string): string | null {
  const key = Buffer.from(explicit, "utf8").toString("base64url");
  return key.length > 0 && key.length <= MAX_LIST_KEY_LENGTH ? key : null;
}

/** The explicit query string a key carries, or null for anything that is not a key we could have written. */
export function decodeListKey(key: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(key) || key.length > MAX_LIST_KEY_LENGTH) return null;
  const text = Buffer.from(key, "base64url").toString("utf8");
  // Round trip: rejects non-canonical base64 (padding bits) and invalid UTF-8.
  return Buffer.from(text, "utf8").toString("base64url") === key ? text : null;
}
