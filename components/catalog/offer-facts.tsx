import { getLocale, getTranslations } from "next-intl/server";
import { PriceText } from "@/components/offers/price-text";
import type { OfferDetail } from "@/lib/catalog/details";
import { FactList, LabelList } from "./fact-list";
import { commonFacts } from "./listing-facts";
import { locationName } from "./location-options";

/** Every public fact of an offer (DOMAIN §3) as label/value pairs. */
export async function OfferFacts({ offer }: { offer: OfferDetail }) {
  const locale = await getLocale();
  const t = await getTranslations("catalog.detail");
  const te = await getTranslations("enums");
  const { head, dates } = await commonFacts({ ...offer, trl: { label: "trl", level: offer.trl } });
  const labels = (values: string[], group: string) =>
    values.length ? <LabelList items={values.map((v) => te(`${group}.${v}`))} /> : null;
  return (
    <FactList
      facts={[
        ...head,
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
        ...dates,
      ]}
    />
  );
}
