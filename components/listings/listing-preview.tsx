import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { budgetLabel } from "@/components/catalog/demand-facts";
import { FactList, LabelList, type Fact } from "@/components/catalog/fact-list";
import { locationName } from "@/components/catalog/location-options";
import { TextSection } from "@/components/catalog/text-section";
import { PriceText } from "@/components/offers/price-text";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Demand, Offer } from "@/lib/generated/prisma/client";
import type { Option } from "./offer-form";

/**
 * A read-only view of exactly what the owner stored and submitted, with the labels and formats of
 * the public detail page (components/catalog: facts, texts, price and budget), shown instead of the
 * form while the listing cannot be edited (in review, expired, withdrawn). The public page itself
 * (ListingDetail) is not reused as a whole: it carries the call to action, matches and structured
 * data, which mean nothing before publication. Attachments are listed in their own card.
 */
export async function ListingPreview({
  listing,
  sectors,
  submitted,
}: {
  listing: Offer | Demand;
  /** The sector options of the form (code · name, grouped under their field). */
  sectors: Option[];
  /** True while in review: "what you submitted"; otherwise "the listing's content". */
  submitted: boolean;
}) {
  const locale = await getLocale();
  const t = await getTranslations("lifecycle.review");
  const tc = await getTranslations("catalog.detail");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const offer = "ipStatus" in listing ? listing : null;
  const demand = "trlMin" in listing ? listing : null;
  const tf = await getTranslations(offer ? "offerForm" : "demandForm");
  const sector = sectors.find((s) => s.value === listing.sectorCode);
  const labels = (values: string[], group: string) =>
    values.length ? <LabelList items={values.map((v) => te(`${group}.${v}`))} /> : null;
  const trl = offer ? offer.trl : demand!.trlMin;

  const head: Fact[] = [
    { label: tf("titleVi"), value: listing.titleVi, testId: "preview-titleVi" },
    { label: tf("titleEn"), value: listing.titleEn, testId: "preview-titleEn" },
    { label: tf("summaryVi"), value: listing.summaryVi, testId: "preview-summaryVi" },
    { label: tf("summaryEn"), value: listing.summaryEn },
  ];
  const facts: Fact[] = [
    { label: tc("field"), value: sector?.group ?? null },
    { label: tc("sector"), value: sector?.label ?? listing.sectorCode, testId: "preview-sector" },
    { label: tc("keywords"), value: listing.keywords.join(", "), testId: "preview-keywords" },
    {
      label: tc(offer ? "trl" : "trlMin"),
      value: te("trlLevel", { level: trl, label: te(`trl.${trl}`) }),
      testId: "preview-trl",
    },
    ...(offer
      ? [
          {
            label: tc("ipStatus"),
            testId: "preview-ip",
            value: (
              <>
                {te(`ipStatus.${offer.ipStatus}`)}
                {offer.ipTitleNumber && (
                  <span className="block text-muted">{tc("ipTitleNumber", { number: offer.ipTitleNumber })}</span>
                )}
              </>
            ),
          },
          { label: tc("transferObjects"), value: labels(offer.transferObjects, "transferObject") },
          { label: tc("transferForms"), value: labels(offer.transferForms, "transferForm") },
          { label: tc("transferMethods"), value: labels(offer.transferMethods, "transferMethod") },
          {
            label: tc("price"),
            value: <PriceText type={offer.priceType} min={offer.priceMin} max={offer.priceMax} />,
          },
          {
            label: tc("origin"),
            value: offer.stateFunded ? (
              <>
                {tc("stateFunded")}
                {offer.fundingProgramme && (
                  <span className="block text-muted">{tc("programme", { programme: offer.fundingProgramme })}</span>
                )}
              </>
            ) : (
              tc("notStateFunded")
            ),
          },
        ]
      : []),
    ...(demand
      ? [
          { label: tc("budget"), value: await budgetLabel(demand) },
          {
            label: tc("deadline"),
            // A DATE column: formatted in UTC so the day never shifts with the server's zone.
            value: demand.deadline
              ? format.dateTime(demand.deadline, { dateStyle: "long", timeZone: "UTC" })
              : tc("noDeadline"),
          },
          {
            label: tc("preferredForms"),
            value: labels(demand.preferredForms, "transferForm") ?? tc("anyForm"),
          },
          { label: t("confidential"), value: demand.confidential ? t("yes") : t("no") },
        ]
      : []),
    { label: tc("location"), value: locationName(locale, listing.location), testId: "preview-location" },
  ];
  const sections = offer
    ? [
        { id: "preview-description", heading: tc("description"), text: offer.description },
        { id: "preview-areas", heading: tc("applicationAreas"), text: offer.applicationAreas },
        { id: "preview-advantages", heading: tc("advantages"), text: offer.advantages },
      ]
    : [{ id: "preview-description", heading: tc("problem"), text: listing.description }];

  return (
    <Card as="section" aria-labelledby="listing-preview-title" data-testid="listing-preview">
      <CardHeader>
        <CardTitle id="listing-preview-title">{t(submitted ? "previewTitle" : "previewCurrentTitle")}</CardTitle>
        <p className="text-sm text-muted">{t("previewHint")}</p>
      </CardHeader>
      <CardContent>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0 space-y-6">
            <FactList facts={head} />
            {sections.map(
              (section) =>
                section.text && (
                  <TextSection key={section.id} id={section.id} heading={section.heading} text={section.text} />
                ),
            )}
          </div>
          <div className="min-w-0 rounded-lg border border-border p-4">
            <FactList facts={facts} />
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
