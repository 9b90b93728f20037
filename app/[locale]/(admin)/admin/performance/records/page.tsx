import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { formatKpi, NUM, periodLabel } from "@/components/oversight/format";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { KPI_CATALOGUE, isKpiMetric } from "@/lib/kpi/catalogue";
import { kpiRecords } from "@/lib/kpi/drilldown";
import { consoleQuery, consoleSearch } from "@/lib/kpi/query";
import { pageNumber } from "@/lib/page-number";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("oversight.performance");
  return { title: t("title"), robots: { index: false } };
}

/**
 * The records behind one figure of the dashboard (issue #13 item 2, drill-down): exactly the ones
 * counted — for a share, every record of its denominator with whether it met the condition; for a
 * median, every item measured with its measure; for a sum, each record's amount.
 */
export default async function KpiRecordsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/performance/records">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("oversight:read");
  const raw = await searchParams;
  const metric = typeof raw.metric === "string" ? raw.metric : "";
  if (!isKpiMetric(metric) || !KPI_CATALOGUE[metric].computed) notFound();
  const query = consoleQuery(raw);
  const page = pageNumber(raw.page);
  const result = await kpiRecords(user, metric, query.period, query.filter, page);
  const t = await getTranslations("oversight");
  const format = await getFormatter();
  const tpg = await getTranslations("pagination");
  const tp = (key: string, values?: Record<string, string | number>) => t(`period.${key}`, values);
  const { unit } = KPI_CATALOGUE[metric];
  const showMet = unit === "percent";
  const showMeasure = unit === "working_days" || unit === "days";
  const showAmount = unit === "vnd";
  const base = consoleSearch(query.period, query.filter, { metric });
  const title = t("records.title", { metric: t(`metrics.${metric}`) });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm print:hidden">
          <Link
            href={`/admin/performance${consoleSearch(query.period, query.filter)}`}
            className="text-brand-700 underline"
          >
            {t("records.back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-muted" data-testid="records-total">
          {t("records.lead", { period: periodLabel(tp, query.period), count: result.total })}
        </p>
      </header>
      {result.records.length === 0 ? (
        <p className="text-muted">{t("records.empty")}</p>
      ) : (
        <Table scrollLabel={title} data-testid="kpi-records">
          <THead>
            <TR>
              <TH>{t("records.record")}</TH>
              <TH>{t("records.at")}</TH>
              {showAmount && <TH className={NUM}>{t("records.amount")}</TH>}
              {showMet && <TH>{t("records.met")}</TH>}
              {showMeasure && <TH className={NUM}>{t("records.measure")}</TH>}
            </TR>
          </THead>
          <TBody>
            {result.records.map((r) => (
              <TR key={`${r.kind}:${r.id}`}>
                <TD>
                  <span className="text-xs text-muted">{t(`records.kind.${r.kind}`)} · </span>
                  <Link href={r.href} className="text-brand-700 underline">
                    {r.label}
                  </Link>
                </TD>
                <TD>{r.at ? format.dateTime(r.at, "datetime") : "—"}</TD>
                {showAmount && (
                  <TD className={NUM}>
                    {r.amount !== undefined ? formatKpi(format, "vnd", Number(r.amount), "—") : "—"}
                  </TD>
                )}
                {showMet && <TD>{r.met === undefined ? "—" : t(r.met ? "records.yes" : "records.no")}</TD>}
                {showMeasure && (
                  <TD className={NUM}>{r.measure === undefined ? "—" : formatKpi(format, unit, r.measure, "—")}</TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(p) => `/admin/performance/records${base}${p > 1 ? `&page=${p}` : ""}`}
        labels={{ previous: tpg("previous"), next: tpg("next"), nav: tpg("nav"), page: (n) => tpg("page", { n }) }}
      />
    </div>
  );
}
