import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { WeeklyChart, type WeeklySeries } from "./weekly-chart";

/**
 * A chart of weekly counts with its data table beside it (below it on a phone): the table is the
 * accessible form of the chart, a labelled, keyboard-scrollable region of the same figures.
 */
export function WeeklySection({
  id,
  title,
  tableLabel,
  weekHeader,
  weeks,
  rowLabels = weeks,
  series,
}: {
  id: string;
  title: string;
  /** The table's accessible name (the region and the caption). */
  tableLabel: string;
  weekHeader: string;
  /** The weeks' labels on the chart's axis, oldest first. */
  weeks: readonly string[];
  /** The same weeks as the table's row headers (default: `weeks`). */
  rowLabels?: readonly string[];
  series: readonly (WeeklySeries & { values: readonly number[]; format: (n: number) => string })[];
}) {
  const data = weeks.map((label, i) => ({
    label,
    ...Object.fromEntries(series.map((s) => [s.key, s.values[i] ?? 0])),
  }));
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="grid min-w-0 gap-4 lg:grid-cols-2">
        <div className="min-w-0 self-start rounded-lg border border-border bg-surface p-2">
          <WeeklyChart data={data} series={series.map(({ key, name, color }) => ({ key, name, color }))} />
        </div>
        <Table scrollLabel={tableLabel} containerClassName="min-w-0 self-start" data-testid={`${id}-table`}>
          <caption className="sr-only">{tableLabel}</caption>
          <THead>
            <TR>
              <TH>{weekHeader}</TH>
              {series.map((s) => (
                <TH key={s.key} className="text-end">
                  {s.name}
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {rowLabels.map((label, i) => (
              <TR key={label}>
                <TH scope="row" className="border-b-0 font-normal whitespace-normal">
                  {label}
                </TH>
                {series.map((s) => (
                  <TD key={s.key} className="text-end tabular-nums">
                    {s.format(s.values[i] ?? 0)}
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
