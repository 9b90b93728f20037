import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { FunnelChart, TrendChart } from "@/components/oversight/charts";
import { ConsoleFilters } from "@/components/oversight/console-filters";
import { formatKpi, NUM, periodLabel } from "@/components/oversight/format";
import { KpiTable } from "@/components/oversight/kpi-table";
import { Alert } from "@/components/ui/alert";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { parsePeriodKey } from "@/lib/calendar/periods";
import { LOCATIONS } from "@/lib/geo/locations";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { COMPUTED_METRICS, KPI_CATALOGUE, isKpiMetric, metricsOf, type KpiGroup } from "@/lib/kpi/catalogue";
import { computeKpis } from "@/lib/kpi/compute";
import { kpiFields } from "@/lib/kpi/fields";
import { kpiOverview } from "@/lib/kpi/overview";
import { consoleQuery, consoleSearch } from "@/lib/kpi/query";
import { funnelOf } from "@/lib/kpi/values";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("oversight.performance");
  return { title: t("title"), robots: { index: false } };
}

const GROUPS: readonly KpiGroup[] = ["supply_demand", "service_levels", "market_results"];
const BREAKDOWN_METRICS = [
  "offers_published",
  "demands_published",
  "funnel_deals_started",
  "funnel_contracts_signed",
  "contracts_value_total",
] as const;

/**
 * The Department's performance dashboard (issue #13 item 2): the indicators of DOMAIN §9 for a
 * chosen period, filtered and broken down by field, district and organization type; trend,
 * forecast (an estimate) and target status; the funnel and a trend chart, each with its data table;
 * every figure a link to the records behind it.
 */
