"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  /** The key of the value in each datum. */
  readonly key: string;
  readonly name: string;
  readonly color: string;
  /**
   * Diagonal white stripes over the colour: the series stays distinguishable from a plain one
   * without colour (greyscale print, colour-vision deficiency), and in the legend alike.
   */
  readonly hatched?: boolean;
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

/** Axis text and grid: the theme's muted text (≥ 4.5:1 on white) and border colours. */
const AXIS_TEXT = "var(--color-muted, #4b5563)";
const GRID = "var(--color-border, #d5dbe3)";

/**
 * A bar chart of the public statistics (Recharts) with its legend: one swatch per series, drawn
 * with the bars' own fill (colour and, for hatched series, stripes). Decorative for assistive
 * technology: every chart stands beside a data table with the same figures
 * (components/statistics/chart-section.tsx), which screen readers and keyboard users read
 * instead. The width follows its container, so the page never scrolls sideways on a phone.
 */
export function BarChartView({
  data,
  series,
  orientation = "bars",
  unit = "count",
  locale,
  height = 260,
}: BarChartViewProps) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN", {
    notation: unit === "vnd" ? "compact" : "standard",
    maximumFractionDigits: 1,
  });
  const format = (value: unknown) => (typeof value === "number" ? number.format(value) : String(value));
  const rows = orientation === "rows";
  const fillOf = (s: ChartSeries) => (s.hatched ? `url(#${id}-${s.key})` : s.color);
  return (
    <div aria-hidden="true" className="w-full min-w-0">
      {/* The stripes, referenced by the bars and the legend's swatches (same document). */}
      <svg width="0" height="0" className="absolute" focusable="false">
        <defs>
          {series
            .filter((s) => s.hatched)
            .map((s) => (
              <pattern
                key={s.key}
                id={`${id}-${s.key}`}
                patternUnits="userSpaceOnUse"
                width="6"
                height="6"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill={s.color} />
                <rect width="2" height="6" fill="#ffffff" />
              </pattern>
            ))}
        </defs>
      </svg>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={[...data]}
            layout={rows ? "vertical" : "horizontal"}
            margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" stroke={GRID} horizontal={!rows} vertical={rows} />
            {rows ? (
              <>
                <XAxis
                  type="number"
                  tickFormatter={format}
                  allowDecimals={false}
                  fontSize={12}
                  tick={{ fill: AXIS_TEXT }}
                />
                <YAxis type="category" dataKey="label" width={112} fontSize={12} tick={{ fill: AXIS_TEXT }} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" fontSize={12} interval={0} tick={{ fill: AXIS_TEXT }} />
                <YAxis
                  tickFormatter={format}
                  allowDecimals={false}
                  width={48}
                  fontSize={12}
                  tick={{ fill: AXIS_TEXT }}
                />
              </>
            )}
            <Tooltip formatter={format} />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={fillOf(s)}
                stroke={s.color}
                strokeWidth={1}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 px-2 text-sm text-foreground">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <svg width="14" height="14" focusable="false" className="shrink-0">
              <rect x="0.5" y="0.5" width="13" height="13" fill={fillOf(s)} stroke={s.color} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
