"use client";

import Link from "next/link";

/** A page of the window: [number, href, accessible label]; null for a gap. */
export type PageLink = readonly [page: number, href: string, label: string];

// Short classes (app/globals.css) instead of the same utility lists on every page link.
const link = "page-item page-link";
const off = "page-item page-off";

/**
 * The markup of ./pagination.tsx, rendered from its resolved links. The window always holds the
 * pages next to the current one and the last page, so they give the previous and next links.
 */
export function PaginationView({
  current,
  links,
  labels,
  className,
}: {
  current: number;
  links: readonly (PageLink | null)[];
  labels: { previous: string; next: string; nav: string };
  className?: string;
}) {
  const href = (page: number) => links.find((entry) => entry?.[0] === page)?.[1];
  const previous = href(current - 1);
  const next = href(current + 1);
  return (
    <nav aria-label={labels.nav} className={className}>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {previous !== undefined ? (
            <Link href={previous} rel="prev" className={link}>
              <span aria-hidden="true">‹</span>
              {labels.previous}
            </Link>
          ) : (
            <span aria-disabled="true" className={off}>
              <span aria-hidden="true">‹</span>
              {labels.previous}
            </span>
          )}
        </li>
        {links.map((entry, i) =>
          entry === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="page-item page-gap">
              …
            </li>
          ) : (
            <li key={entry[0]}>
              <Link
                href={entry[1]}
                aria-label={entry[2]}
                aria-current={entry[0] === current ? "page" : undefined}
                className={entry[0] === current ? "page-item page-current" : link}
              >
                {entry[0]}
              </Link>
            </li>
          ),
        )}
        <li>
          {next !== undefined ? (
            <Link href={next} rel="next" className={link}>
              {labels.next}
              <span aria-hidden="true">›</span>
            </Link>
          ) : (
            <span aria-disabled="true" className={off}>
              {labels.next}
              <span aria-hidden="true">›</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
