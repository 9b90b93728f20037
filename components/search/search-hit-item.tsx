import { getLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import type { SearchKind, Snippet } from "@/lib/search/types";
import { HighlightedText, markTerms } from "./highlighted-text";

const DETAIL: Record<SearchKind, string> = {
  offers: "/technologies",
  demands: "/demands",
  organizations: "/organizations",
  experts: "/experts",
};

/** One ranked result: the title (query words marked) linking to the detail page, then the snippet. */
export async function SearchHitItem({
  hit,
  tokens,
}: {
  hit: { kind: SearchKind; slug: string; title: string; titleEn: string | null; snippet: Snippet };
  tokens: string[];
}) {
  const locale = await getLocale();
  const title = pick(locale, hit.title, hit.titleEn);
  return (
    <li className="rounded-lg border border-border bg-white p-4 shadow-sm" data-testid="search-hit">
      <h3 className="font-semibold leading-snug">
        <Link href={`${DETAIL[hit.kind]}/${hit.slug}`} className="text-brand-700 hover:underline">
          <HighlightedText snippet={markTerms(title, tokens)} />
        </Link>
      </h3>
      {hit.snippet.text && (
        <p className="mt-1 text-sm text-muted">
          <HighlightedText snippet={hit.snippet} />
        </p>
      )}
    </li>
  );
}
