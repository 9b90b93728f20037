import Link from "next/link";
import { cn } from "../../lib/cn";

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
function pageWindow(page: number, count: number): (number | null)[] {
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

// One short class (app/globals.css) instead of the same utility list on every page link.
const item = "page-item";
const link = "text-brand-700 hover:bg-brand-50";

export function Pagination({ page, pageCount, hrefFor, labels, className }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  const hasPrev = current > 1;
  const hasNext = current < pageCount;

  return (
    <nav aria-label={labels.nav} className={className}>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {hasPrev ? (
            <Link href={hrefFor(current - 1)} rel="prev" className={cn(item, link)}>
              <span aria-hidden="true">‹</span>
              {labels.previous}
            </Link>
          ) : (
            <span aria-disabled="true" className={cn(item, "text-muted opacity-60")}>
              <span aria-hidden="true">‹</span>
              {labels.previous}
            </span>
          )}
        </li>
        {pageWindow(current, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className={cn(item, "min-w-6 px-0 text-muted")}>
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={hrefFor(p)}
                aria-label={labels.page(p)}
                aria-current={p === current ? "page" : undefined}
                className={cn(
                  item,
                  "tabular-nums",
                  p === current ? "bg-brand-700 text-white hover:bg-brand-800" : link,
                )}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {hasNext ? (
            <Link href={hrefFor(current + 1)} rel="next" className={cn(item, link)}>
              {labels.next}
              <span aria-hidden="true">›</span>
            </Link>
          ) : (
            <span aria-disabled="true" className={cn(item, "text-muted opacity-60")}>
              {labels.next}
              <span aria-hidden="true">›</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
