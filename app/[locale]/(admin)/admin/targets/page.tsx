import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConsoleFilters } from "@/components/oversight/console-filters";
import { periodLabel } from "@/components/oversight/format";
import { TargetForm } from "@/components/oversight/target-form";
import { Alert } from "@/components/ui/alert";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { Link } from "@/lib/i18n/navigation";
import { COMPUTED_METRICS, KPI_CATALOGUE, defaultComparator, metricsOf, type KpiGroup } from "@/lib/kpi/catalogue";
import { kpiFields } from "@/lib/kpi/fields";
import { isTargetPeriod } from "@/lib/calendar/periods";
import { consoleQuery, consoleSearch } from "@/lib/kpi/query";
import { targetsOf } from "@/lib/kpi/targets";
import { deleteTargetAction, setTargetAction } from "../performance/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("targets"), robots: { index: false } };
}

const GROUPS: readonly KpiGroup[] = ["supply_demand", "service_levels", "market_results"];

/** The Department's targets for the operator, per indicator and period (issue #13 item 3). */
export default async function TargetsPage({ params, searchParams }: PageProps<"/[locale]/admin/targets">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("oversight:read");
  const query = consoleQuery(await searchParams);
  const t = await getTranslations("oversight");
  const tp = (key: string, values?: Record<string, string | number>) => t(`period.${key}`, values);
  const label = periodLabel(tp, query.period);
  const editable = can(user, "kpi:manage");
  const [targets, fields] = await Promise.all([targetsOf(user, query.period.key), kpiFields()]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("targets.title", { period: label })}</h1>
        <p className="max-w-3xl text-muted">{t("targets.lead")}</p>
        <p className="text-sm">
          <Link href={`/admin/performance/review${consoleSearch(query.period)}`} className="text-brand-700 underline">
            {t("performance.review")}
          </Link>
        </p>
      </header>
      <ConsoleFilters locale={locale} period={query.period} filter={{}} fields={fields} withFilters={false} />
      {!editable && <Alert tone="info">{t("targets.readOnly")}</Alert>}
      {!isTargetPeriod(query.period) ? (
        <Alert tone="warning">{t("review.customNoTargets")}</Alert>
      ) : (
        GROUPS.map((group) => (
          <section
            key={group}
            className="rounded-lg border border-border bg-white p-4"
            aria-labelledby={`targets-${group}`}
          >
            <h2 id={`targets-${group}`} className="text-lg font-semibold">
              {t(`groups.${group}`)}
            </h2>
            {metricsOf(group)
              .filter((m) => COMPUTED_METRICS.includes(m))
              .map((metric) => {
                const row = targets.find((x) => x.metric === metric) ?? null;
                const unit = t(`units.${KPI_CATALOGUE[metric].unit}`);
                return editable ? (
                  <TargetForm
                    key={metric}
                    metric={metric}
                    label={t(`metrics.${metric}`)}
                    period={query.period.key}
                    unit={unit}
                    current={row ? { target: row.target, comparator: row.comparator, note: row.note } : null}
                    defaultComparator={defaultComparator(metric)}
                    action={setTargetAction}
                    removeAction={row ? deleteTargetAction.bind(null, row.id) : undefined}
                  />
                ) : (
                  <p key={metric} className="border-b border-border py-2 text-sm last:border-0">
                    {t(`metrics.${metric}`)}:{" "}
                    {row ? `${row.comparator === "gte" ? "≥" : "≤"} ${row.target} ${unit}` : t("status.none")}
                  </p>
                );
              })}
          </section>
        ))
      )}
    </div>
  );
}
