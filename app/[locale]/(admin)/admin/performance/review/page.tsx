import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ConsoleFilters } from "@/components/oversight/console-filters";
import { formatKpi, NUM, periodLabel } from "@/components/oversight/format";
import { STATUS_TONE } from "@/components/oversight/kpi-table";
import { PrintButton } from "@/components/oversight/print-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { kpiFields } from "@/lib/kpi/fields";
import { kpiOverview } from "@/lib/kpi/overview";
import { isTargetPeriod } from "@/lib/calendar/periods";
import { consoleQuery, consoleSearch } from "@/lib/kpi/query";
import { reviewRows, statusSummary } from "@/lib/kpi/review";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("oversight.performance");
  return { title: t("review"), robots: { index: false } };
}

/**
 * The operator's performance review (issue #13 item 3): target against actual for every indicator
 * with its status and trend, print-ready, and the same rows as XLSX and CSV.
 */
export default async function ReviewPage({ params, searchParams }: PageProps<"/[locale]/admin/performance/review">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("oversight:read");
  const query = consoleQuery(await searchParams);
  const t = await getTranslations("oversight");
  const format = await getFormatter();
  const tp = (key: string, values?: Record<string, string | number>) => t(`period.${key}`, values);
  const label = periodLabel(tp, query.period);
  const title = t("review.title", { period: label });
  const [overview, fields] = await Promise.all([kpiOverview(user, query.period), kpiFields()]);
  const rows = reviewRows(overview);
  const summary = statusSummary(rows);
  const noValue = t("status.noValue");
  const download = (fmt: "xlsx" | "csv") =>
    `/api/admin/performance/review${consoleSearch(query.period, {}, { format: fmt, lang: locale === "en" ? "en" : undefined })}`;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm print:hidden">
          <Link href={`/admin/performance${consoleSearch(query.period)}`} className="text-brand-700 underline">
            {t("records.back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="max-w-3xl text-muted">{t("review.lead")}</p>
        <p className="max-w-3xl text-sm">{t("review.rule")}</p>
        <p className="text-sm font-medium" data-testid="review-summary">
          {t("review.summary", summary)}
        </p>
        <p className="flex flex-wrap items-center gap-3 text-sm print:hidden">
          <a href={download("xlsx")} className="font-medium text-brand-700 underline" download>
            {t("review.xlsx")}
          </a>
          <a href={download("csv")} className="font-medium text-brand-700 underline" download>
            {t("review.csv")}
          </a>
          <PrintButton label={t("review.print")} />
        </p>
      </header>
      <ConsoleFilters locale={locale} period={query.period} filter={{}} fields={fields} withFilters={false} />
      {!isTargetPeriod(query.period) && <Alert tone="info">{t("review.customNoTargets")}</Alert>}
      <Table scrollLabel={title} data-testid="review-table">
        <THead>
          <TR>
            <TH>{t("performance.metric")}</TH>
            <TH className={NUM}>{t("performance.target")}</TH>
            <TH className={NUM}>{t("performance.value")}</TH>
            <TH>{t("performance.status")}</TH>
            <TH className={NUM}>{t("performance.previous")}</TH>
            <TH className={NUM}>{t("performance.change")}</TH>
            <TH className={NUM}>{t("performance.forecast")}</TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((row) => {
            const show = (v: number | null) => formatKpi(format, row.unit, v, noValue);
            return (
              <TR key={row.metric} data-metric={row.metric}>
                <TH scope="row" className="font-normal whitespace-normal">
                  {t(`metrics.${row.metric}`)}
                </TH>
                <TD className={NUM}>
                  {row.target === null ? "—" : `${row.comparator === "gte" ? "≥" : "≤"} ${show(row.target)}`}
                </TD>
                <TD className={`${NUM} font-medium`} data-testid="review-value">
                  {show(row.value)}
                </TD>
                <TD>
                  {row.status ? (
                    <Badge tone={STATUS_TONE[row.status]}>{t(`status.${row.status}`)}</Badge>
                  ) : (
                    <span className="text-muted">{row.target === null ? t("status.none") : noValue}</span>
                  )}
                </TD>
                <TD className={NUM}>{show(row.previous)}</TD>
                <TD className={NUM}>{row.change === null ? "—" : `${row.change > 0 ? "+" : ""}${show(row.change)}`}</TD>
                <TD className={`${NUM} text-muted`}>{row.forecast === null ? "—" : `≈ ${show(row.forecast)}`}</TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <p className="text-sm text-muted">{t("performance.forecastNote")}</p>
    </div>
  );
}
