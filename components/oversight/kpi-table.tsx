import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { KPI_CATALOGUE } from "@/lib/kpi/catalogue";
import type { KpiOverviewItem } from "@/lib/kpi/overview";
import { Link } from "@/lib/i18n/navigation";
import { formatKpi } from "./format";

export const STATUS_TONE: Record<string, BadgeTone> = { met: "success", at_risk: "warning", missed: "danger" };

/**
 * One group of indicators: value (a link to the records it counts), the previous period and the
 * change, the labelled estimate for the next period, the target and its status.
 */
export async function KpiTable({
  caption,
  items,
  recordsHref,
}: {
  caption: string;
  items: readonly KpiOverviewItem[];
  recordsHref: (metric: string) => string;
}) {
  const t = await getTranslations("oversight");
  const format = await getFormatter();
  const noValue = t("status.noValue");
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-3 pt-3 text-left text-base font-semibold">{caption}</caption>
        <thead className="border-b border-border text-muted">
          <tr>
            <th className="px-3 py-2">{t("performance.metric")}</th>
            <th className="px-3 py-2 text-right">{t("performance.value")}</th>
            <th className="px-3 py-2 text-right">{t("performance.previous")}</th>
            <th className="px-3 py-2 text-right">{t("performance.change")}</th>
            <th className="px-3 py-2 text-right">{t("performance.forecast")}</th>
            <th className="px-3 py-2 text-right">{t("performance.target")}</th>
            <th className="px-3 py-2">{t("performance.status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const { unit } = KPI_CATALOGUE[item.metric];
            const show = (v: number | null) => formatKpi(format, unit, v, noValue);
            const change = item.trend.change;
            return (
              <tr key={item.metric} className="border-b border-border last:border-0" data-metric={item.metric}>
                <th scope="row" className="px-3 py-2 font-normal">
                  {t(`metrics.${item.metric}`)}
                </th>
                <td className="px-3 py-2 text-right font-medium">
                  {item.value.value === null ? (
                    noValue
                  ) : (
                    <Link href={recordsHref(item.metric)} className="text-brand-700 underline" data-testid="kpi-value">
                      {show(item.value.value)}
                    </Link>
                  )}
                </td>
                <td className="px-3 py-2 text-right">{show(item.trend.previous)}</td>
                <td className="px-3 py-2 text-right">
                  {change === null ? "—" : `${change > 0 ? "+" : ""}${show(change)}`}
                  {item.trend.changePercent !== null && (
                    <span className="text-xs text-muted">
                      {" "}
                      ({item.trend.changePercent > 0 ? "+" : ""}
                      {format.number(item.trend.changePercent, { maximumFractionDigits: 0 })} %)
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 text-right text-muted">
                  {item.forecast ? `≈ ${show(item.forecast.value)}` : "—"}
                </td>
                <td className="px-3 py-2 text-right">
                  {item.target ? `${item.target.comparator === "gte" ? "≥" : "≤"} ${show(item.target.target)}` : "—"}
                </td>
                <td className="px-3 py-2">
                  {item.target?.status ? (
                    <Badge tone={STATUS_TONE[item.target.status]}>{t(`status.${item.target.status}`)}</Badge>
                  ) : (
                    <span className="text-muted">{item.target ? noValue : t("status.none")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
