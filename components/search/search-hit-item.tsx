import { getLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { markWords } from "@/lib/search/text";
import type { ListingHitCard, SearchKind, Snippet } from "@/lib/search/types";
import { HighlightedText } from "./highlighted-text";
import { hitCardView } from "./hit-card-view";

const DETAIL: Record<SearchKind, string> = {
  offers: "/technologies",
  demands: "/demands",
  organizations: "/organizations",
  experts: "/experts",
};

/**
 * One ranked result: the title (query words marked) linking to the detail page, then the snippet. An
 * offer or demand also shows what its catalog card shows, laid out the same way: the sector,
 * readiness and verified badges above the title, the organization (none for a confidential demand)
 * and the price or budget below.
 */
export async function SearchHitItem({
  hit,
  tokens,
}: {
  hit: {
    kind: SearchKind;
    id: string;
    slug: string;
    title: string;
    titleEn: string | null;
    snippet: Snippet;
    card?: ListingHitCard;
  };
  tokens: string[];
}) {
  const locale = await getLocale();
  const title = pick(locale, hit.title, hit.titleEn);
  const card = hit.card ? await hitCardView({ ...hit, card: hit.card }) : null;
  return (
    <li className="rounded-lg border border-border bg-white p-4 shadow-sm" data-testid="search-hit">
      {card && (
        <div className="mb-2 flex flex-wrap gap-1.5" data-testid="search-hit-badges">
          {card.badges.map(([tone, text]) => (
            <span key={tone} className={`badge badge-${tone}`}>
              {text}
            </span>
          ))}
        </div>
      )}
      <h3 className="font-semibold leading-snug">
        <Link href={`${DETAIL[hit.kind]}/${hit.slug}`} className="text-brand-700 hover:underline">
          <HighlightedText snippet={markWords(title, tokens)} />
        </Link>
      </h3>
      {hit.snippet.text && (
        <p className="mt-1 text-sm text-muted">
          <HighlightedText snippet={hit.snippet} />
        </p>
      )}
      {card && (
        <footer className="pt-3 text-xs text-muted">
          <p className="font-medium text-foreground" data-testid="search-hit-org">
            {card.org}
          </p>
          <p data-testid="search-hit-terms">{card.terms}</p>
        </footer>
      )}
    </li>
  );
}
