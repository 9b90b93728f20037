import { getLocale, getTranslations } from "next-intl/server";
import { toQueryString } from "@/lib/catalog/query-input";
import type { DemandQuery, OfferQuery } from "@/lib/catalog/schemas";
import type { TaxonomyField } from "@/lib/catalog/taxonomy";
import { getPathname } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { FilterFormView, type FilterLabels, type FilterValues } from "./filter-form-view";
import type { Choice, FieldChoices } from "./option-list";

export const FILTER_FORM_ID = "catalog-filters";

type Props =
  | { kind: "offer"; pathname: "/technologies"; query: OfferQuery; taxonomy: TaxonomyField[] }
  | { kind: "demand"; pathname: "/demands"; query: DemandQuery; taxonomy: TaxonomyField[] };

/** The filters that hold a value, as text: an unset one is left out of the RSC payload altogether. */
function filled(values: Record<keyof FilterValues, string | number | undefined>): FilterValues {
  return Object.fromEntries(
    Object.entries(values).flatMap(([key, value]) =>
      value === undefined || value === "" ? [] : [[key, String(value)]],
    ),
  );
}

/**
 * The catalog filters as a GET form: works without JavaScript, and every filter ends up in the URL.
 * Submitting starts again at page 1 (the page is deliberately not a field); the sort select outside
 * the form joins it through its `form` attribute. Everything is translated here and handed to the
 * form as compact data (./filter-form-view.tsx says why).
 */
export async function FilterForm(props: Props) {
  const { pathname, query, taxonomy } = props;
  const locale = await getLocale();
  const t = await getTranslations("catalog.filters");
  const offer = props.kind === "offer";
  const [min, max] =
    props.kind === "offer"
      ? [props.query.priceMin, props.query.priceMax]
      : [props.query.budgetMin, props.query.budgetMax];
  const labels: FilterLabels = {
    heading: t("heading"),
    q: t("q"),
    qHint: t("qHint"),
    sector: t("sector"),
    allSectors: t("allSectors"),
    // "{name}" stays in the text: the form fills in each field's name.
    wholeField: t("wholeField", { name: "{name}" }),
    trlMin: offer ? t("trlMin") : t("trlMinDemand"),
    trlMax: offer ? t("trlMax") : t("trlMaxDemand"),
    any: t("any"),
    ip: t("ip"),
    form: t("form"),
    min: offer ? t("priceMin") : t("budgetMin"),
    max: offer ? t("priceMax") : t("budgetMax"),
    amountHint: offer ? t("priceHint") : t("budgetHint"),
    orgType: t("orgType"),
    location: t("location"),
    hanoi: t("hanoi"),
    provinces: t("provinces"),
    verified: t("verified"),
    apply: t("apply"),
    clear: t("clear"),
    close: t("close"),
  };
  const sectors = taxonomy.map((field): FieldChoices => {
    const name = pick(locale, field.nameVi, field.nameEn);
    const list = field.sectors.map((s): Choice => [s.code, pick(locale, s.nameVi, s.nameEn)]);
    return [field.code, name, list];
  });

  return (
    <FilterFormView
      id={FILTER_FORM_ID}
      formKey={toQueryString(query)}
      action={getPathname({ href: pathname, locale })}
      amountNames={offer ? ["priceMin", "priceMax"] : ["budgetMin", "budgetMax"]}
      labels={labels}
      values={filled({
        q: query.q,
        sector: query.sector,
        trlMin: query.trlMin,
        trlMax: query.trlMax,
        ip: props.kind === "offer" ? props.query.ip : undefined,
        form: query.form,
        min,
        max,
        orgType: query.orgType,
        location: query.location,
      })}
      verified={query.verified}
      locale={locale}
      sectors={sectors}
      ipFilter={offer}
    />
  );
}
