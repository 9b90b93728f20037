"use client";

import Link from "next/link";

export type BadgeTone = "brand" | "info" | "success" | "warning";

/** A listing card as localized text; built on the server by offerCardView / demandCardView. */
export type ListingCardView = {
  /** The localized path of the detail page. */
  href: string;
  title: string;
  summary: string | null;
  badges: readonly (readonly [tone: BadgeTone, text: string])[];
  /** The organization, or "confidential" for a confidential demand. */
  org: string;
  /** Price or budget, then when it was last updated. */
  terms: string;
};

/**
 * An offer or demand in a list. Rendered from its text on the client side of the RSC boundary: a
 * catalog page shows twelve and carries each twice (HTML and RSC payload), and as server elements
 * the cards' markup weighed as much as their text. Styled by `.listing-card` and `.badge-*` in
 * app/globals.css.
 */
export function ListingCard({ card }: { card: ListingCardView }) {
  return (
    <article className="listing-card">
      <div>
        {card.badges.map(([tone, text]) => (
          <span key={tone} className={`badge badge-${tone}`}>
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

/** The result list of a catalog page: one client component for all twelve cards. */
export function ListingCardList({ cards }: { cards: readonly ListingCardView[] }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="catalog-results">
      {cards.map((card) => (
        <li key={card.href}>
          <ListingCard card={card} />
        </li>
      ))}
    </ul>
  );
}
