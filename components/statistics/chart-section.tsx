import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { BarChartView, type BarChartViewProps } from "./bar-chart";

export interface ChartTable {
  /** Column headers; the first column holds each row's header cell. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * One chart of the statistics page with its data table beside it (below it on a phone): the table
 * is the accessible form of the chart, a labelled, keyboard-scrollable region of the same figures.
 */
export function ChartSection({
  id,
  title,
  note,
  chart,
  table,
}: {
  id: string;
  title: string;
  note?: string;
  chart: BarChartViewProps;
  table: ChartTable;
}) {
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {note && <p className="text-sm text-muted">{note}</p>}
      <div className="grid min-w-0 gap-4 lg:grid-cols-2">
        <div className="min-w-0 rounded-lg border border-border bg-surface p-2">
          <BarChartView {...chart} />
        </div>
        <Table scrollLabel={title} containerClassName="min-w-0 self-start">
          <THead>
            <TR>
              {table.columns.map((column) => (
                <TH key={column}>{column}</TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {table.rows.map(([head, ...cells], i) => (
              <TR key={`${head}-${i}`}>
                <TH scope="row" className="border-b-0 font-normal whitespace-normal">
                  {head}
                </TH>
                {cells.map((cell, j) => (
                  <TD key={j} className="tabular-nums">
                    {cell}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </section>
  );
}
