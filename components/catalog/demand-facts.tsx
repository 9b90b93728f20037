import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DemandDetail } from "@/lib/catalog/demands";
import { pick } from "@/lib/i18n/pick";
import { FactList, LabelList } from "./fact-list";
import { locationName } from "./location-options";

/** Every public fact of a demand (DOMAIN §3) as label/value pairs. */
export async function DemandFacts({ demand }: { demand: DemandDetail }) {
  const locale = await getLocale();
  const t = await getTranslations("catalog.detail");
  const tl = await getTranslations("listing");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const date = (d: Date | null) => (d ? format.dateTime(d, "long") : null);
  const vnd = (v: bigint) => format.number(Number(v), "vnd");
  const { budgetMin: min, budgetMax: max } = demand;
  const budget =
    min !== null && max !== null
      ? tl("budgetRange", { min: vnd(min), max: vnd(max) })
      : min !== null
        ? t("budgetFrom", { min: vnd(min) })
        : max !== null
          ? t("budgetUpTo", { max: vnd(max) })
          : tl("budgetOpen");
  const field = demand.sector.parent;
  return (
    <FactList
      facts={[
        { label: t("field"), value: field ? pick(locale, field.nameVi, field.nameEn) : null },
        {
          label: t("sector"),
          value: `${demand.sector.code} · ${pick(locale, demand.sector.nameVi, demand.sector.nameEn)}`,
        },
        { label: t("keywords"), value: demand.keywords.join(", ") },
        {
          label: t("trlMin"),
          value: te("trlLevel", { level: demand.trlMin, label: te(`trl.${demand.trlMin}`) }),
          testId: "fact-trl",
        },
        { label: t("budget"), value: budget, testId: "fact-budget" },
        // A DATE column: formatted in UTC so the day never shifts with the server's zone.
        {
          label: t("deadline"),
          value: demand.deadline
            ? format.dateTime(demand.deadline, { dateStyle: "long", timeZone: "UTC" })
            : t("noDeadline"),
        },
        {
          label: t("preferredForms"),
          value: demand.preferredForms.length ? (
            <LabelList items={demand.preferredForms.map((v) => te(`transferForm.${v}`))} />
          ) : (
            t("anyForm")
          ),
        },
        { label: t("location"), value: locationName(locale, demand.location) },
        { label: t("published"), value: date(demand.publishedAt), testId: "fact-published" },
        { label: t("updated"), value: date(demand.updatedAt), testId: "fact-updated" },
        { label: t("expires"), value: date(demand.expiresAt) },
      ]}
    />
  );
}
