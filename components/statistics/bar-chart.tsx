"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  /** The key of the value in each datum. */
  readonly key: string;
  readonly name: string;
  readonly color: string;
}

export type ChartDatum = { readonly label: string } & Record<string, string | number>;

export interface BarChartViewProps {
  readonly data: readonly ChartDatum[];
  readonly series: readonly ChartSeries[];
  /** "bars": vertical bars along a category axis; "rows": horizontal bars, one row per category (long labels). */
  readonly orientation?: "bars" | "rows";
  /** How values read in the axis and the tooltip. */
  readonly unit?: "count" | "vnd";
  readonly locale: string;
  readonly height?: number;
}

/**
 * A bar chart of the public statistics (Recharts). Decorative for assistive technology: every
 * chart stands beside a data table with the same figures (components/statistics/chart-section.tsx),
 * which screen readers and keyboard users read instead. The width follows its container, so the
 * page never scrolls sideways on a phone.
 */
export function BarChartView({
  data,
  series,
  orientation = "bars",
  unit = "count",
  locale,
  height = 260,
}: BarChartViewProps) {
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN", {
    notation: unit === "vnd" ? "compact" : "standard",
    maximumFractionDigits: 1,
  });
  const format = (value: unknown) => (typeof value === "number" ? number.format(value) : String(value));
  const rows = orientation === "rows";
  return (
    <div aria-hidden="true" className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={[...data]}
          layout={rows ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={!rows} vertical={rows} />
          {rows ? (
            <>
              <XAxis type="number" tickFormatter={format} allowDecimals={false} fontSize={12} />
              <YAxis type="category" dataKey="label" width={110} fontSize={12} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" fontSize={12} interval={0} />
              <YAxis tickFormatter={format} allowDecimals={false} width={48} fontSize={12} />
            </>
          )}
          <Tooltip formatter={format} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
