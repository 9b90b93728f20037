import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DemandDetail } from "@/lib/catalog/details";
import { FactList, LabelList } from "./fact-list";
import { commonFacts } from "./listing-facts";
import { locationName } from "./location-options";

/** Every public fact of a demand (DOMAIN §3) as label/value pairs. */
export async function DemandFacts({ demand }: { demand: DemandDetail }) {
  const locale = await getLocale();
  const t = await getTranslations("catalog.detail");
  const tl = await getTranslations("listing");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const { head, dates } = await commonFacts({ ...demand, trl: { label: "trlMin", level: demand.trlMin } });
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
