import { getLocale, getTranslations } from "next-intl/server";
import { toQueryString } from "@/lib/catalog/query-input";
import type { DemandQuery, OfferQuery } from "@/lib/catalog/schemas";
import type { TaxonomyField } from "@/lib/catalog/taxonomy";
import { IpStatus, OrgType, TransferForm } from "@/lib/generated/prisma/enums";
import { getPathname } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { FilterFormView, type FilterLabels } from "./filter-form-view";
import type { Choice, FieldChoices } from "./option-list";

export const FILTER_FORM_ID = "catalog-filters";

type Props =
  | { kind: "offer"; pathname: "/technologies"; query: OfferQuery; taxonomy: TaxonomyField[] }
  | { kind: "demand"; pathname: "/demands"; query: DemandQuery; taxonomy: TaxonomyField[] };

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

const text = (value: string | number | undefined) => (value === undefined ? "" : String(value));

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
  const te = await getTranslations("enums");
  const to = await getTranslations("orgTypes");
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
  };
  const sectors = taxonomy.map((field): FieldChoices => {
    const name = pick(locale, field.nameVi, field.nameEn);
    const list = field.sectors.map((s): Choice => [s.code, pick(locale, s.nameVi, s.nameEn)]);
    return [field.code, name, t("wholeField", { name }), list];
  });
  const trl = TRL_LEVELS.map((n): Choice => [String(n), te("trlLevel", { level: n, label: te(`trl.${n}`) })]);

  return (
    // Re-mounted whenever the filters change, so "clear" and back/forward show the URL's values.
    <FilterFormView
      key={toQueryString(query)}
      id={FILTER_FORM_ID}
      action={getPathname({ href: pathname, locale })}
      amountNames={offer ? ["priceMin", "priceMax"] : ["budgetMin", "budgetMax"]}
      labels={labels}
      values={{
        q: text(query.q),
        sector: text(query.sector),
        trlMin: text(query.trlMin),
        trlMax: text(query.trlMax),
        ip: props.kind === "offer" ? text(props.query.ip) : "",
        form: text(query.form),
        min: text(min),
        max: text(max),
        orgType: text(query.orgType),
        location: text(query.location),
        verified: query.verified,
      }}
      locale={locale}
      sectors={sectors}
      trl={trl}
      ip={offer ? Object.values(IpStatus).map((v): Choice => [v, te(`ipStatus.${v}`)]) : undefined}
      forms={Object.values(TransferForm).map((v): Choice => [v, te(`transferForm.${v}`)])}
      orgTypes={Object.values(OrgType).map((v): Choice => [v, to(v)])}
    />
  );
}
