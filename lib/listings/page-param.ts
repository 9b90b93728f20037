/** A `page` search param as a page number: anything invalid is page 1, huge values are capped. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number.parseInt(Array.isArray(value) ? (value[0] ?? "") : (value ?? ""), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}
