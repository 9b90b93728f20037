import { PaginationView, type PageLink } from "./pagination-view";

export type PaginationProps = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: {
    previous: string;
    next: string;
    page: (n: number) => string;
    nav: string;
  };
  className?: string;
};

/** Pages to show: first, last, current ±1; null marks a gap. */
export function pageWindow(page: number, count: number): (number | null)[] {
  const wanted = new Set([1, count, page - 1, page, page + 1]);
  // Avoid a gap that would hide a single page (e.g. 1 … 3).
  if (page - 1 === 3) wanted.add(2);
  if (page + 1 === count - 2) wanted.add(count - 1);
  const pages = [...wanted].filter((p) => p >= 1 && p <= count).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  let prev = 0;
  for (const p of pages) {
    if (p - prev > 1) out.push(null);
    out.push(p);
    prev = p;
  }
  return out;
}

/**
 * Page links: previous, the pages of `pageWindow` (gaps marked "…"), next. Works in server and client
 * components: it resolves the links and labels here and hands them to a client view as plain data,
 * because a server-rendered list travels twice (HTML and RSC payload) and as elements each link
 * weighed several times its href and label.
 */
export function Pagination({ page, pageCount, hrefFor, labels, className }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  const links = pageWindow(current, pageCount).map((p): PageLink | null =>
    p === null ? null : [p, hrefFor(p), labels.page(p)],
  );
  return (
    <PaginationView
      current={current}
      links={links}
      labels={{ previous: labels.previous, next: labels.next, nav: labels.nav }}
      className={className}
    />
  );
}
