import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { ListingKind } from "@/lib/listings/kinds";
import { Link } from "@/lib/i18n/navigation";
import type { Fact } from "./fact-list";

/**
 * The call to action of a listing (issue #12): on an offer, a seeker's "Đề nghị chuyển giao"; on a
 * demand, a provider's "Đề xuất công nghệ". The page is cached and the same for everybody, so this is
 * one link: a visitor who is not signed in is sent to sign in (or register) and back to the form, a
 * signed-in member of the wrong role is told what to do instead, and an open deal opens in its place.
 * Above the button, the terms a visitor weighs first (price or budget, readiness): on a phone this
 * box comes right after the title, before the description (./listing-detail.tsx).
 */
export async function ExpressInterest({
  kind,
  slug,
  expressPrice = null,
  terms,
}: {
  kind: ListingKind;
  slug: string;
  /** Price or budget, and readiness. */
  terms: Fact[];
  /** An offer's fixed express-licence price: a seeker may take the licence in one step (issue #12 item 4). */
  expressPrice?: bigint | null;
}) {
  const t = await getTranslations("catalog.detail");
  const te = await getTranslations("deals.express");
  const format = await getFormatter();
  const offer = kind === "offer";
  return (
    <section aria-labelledby="interest-heading" className="rounded-lg border border-brand-200 bg-brand-50 p-4">
      <h2 id="interest-heading" className="text-base font-semibold">
        {t(offer ? "interestTitle" : "proposalTitle")}
      </h2>
      <dl className="mt-3 space-y-2 text-sm">
        {terms.map((term) => (
          <div key={term.label} data-testid={term.testId}>
            <dt className="text-muted">{term.label}</dt>
            <dd className="font-semibold text-foreground">{term.value}</dd>
          </div>
        ))}
      </dl>
      <Link
        href={`/account/deals/new?${offer ? "offer" : "demand"}=${encodeURIComponent(slug)}`}
        className={buttonClasses("primary", "md", "mt-3 w-full")}
        aria-describedby="interest-note"
      >
        {t(offer ? "interestButton" : "proposalButton")}
      </Link>
      {offer && expressPrice !== null && (
        <Link
          href={`/account/deals/new?offer=${encodeURIComponent(slug)}&express=1`}
          className={buttonClasses("secondary", "md", "mt-2 w-full")}
        >
          {te("offerButton", { price: format.number(expressPrice, "vnd") })}
        </Link>
      )}
      <p id="interest-note" className="mt-2 text-sm text-muted">
        {t(offer ? "interestNote" : "proposalNote")}
      </p>
    </section>
  );
}
