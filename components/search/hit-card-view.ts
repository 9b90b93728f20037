import type { ListingCardView } from "@/components/catalog/card-view";
import { demandCardView } from "@/components/demands/demand-card";
import { offerCardView } from "@/components/offers/offer-card";
import { HIDDEN_ORGANIZATION } from "@/lib/catalog/cards";
import type { HitAmount, ListingHitCard } from "@/lib/search/types";

/** The hit fields a card needs besides `card`. */
export interface CardHit {
  id: string;
  slug: string;
  title: string;
  titleEn: string | null;
  card: ListingHitCard;
}

const toBigInt = (v: HitAmount) => (v === null ? null : BigInt(v));

/**
 * A search hit's listing as the catalog shows it on its card (badges, organization, terms), built by
 * the catalog's own card views: the same badges, the same price and budget wording, and no
 * organization for a confidential demand.
 */
export function hitCardView({ id, slug, title, titleEn, card }: CardHit): Promise<ListingCardView> {
  const common = {
    id,
    slug,
    titleVi: title,
    titleEn,
    summaryEn: card.summaryEn,
    location: card.location,
    publishedAt: card.publishedAt,
    updatedAt: card.updatedAt,
    sector: card.sector,
  };
  if (card.kind === "offer")
    return offerCardView({
      ...common,
      summaryVi: card.summaryVi,
      trl: card.trl,
      ipStatus: card.ipStatus,
      priceType: card.priceType,
      priceMin: toBigInt(card.priceMin),
      priceMax: toBigInt(card.priceMax),
      screening: card.screening,
      organization: card.organization,
    });
  return demandCardView({
    ...common,
    summaryVi: card.summaryVi,
    trlMin: card.trlMin,
    budgetMin: toBigInt(card.budgetMin),
    budgetMax: toBigInt(card.budgetMax),
    // Same instant Prisma gives for a DATE: midnight UTC.
    deadline: card.deadline === null ? null : new Date(`${card.deadline}T00:00:00Z`),
    confidential: card.confidential,
    organization: card.confidential || !card.organization ? HIDDEN_ORGANIZATION : card.organization,
  });
}
