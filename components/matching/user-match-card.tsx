import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import type { UserMatch } from "@/lib/matching/queries";
import { MatchExplanation } from "./match-explanation";
import { MatchStateControls } from "./match-state-controls";
import { LISTING_KIND, type ListingKind } from "@/lib/listings/kinds";

const STATE_TONE: Record<UserMatch["state"], BadgeTone> = {
  SUGGESTED: "brand",
  SEEN: "neutral",
  DISMISSED: "neutral",
  ACTED_ON: "success",
};

/** One of the organization's matches: my listing → the other listing, the score and why, and what I can do. */
export async function UserMatchCard(props: {
  match: UserMatch;
  canChange: boolean;
  /** Whether the user's role starts a deal from this side: a seeker's request, a provider's proposal. */
  canStartDeal: boolean;
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
}) {
  const { match } = props;
  const locale = await getLocale();
  const t = await getTranslations("matching.account");
  const tp = await getTranslations("matching.public");
  // Both listings are published, so both link to their public pages (readable whatever my role).
  const path = (side: ListingKind) => LISTING_KIND[side].publicPath;
  const otherSide = LISTING_KIND[match.side].other;
  const otherTitle = pick(locale, match.other.titleVi, match.other.titleEn);
  const otherHref = `${path(otherSide)}/${match.other.slug}`;
  // My demand → a request about their offer; my offer → a proposal for their demand (issue #12).
  const dealLink = {
    href:
      otherSide === "offer"
        ? `/account/deals/new?offer=${encodeURIComponent(match.other.slug)}&match=${match.id}`
        : `/account/deals/new?demand=${encodeURIComponent(match.other.slug)}&match=${match.id}`,
    label: t(otherSide === "offer" ? "requestTransfer" : "proposeOffer"),
  };

  // The matching listing comes first (its title heads the card), then my listing — side by side from
  // 768 px — the score and shared terms, and the actions. Under 640 px that is a compact stack (the
  // criteria folded, MatchExplanation) in which long titles wrap anywhere rather than widen the page.
  return (
    <li
      className="rounded-lg border border-border bg-white p-3 shadow-sm sm:p-4"
      data-testid="match-card"
      data-match-id={match.id}
    >
      <article
        className="grid gap-3 sm:gap-4 md:grid-cols-2 md:items-start"
        aria-labelledby={`match-${match.id}-title`}
      >
        <div className="min-w-0 break-words">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-semibold text-muted uppercase">
            {t(otherSide === "offer" ? "otherOffer" : "otherDemand")}
            <Badge tone={STATE_TONE[match.state]} data-testid="match-state" className="normal-case">
              {t(`state.${match.state}`)}
            </Badge>
          </p>
          <h2 id={`match-${match.id}-title`} className="font-semibold leading-snug">
            <Link href={otherHref} className="text-brand-700 hover:underline">
              {otherTitle}
            </Link>
          </h2>
          <p className="text-sm text-muted">
            {match.otherOrganization
              ? pick(locale, match.otherOrganization.name, match.otherOrganization.nameEn)
              : tp("confidential")}
          </p>
        </div>
        <div className="min-w-0 text-sm break-words">
          <p className="text-xs font-semibold text-muted uppercase">
            {t(match.side === "offer" ? "yourOffer" : "yourDemand")}
          </p>
          <Link href={`${path(match.side)}/${match.mine.slug}`} className="text-brand-700 hover:underline">
            {pick(locale, match.mine.titleVi, match.mine.titleEn)}
          </Link>
        </div>
        <div className="min-w-0 md:col-span-2">
          <MatchExplanation score={match.score} explanation={match.explanation} />
        </div>
        <div className="space-y-3 md:col-span-2">
          {match.state === "ACTED_ON" && (
            <p className="text-sm">
              <Link href="/account/deals" className="font-medium text-brand-700 hover:underline">
                {t("openDeals")}
              </Link>
            </p>
          )}
          {props.canChange ? (
            <MatchStateControls
              matchId={match.id}
              state={match.state}
              title={otherTitle}
              action={props.action}
              act={props.canStartDeal ? dealLink : undefined}
            />
          ) : (
            <p className="text-xs text-muted">{t("readOnly")}</p>
          )}
        </div>
      </article>
    </li>
  );
}
