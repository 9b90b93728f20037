import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { matchesOfPublishedListing } from "@/lib/matching/queries";
import { MatchExplanation } from "./match-explanation";
import { LISTING_KIND } from "@/lib/listings/kinds";

/**
 * "Matching technologies" on a demand page, or "Matching demands" on an offer page: the listing's
 * best stored matches with their explanations. Confidential demands come without their business.
 * `id` is a listing the page has just read as published, so its status is not read again.
 */
export async function PublicMatches({ kind, id, limit = 5 }: { kind: "offer" | "demand"; id: string; limit?: number }) {
  const locale = await getLocale();
  const t = await getTranslations("matching.public");
  const rows = await matchesOfPublishedListing(kind, id, limit);
  // On a demand page the matches are offers, and the other way round.
  const other = LISTING_KIND[kind].other;
  const texts = kind === "demand" ? "offers" : "demands";
  const base = LISTING_KIND[other].publicPath;
  const headingId = `matches-heading-${other}`;

  return (
    <section aria-labelledby={headingId} className="space-y-4" data-testid="public-matches">
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          {t(`${texts}.heading`)}
        </h2>
        <p className="text-sm text-muted">{t(`${texts}.lead`)}</p>
      </div>
      {rows.length === 0 ? (
        <EmptyState titleAs="h3" title={t(`${texts}.emptyTitle`)} description={t(`${texts}.emptyHint`)} />
      ) : (
        <ol className="space-y-3 sm:space-y-4">
          {/* The best match is explained criterion by criterion (on a phone behind a button), the
              others in one line: five full explanations made a detail page twice the size of the rest of it. */}
          {rows.map((row, index) => {
            const listing = row[other];
            if (!listing) return null;
            return (
              <li key={listing.id} className="rounded-lg border border-border bg-white p-3 shadow-sm sm:p-4">
                <article className="min-w-0 space-y-3 break-words">
                  <header>
                    <h3 className="font-semibold leading-snug">
                      <Link href={`${base}/${listing.slug}`} className="text-brand-700 hover:underline">
                        {pick(locale, listing.titleVi, listing.titleEn)}
                      </Link>
                    </h3>
                    <p className="text-sm text-muted">
                      {listing.organization ? (
                        <Link href={`/organizations/${listing.organization.slug}`} className="hover:underline">
                          {pick(locale, listing.organization.name, listing.organization.nameEn)}
                        </Link>
                      ) : (
                        t("confidential")
                      )}
                    </p>
                  </header>
                  <MatchExplanation
                    score={row.score}
                    explanation={row.explanation}
                    headingLevel="h4"
                    compact={index > 0}
                  />
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
