import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { type BadgeTone, ListingCard, type ListingCardView } from "@/components/catalog/listing-card";
import type { OfferCardData } from "@/lib/catalog/cards";
import { getPathname } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { priceLabel } from "./price-text";

/** An offer's card as localized text (see components/catalog/listing-card.tsx). */
export async function offerCardView(offer: OfferCardData): Promise<ListingCardView> {
  const locale = await getLocale();
  const t = await getTranslations("listing");
  const format = await getFormatter();
  const price = await priceLabel({ type: offer.priceType, min: offer.priceMin, max: offer.priceMax });
  const badges: [BadgeTone, string][] = [
    ["brand", pick(locale, offer.sector.nameVi, offer.sector.nameEn)],
    ["info", t("trlShort", { level: offer.trl })],
  ];
  if (offer.organization.verificationStatus === "VERIFIED") badges.push(["success", t("verified")]);
  if (offer.screening === "ENCOURAGED") badges.push(["warning", t("encouraged")]);
  return {
    href: getPathname({ href: `/technologies/${offer.slug}`, locale }),
    title: pick(locale, offer.titleVi, offer.titleEn),
    summary: pick(locale, offer.summaryVi, offer.summaryEn),
    badges,
    org: pick(locale, offer.organization.name, offer.organization.nameEn),
    terms: `${price} · ${t("updated", { date: format.dateTime(offer.updatedAt, "short") })}`,
  };
}

export async function OfferCard({ offer }: { offer: OfferCardData }) {
  return <ListingCard card={await offerCardView(offer)} />;
}
