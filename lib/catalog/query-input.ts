/** A query string as Next.js pages (`searchParams`) or route handlers (`URL.searchParams`) see it. */
export type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * One trimmed value per key (the first, when a key repeats). Empty values are dropped because a GET
 * form submits every control, so "no choice" arrives as `trlMin=`.
 */
export function firstValues(input: QueryInput): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, string | string[] | undefined][] =
    input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [key, raw] of entries) {
    if (key in out) continue;
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

type Scalar = string | number | boolean | undefined;

/**
 * The order a list takes when the URL names none: by relevance with a text query, newest first
 * without (lib/catalog/catalog.ts). A URL leaves its default out, and must name any other order —
 * "newest" too when there is a text query.
 */
export function defaultSort(filters: { q?: unknown }): "relevance" | "newest" {
  return filters.q ? "relevance" : "newest";
}

/**
 * The canonical query string for a set of parsed filters: defaults and empty values are left out
 * so links stay short and the same filters always give the same URL.
 */
export function toQueryString(filters: Record<string, Scalar>, overrides: Record<string, Scalar> = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || value === "") continue;
    if (key === "page" && value === 1) continue;
    if (key === "sort" && value === defaultSort(merged)) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Whether the raw query already is the canonical one (no empty fields, defaults or unknown keys), so
 * a page can redirect a submitted GET form (`?sector=&trlMin=5&...`) to a short, shareable URL.
 */
export function isCanonical(raw: QueryInput, canonical: string): boolean {
  const wanted = new URLSearchParams(canonical);
  const entries: [string, string][] =
    raw instanceof URLSearchParams
      ? [...raw.entries()]
      : Object.entries(raw).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
        );
  return entries.length === [...wanted.keys()].length && entries.every(([k, v]) => wanted.get(k) === v);
}