export default async function PerformancePage({ params, searchParams }: PageProps<"/[locale]/admin/performance">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("oversight:read");
  const raw = await searchParams;
  const query = consoleQuery(raw);
  const trendParam = typeof raw.trend === "string" ? raw.trend : "";
  const trendMetric =
    isKpiMetric(trendParam) && KPI_CATALOGUE[trendParam].computed ? trendParam : "funnel_contracts_signed";
  const t = await getTranslations("oversight");
  const to = await getTranslations("orgTypes");
  const format = await getFormatter();
  const [overview, fields, breakdown] = await Promise.all([
    kpiOverview(user, query.period, { filter: query.filter }),
    kpiFields(),
    query.breakdown ? computeKpis(user, query.period, { filter: query.filter, breakdown: query.breakdown }) : null,
  ]);
  const tp = (key: string, values?: Record<string, string | number>) => t(`period.${key}`, values);
  const label = periodLabel(tp, query.period);
  const records = (metric: string, filter = query.filter) =>
    `/admin/performance/records${consoleSearch(query.period, filter, { metric })}`;
  const noValue = t("status.noValue");
  const funnel = funnelOf(overview.report.values);
  const trend = overview.items.find((i) => i.metric === trendMetric)!;
  const trendRows = [
    ...trend.series.map((p) => ({ period: p.period, value: p.value, forecast: null as number | null })),
    ...(trend.forecast
      ? [{ period: `${t("performance.forecast")}`, value: null, forecast: trend.forecast.value }]
      : []),
  ];
  const dimension = query.breakdown ? t(`dimensions.${query.breakdown}`) : null;
  /** "Tháng 10/2026" for "2026-10": a period of the series in words. */
  const keyPeriod = (key: string) => {
    const period = parsePeriodKey(key);
    return period ? periodLabel(tp, period) : key;
  };
  const keyLabel = (key: string | null) => {
    if (key === null) return t("performance.unknown");
    if (query.breakdown === "field") {
      const f = fields.find((x) => x.code === key);
      return f ? pick(locale, f.nameVi, f.nameEn) : key;
    }
    if (query.breakdown === "district") {
      const l = LOCATIONS.find((x) => x.code === key);
      return l ? pick(locale, l.nameVi, l.nameEn) : key;
    }
    return to.has(key) ? to(key) : key;
  };

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("performance.title")}</h1>
        <p className="max-w-3xl text-muted">{t("performance.lead")}</p>
        <p className="text-sm">
          <span className="font-semibold" data-testid="performance-period">
            {label}
          </span>{" "}
          · {t("performance.asOf", { at: format.dateTime(overview.report.asOf, "datetime") })}
        </p>
        <p className="flex flex-wrap gap-4 text-sm print:hidden">
          <Link
            href={`/admin/performance/review${consoleSearch(query.period)}`}
            className="font-medium text-brand-700 underline"
          >
            {t("performance.review")}
          </Link>
          {can(user, "kpi:manage") && (
            <Link
              href={`/admin/targets${consoleSearch(query.period)}`}
              className="font-medium text-brand-700 underline"
            >
              {t("performance.targets")}
            </Link>
          )}
        </p>
      </header>

      {query.invalid && <Alert tone="warning">{t("period.invalid")}</Alert>}
      <ConsoleFilters
        locale={locale}
        period={query.period}
        filter={query.filter}
        fields={fields}
        breakdown={query.breakdown}
        extra={{ trend: trendMetric }}
      />

      {GROUPS.map((group) => (
        <KpiTable
          key={group}
          caption={t(`groups.${group}`)}
          items={overview.items.filter((i) => metricsOf(group).includes(i.metric))}
          recordsHref={(metric) => records(metric)}
        />
      ))}
      <p className="text-sm text-muted">
        {t("performance.forecastNote")} {t("notComputed")}: {t("metrics.complaint_resolution_days_median")}.
      </p>

      <section aria-labelledby="funnel-heading" className="grid gap-4 lg:grid-cols-2">
        <h2 id="funnel-heading" className="text-lg font-semibold lg:col-span-2">
          {t("performance.funnelTitle")}
        </h2>
        <FunnelChart data={funnel.map((s) => ({ label: t(`metrics.${s.metric}`), count: s.count ?? 0 }))} />
        <Table scrollLabel={t("performance.funnelTitle")} containerClassName="self-start" data-testid="funnel-table">
          <caption className="sr-only">{t("performance.chartTable")}</caption>
          <THead>
            <TR>
              <TH>{t("performance.funnelStage")}</TH>
              <TH className={NUM}>{t("performance.funnelCount")}</TH>
              <TH className={NUM}>{t("performance.funnelConversion")}</TH>
            </TR>
          </THead>
          <TBody>
            {funnel.map((s) => (
              <TR key={s.metric}>
                <TH scope="row" className="font-normal whitespace-normal">
                  {t(`metrics.${s.metric}`)}
                </TH>
                <TD className={NUM}>
                  <Link href={records(s.metric)} className="text-brand-700 underline">
                    {formatKpi(format, "count", s.count, noValue)}
                  </Link>
                </TD>
                <TD className={NUM}>
                  {s.conversion === null ? "—" : formatKpi(format, "percent", s.conversion, noValue)}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="trend-heading" className="space-y-3">
        <h2 id="trend-heading" className="text-lg font-semibold">
          {t("performance.trendTitle", { metric: t(`metrics.${trendMetric}`) })}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2 print:hidden">
          {Object.entries(Object.fromEntries(new URLSearchParams(consoleSearch(query.period, query.filter)))).map(
            ([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ),
          )}
          <label className="text-sm">
            <span className="block font-medium">{t("performance.chooseTrend")}</span>
            <select name="trend" defaultValue={trendMetric} className="form-control">
              {COMPUTED_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`metrics.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-secondary btn-md">
            {t("period.apply")}
          </button>
        </form>
        <div className="grid gap-4 lg:grid-cols-2">
          <TrendChart data={trendRows} />
          <Table
            scrollLabel={t("performance.trendTitle", { metric: t(`metrics.${trendMetric}`) })}
            containerClassName="self-start"
            data-testid="trend-table"
          >
            <caption className="sr-only">{t("performance.chartTable")}</caption>
            <THead>
              <TR>
                <TH>{t("performance.trendPeriod")}</TH>
                <TH className={NUM}>{t("performance.value")}</TH>
              </TR>
            </THead>
            <TBody>
              {trend.series.map((p) => (
                <TR key={p.period}>
                  <TH scope="row" className="font-normal">
                    {keyPeriod(p.period)}
                  </TH>
                  <TD className={NUM}>{formatKpi(format, KPI_CATALOGUE[trendMetric].unit, p.value, noValue)}</TD>
                </TR>
              ))}
              {trend.forecast && (
                <TR className="text-muted">
                  <TH scope="row" className="font-normal text-muted">
                    {t("performance.forecast")}
                  </TH>
                  <TD className={`${NUM} text-muted`}>
                    ≈ {formatKpi(format, KPI_CATALOGUE[trendMetric].unit, trend.forecast.value, noValue)}
                  </TD>
                </TR>
              )}
            </TBody>
          </Table>
        </div>
      </section>

      {breakdown?.breakdown && query.breakdown && dimension && (
        <section aria-labelledby="breakdown-heading" className="space-y-3">
          <h2 id="breakdown-heading" className="text-lg font-semibold">
            {t("performance.breakdownTitle", { dimension })}
          </h2>
          <Table scrollLabel={t("performance.breakdownTitle", { dimension })} data-testid="breakdown-table">
            <THead>
              <TR>
                <TH>{dimension}</TH>
                {BREAKDOWN_METRICS.map((m) => (
                  <TH key={m} className={`${NUM} whitespace-normal`}>
                    {t(`metrics.${m}`)}
                  </TH>
                ))}
              </TR>
            </THead>
            <TBody>
              {breakdown.breakdown.rows.map((row) => (
                <TR key={row.key ?? "unknown"}>
                  <TH scope="row" className="font-normal whitespace-normal">
                    {keyLabel(row.key)}
                  </TH>
                  {BREAKDOWN_METRICS.map((m) => (
                    <TD key={m} className={NUM}>
                      {row.values[m].value === null ? (
                        "—"
                      ) : row.key === null ? (
                        formatKpi(format, KPI_CATALOGUE[m].unit, row.values[m].value, noValue)
                      ) : (
                        <Link
                          href={records(m, { ...query.filter, [query.breakdown!]: row.key })}
                          className="text-brand-700 underline"
                        >
                          {formatKpi(format, KPI_CATALOGUE[m].unit, row.values[m].value, noValue)}
                        </Link>
                      )}
                    </TD>
                  ))}
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
      )}
    </div>
  );
}
