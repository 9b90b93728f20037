import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PriceText } from "@/components/offers/price-text";
import type { OfferDetail } from "@/lib/catalog/offers";
import { pick } from "@/lib/i18n/pick";
import { FactList, LabelList } from "./fact-list";
import { locationName } from "./location-options";

/** Every public fact of an offer (DOMAIN §3) as label/value pairs. */
export async function OfferFacts({ offer }: { offer: OfferDetail }) {
  const locale = await getLocale();
  const t = await getTranslations("catalog.detail");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const date = (d: Date | null) => (d ? format.dateTime(d, "long") : null);
  const field = offer.sector.parent;
  const labels = (values: string[], group: string) =>
    values.length ? <LabelList items={values.map((v) => te(`${group}.${v}`))} /> : null;
  return (
    <FactList
      facts={[
        { label: t("field"), value: field ? pick(locale, field.nameVi, field.nameEn) : null },
        {
          label: t("sector"),
          value: `${offer.sector.code} · ${pick(locale, offer.sector.nameVi, offer.sector.nameEn)}`,
        },
        { label: t("keywords"), value: offer.keywords.join(", ") },
        {
          label: t("trl"),
          value: te("trlLevel", { level: offer.trl, label: te(`trl.${offer.trl}`) }),
          testId: "fact-trl",
        },
        {
          label: t("ipStatus"),
          testId: "fact-ip",
          value: (
            <>
              {te(`ipStatus.${offer.ipStatus}`)}
              {offer.ipTitleNumber && (
                <span className="block text-muted">{t("ipTitleNumber", { number: offer.ipTitleNumber })}</span>
              )}
            </>
          ),
        },
        { label: t("transferObjects"), value: labels(offer.transferObjects, "transferObject") },
        { label: t("transferForms"), value: labels(offer.transferForms, "transferForm") },
        { label: t("transferMethods"), value: labels(offer.transferMethods, "transferMethod") },
        {
          label: t("price"),
          testId: "fact-price",
          value: <PriceText type={offer.priceType} min={offer.priceMin} max={offer.priceMax} />,
        },
        { label: t("location"), value: locationName(locale, offer.location) },
        {
          label: t("origin"),
          value: offer.stateFunded ? (
            <>
              {t("stateFunded")}
              {offer.fundingProgramme && (
                <span className="block text-muted">{t("programme", { programme: offer.fundingProgramme })}</span>
              )}
            </>
          ) : (
            t("notStateFunded")
          ),
        },
        { label: t("published"), value: date(offer.publishedAt), testId: "fact-published" },
        { label: t("updated"), value: date(offer.updatedAt), testId: "fact-updated" },
        { label: t("expires"), value: date(offer.expiresAt) },
      ]}
    />
  );
}
