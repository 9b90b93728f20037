"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface WeeklySeries {
  /** The key of the value in each datum. */
  readonly key: string;
  readonly name: string;
  readonly color: string;
}

export type WeeklyDatum = { readonly label: string } & Record<string, string | number>;

/**
 * Weekly counts of one listing as bars (Recharts). Hidden from assistive technology: the page
 * renders a data table with the same figures beside it, as the Department's console does
 * (components/oversight/charts.tsx). The width follows its container, so nothing scrolls sideways
 * on a phone.
 */
export function WeeklyChart({ data, series }: { data: readonly WeeklyDatum[]; series: readonly WeeklySeries[] }) {
  return (
    <div className="h-64 w-full min-w-0" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} width={40} fontSize={12} />
          <Tooltip />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
