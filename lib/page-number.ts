import { z } from "zod";

/**
 * The page number of every paginated list — `?page=` in a page's URL, `page` in the public API —
 * read by one rule:
 *
 * - A page number is a whole number from 1 to MAX_PAGE in plain digits: "3", not "03", "3.0",
 *   "3abc", "-1" or "0" (surrounding spaces are ignored, as for every query value).
 * - Anything else is invalid. The public API answers 400 naming the parameter; a page shows page 1
 *   (the catalog and directory pages also tell the visitor which value they ignored).
 * - A valid page past the last one: a page shows the last page (with a notice where it has one);
 *   the API answers an empty page with the total, so a client paging on learns where the end is.
 */
export const MAX_PAGE = 999_999;

export const PageSchema = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,5}$/, `page must be a whole number from 1 to ${MAX_PAGE}`)
  .transform(Number);

/** A page's `?page=` value (the first, when it repeats) as a page number: 1 when missing or invalid. */
export function pageNumber(value: string | string[] | undefined): number {
  const parsed = PageSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : 1;
}

/** The page a page shows for a valid `requested` one: at most the last page of `total` rows (page 1 when empty). */
export function clampPage(requested: number, total: number, pageSize: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(requested, pageCount), pageCount };
}

/**
 * A list page's URL on `page` with its other query values (`null` leaves one out): page 1 and no
 * values give the bare path, so a list has one URL per view.
 */
export function pageHref(base: string, query: Readonly<Record<string, string | null>>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== null) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}
