export type BadgeTone = "brand" | "info" | "success" | "warning";

/**
 * A listing card as localized text; built on the server by offerCardView / demandCardView, drawn by
 * ./listing-card.tsx.
 */
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

type Badge = readonly [tone: BadgeTone, text: string];

/** A card as a row: [href after `base`, title, summary, indexes into `badges`, org, terms]. */
export type CardRow = readonly [
  path: string,
  title: string,
  summary: string | null,
  badges: readonly number[],
  org: string,
  terms: string,
];

/**
 * A list of cards as it crosses to the browser: rows instead of objects (no key names per card),
 * each distinct badge once ("Đã xác thực" and "TRL 9" recur on most cards), and the hrefs' common
 * start once. A catalog page carries its twelve cards twice (HTML and RSC payload); this is the
 * payload's half.
 */
export type PackedCards = {
  base: string;
  badges: readonly Badge[];
  rows: readonly CardRow[];
};

/** The cards packed for the RSC payload; `unpackCards` gives them back. */
export function packCards(cards: readonly ListingCardView[]): PackedCards {
  const base = commonDirectory(cards.map((c) => c.href));
  const badges: Badge[] = [];
  const index = new Map<string, number>();
  const badgeIndex = ([tone, text]: Badge) => {
    const key = `${tone}\u0000${text}`;
    let i = index.get(key);
    if (i === undefined) {
      i = badges.push([tone, text]) - 1;
      index.set(key, i);
    }
    return i;
  };
  const rows = cards.map((c): CardRow => [
    c.href.slice(base.length),
    c.title,
    c.summary,
    c.badges.map(badgeIndex),
    c.org,
    c.terms,
  ]);
  return { base, badges, rows };
}

export function unpackCards({ base, badges, rows }: PackedCards): ListingCardView[] {
  return rows.map(([path, title, summary, badgeIndexes, org, terms]) => ({
    href: base + path,
    title,
    summary,
    badges: badgeIndexes.map((i) => badges[i]!),
    org,
    terms,
  }));
}

/** The longest start shared by every href that ends with "/" ("/en/technologies/"); "" for none. */
function commonDirectory(hrefs: readonly string[]): string {
  if (hrefs.length === 0) return "";
  let prefix = hrefs[0]!;
  for (const href of hrefs) while (!href.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf("/") + 1);
}
