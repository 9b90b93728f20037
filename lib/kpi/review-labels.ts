import type { ReviewLabels } from "./export";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The review's words for the exports, from the `oversight` catalog of the request's language. */
export function reviewLabels(t: Translate, periodText: string, generatedText: string): ReviewLabels {
  return {
    title: t("review.title", { period: periodText }),
    period: `${t("export.period")}: ${periodText}`,
    generated: t("export.generated", { at: generatedText }),
    sheet: t("export.sheet"),
    headers: [
      t("performance.metric"),
      t("units.label"),
      t("performance.value"),
      t("performance.previous"),
      t("performance.change"),
      t("performance.forecast"),
      t("performance.target"),
      t("targets.comparator"),
      t("performance.status"),
    ],
    metric: (row) => t(`metrics.${row.metric}`),
    unit: (unit) => t(`units.${unit}`),
    status: (row) =>
      row.status ? t(`status.${row.status}`) : row.target === null ? t("status.none") : t("status.noValue"),
    comparator: (row) => (row.comparator ? t(`targets.${row.comparator}`) : ""),
  };
}
