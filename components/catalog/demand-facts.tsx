import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DemandDetail } from "@/lib/catalog/details";
import { FactList, LabelList } from "./fact-list";
import { commonFacts } from "./listing-facts";
import { locationName } from "./location-options";

/** A demand's budget as text: a VND range, "from …", "up to …" or open. */
export async function budgetLabel({
  budgetMin: min,
  budgetMax: max,
}: {
  budgetMin: bigint | null;
  budgetMax: bigint | null;
}) {
  const t = await getTranslations("catalog.detail");
  const tl = await getTranslations("listing");
  const format = await getFormatter();
  const vnd = (v: bigint) => format.number(Number(v), "vnd");
  if (min !== null && max !== null) return tl("budgetRange", { min: vnd(min), max: vnd(max) });
  if (min !== null) return t("budgetFrom", { min: vnd(min) });
  if (max !== null) return t("budgetUpTo", { max: vnd(max) });
  return tl("budgetOpen");
}

/** Every public fact of a demand (DOMAIN §3) as label/value pairs. */
export async function DemandFacts({ demand }: { demand: DemandDetail }) {
  const locale = await getLocale();
  const t = await getTranslations("catalog.detail");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const { head, dates } = await commonFacts({ ...demand, trl: { label: "trlMin", level: demand.trlMin } });
  const budget = await budgetLabel(demand);
  return (
    <FactList
      facts={[
        ...head,
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
        ...dates,
      ]}
    />
  );
}
