import { getFormatter, getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/stat";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import type { KpiMetric } from "@/lib/kpi/catalogue";
import { isFinished, type Period } from "@/lib/calendar/periods";
import {
  countOf,
  fieldNames,
  metricOf,
  publicStatistics,
  quarterlyResults,
  type PublicMetrics,
} from "@/lib/open-data/statistics";
import { ChartSection } from "./chart-section";
import { PeriodNav, periodTitle } from "./period-nav";
import { ON_TIME, whatExists } from "./what-exists";

// Blue and orange, told apart in every common colour-vision deficiency; each ≥ 4.5:1 on white, and
// the demands hatched so that the two series differ without colour too.
const OFFER_COLOR = "var(--color-brand-600)";
const DEMAND_COLOR = "var(--color-warning-600)";
/**
 * The public statistics of one period (issue #13 item 8): headline figures, listings by field and
 * by TRL, the deal funnel, contracts and their value by quarter, registrations and the operator's
 * on-time rates — every figure from the KPI engine's public metrics (lib/open-data/statistics.ts),
 * each chart with its data table. Rendered inside cached pages (README "Caching").
 *
 * It shows what exists (./what-exists.ts): figures of activity (new listings, matches, expiries)
 * only when there was some; contracts, their value, registrations and the deal stages of the
 * funnel only when the period has deals to count ("0 contracts" would otherwise read as a dead
 * exchange); the quarters from the first one with a contract or registration. The figures
 * themselves are the engine's, unchanged, so they stay identical to the Department's dashboard.
 */
export async function StatisticsView({ locale, period }: { locale: string; period: Period }) {
  const now = new Date();
  const t = await getTranslations("statistics");
  const labels = await getTranslations("oversight.metrics");
  const format = await getFormatter();
  const [stats, quarters, fields, title] = await Promise.all([
    publicStatistics(period),
    quarterlyResults(period),
    fieldNames(),
    periodTitle(period),
  ]);
  const m = stats.metrics;
  const n = (value: number) => format.number(value);
  const vnd = (value: string) => format.number(BigInt(value));
  const percent = (value: number) => `${format.number(value, { maximumFractionDigits: 1 })} %`;
  const count = (metric: KpiMetric) => countOf(m, metric);

  const byField = fields.map((f) => {
    const row = stats.byField.find((r) => r.field?.code === f.code)?.metrics;
    const of = (metrics: PublicMetrics | undefined, metric: KpiMetric) => (metrics ? countOf(metrics, metric) : 0);
    return {
      label: pick(locale, f.nameVi, f.nameEn),
      offers: of(row, "offers_published"),
      demands: of(row, "demands_published"),
    };
  });
  const trlLabel = (level: number) => t("trlLevel", { level });
  const series = [
    { key: "offers", name: t("offers"), color: OFFER_COLOR },
    { key: "demands", name: t("demands"), color: DEMAND_COLOR, hatched: true },
  ];
  const {
    dealsToCount,
    funnel,
    funnelEmpty,
    listingsExist,
    quarters: shownQuarters,
    onTime,
  } = whatExists(stats, quarters);
  const quarterLabel = (key: string) =>
    t("period.quarterTitle", { quarter: Number(key.slice(-1)), year: key.slice(0, 4) });
  const contractValue = String(metricOf(m, "contracts_value_total").value ?? "0");
  // Flows shown only when something happened: a row of zeros reads as a closed exchange.
  const activity = [
    { label: t("offersNew"), value: count("offers_new") },
    { label: t("demandsNew"), value: count("demands_new") },
    { label: t("matchesNew"), value: count("funnel_matches_suggested") },
    { label: labels("listings_expired"), value: count("listings_expired") },
  ].filter((figure) => figure.value > 0);
  const noListings = listingsExist ? undefined : <p>{t("noListings")}</p>;

  return (
    <div className="min-w-0 space-y-10">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        <PeriodNav period={period} now={now} />
        <p className="text-lg font-semibold" data-testid="statistics-period">
          {title}
        </p>
        <p className="text-sm text-muted">
          {t("period.asOf", {
            time: format.dateTime(new Date(stats.asOf), {
              dateStyle: "medium",
              timeStyle: "short",
              timeZone: "Asia/Ho_Chi_Minh",
            }),
          })}
          {!isFinished(period, now) && ` ${t("period.running")}`}
        </p>
      </div>

      <section aria-labelledby="headline" className="space-y-3">
        <h2 id="headline" className="sr-only">
          {t("headline")}
        </h2>
        {listingsExist || count("organizations_verified") > 0 || activity.length > 0 ? (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Stat label={t("offers")} value={n(count("offers_published"))} />
            <Stat label={t("demands")} value={n(count("demands_published"))} />
            <Stat label={t("organizations")} value={n(count("organizations_verified"))} />
            {dealsToCount && <Stat label={t("contracts")} value={n(count("funnel_contracts_signed"))} />}
            {activity.map((figure) => (
              <Stat key={figure.label} label={figure.label} value={n(figure.value)} />
            ))}
            {contractValue !== "0" && (
              <Stat label={labels("contracts_value_total")} value={`${vnd(contractValue)} ₫`} />
            )}
          </div>
        ) : (
          <p>{t("nothingYet")}</p>
        )}
      </section>

      <ChartSection
        id="by-field"
        title={t("byField")}
        note={t("byFieldNote")}
        empty={noListings}
        chart={{ data: byField, series, orientation: "rows", locale, height: 320 }}
        table={{
          label: t("tableOf", { title: t("byField") }),
          columns: [t("field"), t("offers"), t("demands")],
          rows: byField.map((r) => [r.label, n(r.offers), n(r.demands)]),
        }}
      />

      <ChartSection
        id="by-trl"
        title={t("byTrl")}
        note={t("byTrlNote")}
        empty={noListings}
        chart={{ data: stats.byTrl.map((r) => ({ ...r, label: String(r.trl) })), series, locale }}
        table={{
          label: t("tableOf", { title: t("byTrl") }),
          columns: [t("trl"), t("offers"), t("demands")],
          rows: stats.byTrl.map((r) => [trlLabel(r.trl), n(r.offers), n(r.demands)]),
        }}
      />

      <ChartSection
        id="funnel"
        title={t("funnel.title")}
        note={dealsToCount || funnelEmpty ? t("funnel.note") : `${t("funnel.note")} ${t("funnel.noDeals")}`}
        empty={funnelEmpty ? <p>{t("funnel.empty")}</p> : undefined}
        chart={{
          data: funnel.map((s) => ({ label: labels(s.metric), count: s.count ?? 0 })),
          series: [{ key: "count", name: t("funnel.count"), color: OFFER_COLOR }],
          orientation: "rows",
          locale,
          height: 80 + 34 * funnel.length,
        }}
        table={{
          label: t("tableOf", { title: t("funnel.title") }),
          columns: [t("funnel.stage"), t("funnel.count"), t("funnel.conversion")],
          rows: funnel.map((s) => [
            labels(s.metric),
            s.count === null ? t("notMeasured") : n(s.count),
            s.conversion === null ? t("notMeasured") : percent(s.conversion),
          ]),
        }}
      />

      <ChartSection
        id="quarters"
        title={t("quarters.title")}
        note={t("quarters.note")}
        empty={shownQuarters.length === 0 ? <p>{t("quarters.none")}</p> : undefined}
        chart={{
          data: shownQuarters.map((q) => ({ label: quarterLabel(q.period), value: Number(q.value) })),
          series: [{ key: "value", name: t("quarters.value"), color: OFFER_COLOR }],
          orientation: "rows",
          unit: "vnd",
          locale,
          height: 80 + 34 * shownQuarters.length,
        }}
        table={{
          label: t("tableOf", { title: t("quarters.title") }),
          cardsOnPhone: true,
          columns: [
            t("quarters.quarter"),
            t("quarters.contracts"),
            t("quarters.value"),
            t("quarters.filed"),
            t("quarters.certified"),
          ],
          rows: shownQuarters.map((q) => [
            quarterLabel(q.period),
            n(q.contracts),
            vnd(q.value),
            n(q.registrationsFiled),
            n(q.registrationsCertified),
          ]),
        }}
      />

      <section aria-labelledby="registrations" className="space-y-3">
        <h2 id="registrations" className="text-lg font-semibold">
          {t("registrations.title")}
        </h2>
        {dealsToCount ? (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Stat label={t("registrations.filed")} value={n(count("registrations_filed"))} />
            <Stat label={t("registrations.certified")} value={n(count("funnel_registrations_certified"))} />
            <Stat label={t("registrations.stateFunded")} value={n(count("state_funded_commercialised"))} />
          </div>
        ) : (
          <p>{t("registrations.none")}</p>
        )}
      </section>

      <section aria-labelledby="on-time" className="space-y-3">
        <h2 id="on-time" className="text-lg font-semibold">
          {t("onTime.title")}
        </h2>
        {onTime.length > 0 ? (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            {onTime.map(({ metric, value, numerator, denominator }) => (
              <Stat
                key={metric}
                label={labels(metric)}
                value={typeof value === "number" ? percent(value) : t("notMeasured")}
                hint={t("onTime.of", { numerator: numerator ?? 0, denominator: denominator ?? 0 })}
              />
            ))}
          </div>
        ) : (
          <p>{t("onTime.noneMeasured")}</p>
        )}
        {onTime.length > 0 && onTime.length < ON_TIME.length && (
          <p className="text-sm text-muted">{t("onTime.othersNone")}</p>
        )}
        {count("moderation_decisions") > 0 && (
          <p className="text-sm text-muted">{t("onTime.decisions", { count: count("moderation_decisions") })}</p>
        )}
      </section>

      <div className="space-y-1 text-sm text-muted">
        <p>{t("note")}</p>
        <p>
          {t("methodology")}{" "}
          <Link href="/open-data" className="underline">
            {t("openDataLink")}
          </Link>{" "}
          ·{" "}
          <Link href="/developers" className="underline">
            {t("apiLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
