"use client";

import Link from "next/link";
import { type ListingCardView, type PackedCards, unpackCards } from "./card-view";

export type { BadgeTone, ListingCardView } from "./card-view";

/**
 * An offer or demand in a list. Rendered from its text on the client side of the RSC boundary: a
 * catalog page shows twelve and carries each twice (HTML and RSC payload), and as server elements
 * the cards' markup weighed as much as their text. Styled by `.listing-card` (its badges too) and
 * `.badge-*` in app/globals.css.
 */
export function ListingCard({ card }: { card: ListingCardView }) {
  return (
    <article className="listing-card">
      <div>
        {card.badges.map(([tone, text]) => (
          <span key={tone} className={`badge-${tone}`}>
            {text}
          </span>
        ))}
      </div>
      <h3>
        <Link href={card.href}>{card.title}</Link>
      </h3>
      {card.summary && <p>{card.summary}</p>}
      <footer>
        <p>{card.org}</p>
        <p>{card.terms}</p>
      </footer>
    </article>
  );
}

/** The result list of a catalog page, from cards packed on the server (./listing-card-list.tsx). */
export function PackedCardList({ cards }: { cards: PackedCards }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="catalog-results">
      {unpackCards(cards).map((card) => (
        <li key={card.href}>
          <ListingCard card={card} />
        </li>
      ))}
    </ul>
  );
}
