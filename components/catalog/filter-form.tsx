import Form from "next/form";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { toQueryString } from "@/lib/catalog/query-input";
import type { DemandQuery, OfferQuery } from "@/lib/catalog/schemas";
import type { TaxonomyField } from "@/lib/catalog/taxonomy";
import { IpStatus, OrgType, TransferForm } from "@/lib/generated/prisma/enums";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { EnumSelect } from "./enum-select";
import { LocationOptions } from "./location-options";
import { SectorOptions } from "./sector-options";

export const FILTER_FORM_ID = "catalog-filters";

type Props =
  | { kind: "offer"; pathname: "/technologies"; query: OfferQuery; taxonomy: TaxonomyField[] }
  | { kind: "demand"; pathname: "/demands"; query: DemandQuery; taxonomy: TaxonomyField[] };

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * The catalog filters as a GET form: works without JavaScript, and every filter ends up in the URL.
 * Submitting starts again at page 1 (the page is deliberately not a field); the sort select outside
 * the form joins it through its `form` attribute.
 */
export async function FilterForm(props: Props) {
  const { kind, pathname, query, taxonomy } = props;
  const locale = await getLocale();
  const t = await getTranslations("catalog.filters");
  const te = await getTranslations("enums");
  const to = await getTranslations("orgTypes");
  const [min, max] = kind === "offer" ? (["priceMin", "priceMax"] as const) : (["budgetMin", "budgetMax"] as const);
  const amounts =
    props.kind === "offer"
      ? [props.query.priceMin, props.query.priceMax]
      : [props.query.budgetMin, props.query.budgetMax];
  const any = <option value="">{t("any")}</option>;

  const trlSelect = (name: "trlMin" | "trlMax", label: string) => (
    <Field id={`filter-${name}`} label={label}>
      {(aria) => (
        <Select {...aria} name={name} defaultValue={query[name] ?? ""}>
          {any}
          {TRL_LEVELS.map((n) => (
            <option key={n} value={n}>
              {te("trlLevel", { level: n, label: te(`trl.${n}`) })}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );

  return (
    <section aria-labelledby="filters-heading" className="rounded-lg border border-border bg-white p-4 shadow-sm">
      <h2 id="filters-heading" className="mb-3 text-base font-semibold">
        {t("heading")}
      </h2>
      {/* Re-mounted whenever the filters change, so "clear" and back/forward show the URL's values. */}
      <Form
        key={toQueryString(query)}
        id={FILTER_FORM_ID}
        action={getPathname({ href: pathname, locale })}
        className="space-y-4"
      >
        <Field id="filter-q" label={t("q")} hint={t("qHint")}>
          {(aria) => <Input {...aria} type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} />}
        </Field>
        <Field id="filter-sector" label={t("sector")}>
          {(aria) => (
            <Select {...aria} name="sector" defaultValue={query.sector ?? ""}>
              <option value="">{t("allSectors")}</option>
              <SectorOptions taxonomy={taxonomy} locale={locale} wholeField={(name) => t("wholeField", { name })} />
            </Select>
          )}
        </Field>
        <div className="grid grid-cols-2 items-end gap-3">
          {trlSelect("trlMin", kind === "offer" ? t("trlMin") : t("trlMinDemand"))}
          {trlSelect("trlMax", kind === "offer" ? t("trlMax") : t("trlMaxDemand"))}
        </div>
        {props.kind === "offer" && (
          <EnumSelect
            name="ip"
            label={t("ip")}
            any={t("any")}
            value={props.query.ip}
            values={Object.values(IpStatus)}
            labelOf={(v) => te(`ipStatus.${v}`)}
          />
        )}
        <EnumSelect
          name="form"
          label={t("form")}
          any={t("any")}
          value={query.form}
          values={Object.values(TransferForm)}
          labelOf={(v) => te(`transferForm.${v}`)}
        />
        <div className="space-y-2">
          <div className="grid grid-cols-2 items-end gap-3">
            {[min, max].map((name, i) => (
              <Field key={name} id={`filter-${name}`} label={t(name)}>
                {(aria) => (
                  <Input
                    {...aria}
                    name={name}
                    type="number"
                    min={0}
                    step={1}
                    inputMode="numeric"
                    defaultValue={amounts[i] ?? ""}
                  />
                )}
              </Field>
            ))}
          </div>
          <p className="text-xs text-muted">{kind === "offer" ? t("priceHint") : t("budgetHint")}</p>
        </div>
        <EnumSelect
          name="orgType"
          label={t("orgType")}
          any={t("any")}
          value={query.orgType}
          values={Object.values(OrgType)}
          labelOf={(v) => to(v)}
        />
        <Field id="filter-location" label={t("location")}>
          {(aria) => (
            <Select {...aria} name="location" defaultValue={query.location ?? ""}>
              {any}
              <LocationOptions locale={locale} labels={{ hanoi: t("hanoi"), provinces: t("provinces") }} />
            </Select>
          )}
        </Field>
        <Checkbox name="verified" value="1" defaultChecked={query.verified} label={t("verified")} />
        <div className="flex flex-wrap gap-2 pt-1">
          <button type="submit" className={buttonClasses("primary", "md")}>
            {t("apply")}
          </button>
          <Link href={pathname} className={buttonClasses("secondary", "md")}>
            {t("clear")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
