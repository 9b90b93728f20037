import { type ListingCardView, packCards } from "./card-view";
import { PackedCardList } from "./listing-card";

/** The result list of a catalog page: one client component for all twelve cards, sent packed (./card-view.ts). */
export function ListingCardList({ cards }: { cards: readonly ListingCardView[] }) {
  return <PackedCardList cards={packCards(cards)} />;
}
