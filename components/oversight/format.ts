import type { KpiUnit } from "@/lib/kpi/catalogue";
import type { Period } from "@/lib/calendar/periods";
import { periodDays } from "@/lib/calendar/periods";

import type { createFormatter } from "next-intl";

type Formatter = Pick<ReturnType<typeof createFormatter>, "number">;
type Translator = (key: string, values?: Record<string, string | number>) => string;

/** The classes of a figure's cell: aligned to the end in a grid, under its label on a card. */
export const NUM = "text-end tabular-nums not-print:max-sm:text-start";

/** A KPI value as the console shows it: counts whole, durations and shares to one decimal, VND as money. */
export function formatKpi(format: Formatter, unit: KpiUnit, value: number | null, noValue: string): string {
  if (value === null || !Number.isFinite(value)) return noValue;
  switch (unit) {
    case "count":
      return format.number(Math.round(value));
    case "percent":
      return `${format.number(value, { maximumFractionDigits: 1 })} %`;
    case "working_days":
    case "days":
      return format.number(value, { maximumFractionDigits: 1 });
    case "vnd":
      return format.number(value, { style: "currency", currency: "VND", maximumFractionDigits: 0 });
  }
}

/** A calendar day "2026-01-31" as its parts, for the label's own order ("31/01/2026" in Vietnamese). */
const dayParts = (day: string, prefix: "from" | "to") => {
  const [year = "", month = "", date = ""] = day.split("-");
  return { [`${prefix}Year`]: year, [`${prefix}Month`]: month, [`${prefix}Day`]: date };
};

/**
 * "Tháng 11/2026", "Quý 4/2026", "Năm 2026" or a date range, "01/01/2026 – 31/03/2026" in Vietnamese
 * and "2026-01-01 – 2026-03-31" in English, where day-first and month-first dates read alike
 * (`oversight.period.*Label`).
 */
export function periodLabel(t: Translator, period: Period): string {
  const [year, rest] = period.key.split("-");
  switch (period.kind) {
    case "month":
      return t("monthLabel", { month: Number(rest), year: Number(year) });
    case "quarter":
      return t("quarterLabel", { quarter: Number(rest?.slice(1)), year: Number(year) });
    case "year":
      return t("yearLabel", { year: Number(year) });
    case "custom": {
      const { first, last } = periodDays(period);
      return t("customLabel", { ...dayParts(first, "from"), ...dayParts(last, "to") });
    }
  }
}
