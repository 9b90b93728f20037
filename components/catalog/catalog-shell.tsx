"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { ResultCount } from "./result-count";

/**
 * The frame of a browsable list: title and lead, filters beside the results, then the notice about
 * ignored values, the count (with the "save this search" control, if any) and sort, the list (or its empty state) and the pagination. A client
 * component drawn from its texts and slots, with short classes (app/globals.css): a catalog page
 * carries its frame twice (HTML and RSC payload), and this way the payload holds no frame elements.
 */
export function CatalogShell(props: {
  title: string;
  lead: string;
  /** After the lead: where to write a listing of this catalog's kind, its href in the page's language. */
  post?: { href: string; label: string };
  resultsLabel: string;
  count: string;
  filters: ReactNode;
  notice?: ReactNode;
  sort?: ReactNode;
  /** Beside the count: "save this search" on the listing catalogs. */
  save?: ReactNode;
  children: ReactNode;
  pagination?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <header className="page-head">
        <h1>{props.title}</h1>
        <p>
          {props.lead}
          {props.post && (
            <>
              {" "}
              <Link href={props.post.href} className="font-medium text-brand-700 underline">
                {props.post.label}
              </Link>
            </>
          )}
        </p>
      </header>
      <div className="catalog-grid">
        <aside className="min-w-0">{props.filters}</aside>
        <section aria-labelledby="results-heading" className="min-w-0 space-y-4">
          <h2 id="results-heading" className="sr-only">
            {props.resultsLabel}
          </h2>
          {props.notice}
          <div className="catalog-bar">
            {props.save ? (
              <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2">
                <ResultCount text={props.count} />
                {props.save}
              </div>
            ) : (
              <ResultCount text={props.count} />
            )}
            {props.sort}
          </div>
          {props.children}
          {props.pagination}
        </section>
      </div>
    </div>
  );
}
