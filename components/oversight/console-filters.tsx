import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { KpiDimension } from "@/lib/kpi/catalogue";
import { KPI_DIMENSIONS } from "@/lib/kpi/catalogue";
import { periodDays, type Period } from "@/lib/calendar/periods";
import { periodChoices } from "@/lib/kpi/query";
import type { KpiFilter } from "@/lib/kpi/sql";
import { LOCATIONS } from "@/lib/geo/locations";
import { pick } from "@/lib/i18n/pick";
import { periodLabel } from "./format";

const ORG_TYPES = ["UNIVERSITY", "INSTITUTE", "ENTERPRISE", "INDIVIDUAL", "INTERMEDIARY", "STATE_AGENCY"] as const;

/**
 * The console's period and filters as one GET form (a link can be shared and printed): a month,
 * quarter or year from the list, or a custom range; field, district and organization type; and,
 * where the page has one, the breakdown.
 */
export async function ConsoleFilters({
  locale,
  period,
  filter,
  fields,
  breakdown,
  withFilters = true,
  extra = {},
}: {
  locale: string;
  period: Period;
  filter: KpiFilter;
  fields: readonly { code: string; nameVi: string; nameEn: string }[];
  breakdown?: KpiDimension | null;
  withFilters?: boolean;
  /** Other parameters of the page kept across a change (e.g. the trend's metric). */
  extra?: Record<string, string>;
}) {
  const t = await getTranslations("oversight");
  const to = await getTranslations("orgTypes");
  const tp = (key: string, values?: Record<string, string | number>) => t(`period.${key}`, values);
  const custom = period.kind === "custom" ? periodDays(period) : null;
  const choices = periodChoices();
  return (
    <form
      method="get"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-white p-3 print:hidden"
    >
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm">
        <span className="block font-medium">{t("period.label")}</span>
        <select name="period" defaultValue={custom ? "" : period.key} className="form-control">
          <option value="">{t("period.custom")}</option>
          {choices.map((group) => (
            <optgroup key={group.kind} label={t(`period.${group.kind}`)}>
              {group.periods.map((p) => (
                <option key={p.key} value={p.key}>
                  {periodLabel(tp, p)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">{t("period.from")}</span>
        <input type="date" name="from" defaultValue={custom?.first ?? ""} className="form-control" />
      </label>
      <label className="text-sm">
        <span className="block font-medium">{t("period.to")}</span>
        <input type="date" name="to" defaultValue={custom?.last ?? ""} className="form-control" />
      </label>
      {withFilters && (
        <>
          <label className="text-sm">
            <span className="block font-medium">{t("dimensions.field")}</span>
            <select name="field" defaultValue={filter.field ?? ""} className="form-control">
              <option value="">{t("performance.allFields")}</option>
              {fields.map((f) => (
                <option key={f.code} value={f.code}>
                  {pick(locale, f.nameVi, f.nameEn)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium">{t("dimensions.district")}</span>
            <select name="district" defaultValue={filter.district ?? ""} className="form-control">
              <option value="">{t("performance.allDistricts")}</option>
              {LOCATIONS.map((l) => (
                <option key={l.code} value={l.code}>
                  {pick(locale, l.nameVi, l.nameEn)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium">{t("dimensions.orgType")}</span>
            <select name="orgType" defaultValue={filter.orgType ?? ""} className="form-control">
              <option value="">{t("performance.allTypes")}</option>
              {ORG_TYPES.map((type) => (
                <option key={type} value={type}>
                  {to(type)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {breakdown !== undefined && (
        <label className="text-sm">
          <span className="block font-medium">{t("performance.breakdown")}</span>
          <select name="breakdown" defaultValue={breakdown ?? ""} className="form-control">
            <option value="">{t("performance.noBreakdown")}</option>
            {KPI_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`dimensions.${d}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className={buttonClasses("secondary", "md")}>
        {t("period.apply")}
      </button>
    </form>
  );
}
