import type { ReactNode } from "react";
import { ResultCount } from "./result-count";

/**
 * The frame of a browsable list: title and lead, filters beside the results, then the notice about
 * ignored values, the count and sort, the list (or its empty state) and the pagination.
 */
export function CatalogShell(props: {
  title: string;
  lead: string;
  resultsLabel: string;
  count: string;
  filters: ReactNode;
  notice?: ReactNode;
  sort?: ReactNode;
  children: ReactNode;
  pagination?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <header className="max-w-3xl">
        <h1 className="text-2xl font-bold md:text-3xl">{props.title}</h1>
        <p className="mt-2 text-muted">{props.lead}</p>
      </header>
      <div className="grid items-start gap-6 lg:grid-cols-[19rem_minmax(0,1fr)]">
        <aside>{props.filters}</aside>
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="sr-only">
            {props.resultsLabel}
          </h2>
          {props.notice}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <ResultCount text={props.count} />
            {props.sort}
          </div>
          {props.children}
          {props.pagination}
        </section>
      </div>
    </div>
  );
}
