import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { KPI_CATALOGUE } from "@/lib/kpi/catalogue";
import type { KpiOverviewItem } from "@/lib/kpi/overview";
import { Link } from "@/lib/i18n/navigation";
import { formatKpi, NUM } from "./format";

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
    <Table scrollLabel={caption}>
      <caption className="px-4 pt-3 pb-1 text-start text-base font-semibold not-print:max-sm:px-0">{caption}</caption>
      <THead>
        <TR>
          <TH>{t("performance.metric")}</TH>
          <TH className={NUM}>{t("performance.value")}</TH>
          <TH className={NUM}>{t("performance.previous")}</TH>
          <TH className={NUM}>{t("performance.change")}</TH>
          <TH className={NUM}>{t("performance.forecast")}</TH>
          <TH className={NUM}>{t("performance.target")}</TH>
          <TH>{t("performance.status")}</TH>
        </TR>
      </THead>
      <TBody>
        {items.map((item) => {
          const { unit } = KPI_CATALOGUE[item.metric];
          const show = (v: number | null) => formatKpi(format, unit, v, noValue);
          const change = item.trend.change;
          return (
            <TR key={item.metric} data-metric={item.metric}>
              <TH scope="row" className="font-normal whitespace-normal">
                {t(`metrics.${item.metric}`)}
              </TH>
              <TD className={`${NUM} font-medium`}>
                {item.value.value === null ? (
                  noValue
                ) : (
                  <Link href={recordsHref(item.metric)} className="text-brand-700 underline" data-testid="kpi-value">
                    {show(item.value.value)}
                  </Link>
                )}
              </TD>
              <TD className={NUM}>{show(item.trend.previous)}</TD>
              <TD className={NUM}>
                {change === null ? "—" : `${change > 0 ? "+" : ""}${show(change)}`}
                {item.trend.changePercent !== null && (
                  <span className="text-xs text-muted">
                    {" "}
                    ({item.trend.changePercent > 0 ? "+" : ""}
                    {format.number(item.trend.changePercent, { maximumFractionDigits: 0 })} %)
                  </span>
                )}
              </TD>
              <TD className={`${NUM} text-muted`}>{item.forecast ? `≈ ${show(item.forecast.value)}` : "—"}</TD>
              <TD className={NUM}>
                {item.target ? `${item.target.comparator === "gte" ? "≥" : "≤"} ${show(item.target.target)}` : "—"}
              </TD>
              <TD>
                {item.target?.status ? (
                  <Badge tone={STATUS_TONE[item.target.status]}>{t(`status.${item.target.status}`)}</Badge>
                ) : (
                  <span className="text-muted">{item.target ? noValue : t("status.none")}</span>
                )}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
