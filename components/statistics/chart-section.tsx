import type { ReactNode } from "react";
import { Table } from "@/components/ui/table";
import { BarChartView, type BarChartViewProps } from "./bar-chart";

export interface ChartTable {
  /** Column headers; the first column holds each row's header cell. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The name of the table's scroll region: not the section's own name, so every landmark's name is unique. */
  readonly label: string;
  /**
   * Under 640 px, one card per row instead of the table (for tables with many columns, which would
   * not fit a phone's width without scrolling sideways).
   */
  readonly cardsOnPhone?: boolean;
}

// Cells wrap (headers included) and keep small side padding on a phone, so a three-column table
// fits 390 px without scrolling.
const HEAD = "border-b border-border px-3 py-2.5 text-start align-bottom font-semibold text-foreground sm:px-4";
const ROW_HEAD = "min-w-24 px-3 py-3 text-start font-medium text-foreground sm:px-4";
const CELL = "px-3 py-3 text-foreground tabular-nums sm:px-4";

/**
 * One chart of the statistics page with its data table beside it (below it on a phone): the table
 * is the accessible form of the chart, a labelled, keyboard-scrollable region of the same figures.
 * `empty` replaces chart and table when there is nothing to show yet.
 */
export function ChartSection({
  id,
  title,
  note,
  chart,
  table,
  empty,
}: {
  id: string;
  title: string;
  note?: string;
  chart: BarChartViewProps;
  table: ChartTable;
  empty?: ReactNode;
}) {
  const valueColumns = table.columns.slice(1);
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {note && <p className="text-sm text-muted">{note}</p>}
      {empty ?? (
        <div className="grid min-w-0 gap-4 lg:grid-cols-2">
          <div className="min-w-0 self-start rounded-lg border border-border bg-surface p-2">
            <BarChartView {...chart} />
          </div>
          <Table
            scrollLabel={table.label}
            containerClassName={`min-w-0 self-start ${table.cardsOnPhone ? "hidden sm:block" : ""}`}
          >
            <thead className="bg-surface-muted">
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col" className={HEAD}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {table.rows.map(([head, ...cells], i) => (
                <tr key={`${head}-${i}`} className="align-top">
                  <th scope="row" className={ROW_HEAD}>
                    {head}
                  </th>
                  {cells.map((cell, j) => (
                    <td key={j} className={CELL}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
          {table.cardsOnPhone && (
            <ul aria-label={table.label} className="grid gap-3 sm:hidden">
              {table.rows.map(([head, ...cells], i) => (
                <li key={`${head}-${i}`} className="rounded-lg border border-border bg-surface px-4 py-3">
                  <p className="font-semibold">{head}</p>
                  <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
                    {cells.map((cell, j) => (
                      <div key={j} className="contents">
                        <dt className="text-muted">{valueColumns[j]}</dt>
                        <dd className="text-end tabular-nums">{cell}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
