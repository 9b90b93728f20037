import type { Metadata } from "next";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { UserMatchCard } from "@/components/matching/user-match-card";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/authz";
import { requirePermission } from "@/lib/auth/session";
import { pageHref, pageNumber } from "@/lib/page-number";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { matchesForUser } from "@/lib/matching/queries";
import { setMatchStateAction } from "./actions";
import { LISTING_KIND, type ListingKind } from "@/lib/listings/kinds";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("matching.account"))("title"), robots: { index: false } };
}

/** The organization's matches, best first, with dismiss / interested; dismissed ones on request. */
export default async function MatchesPage({ params, searchParams }: PageProps<"/[locale]/account/matches">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("workspace:access");
  const raw = await searchParams;
  const dismissed = raw.dismissed === "1";
  const list = await matchesForUser(user, { page: pageNumber(raw.page), includeDismissed: dismissed });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  const t = await getTranslations("matching.account");
  const tp = await getTranslations("pagination");
  const base = getPathname({ href: "/account/matches", locale: await getLocale() });
  const href = (page: number) => pageHref(base, { dismissed: dismissed ? "1" : null }, page);
  // A member may change only the side their role manages (a seeker cannot dismiss for the organization's offers).
  const canChange = (side: ListingKind) => can(user, LISTING_KIND[side].manageOwn);

  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        <p className="text-sm text-muted" data-testid="matches-note">
          {t("note")}
        </p>
      </header>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm font-medium" data-testid="matches-count">
          {t("count", { count: list.total })}
        </p>
        <Link
          href={{ pathname: "/account/matches", query: dismissed ? {} : { dismissed: "1" } }}
          className={buttonClasses("ghost", "sm")}
        >
          {dismissed ? t("hideDismissed") : t("showDismissed")}
        </Link>
      </div>
      {list.items.length === 0 ? (
        <EmptyState
          title={t("empty.title")}
          description={t("empty.description")}
          action={
            <div className="flex flex-wrap justify-center gap-2">
              {can(user, "offer:manage-own") && (
                <Link href="/account/offers" className={buttonClasses("secondary", "md")}>
                  {t("empty.offers")}
                </Link>
              )}
              {can(user, "demand:manage-own") && (
                <Link href="/account/demands" className={buttonClasses("secondary", "md")}>
                  {t("empty.demands")}
                </Link>
              )}
            </div>
          }
        />
      ) : (
        <ol aria-label={t("listLabel")} className="space-y-3 sm:space-y-4">
          {list.items.map((match) => (
            <UserMatchCard
              key={match.id}
              match={match}
              canChange={canChange(match.side)}
              canStartDeal={can(user, match.side === "demand" ? "deal:express-interest" : "deal:propose")}
              action={setMatchStateAction}
            />
          ))}
        </ol>
      )}
      <Pagination
        page={list.page}
        pageCount={pageCount}
        hrefFor={(p) => href(p)}
        labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
      />
    </div>
  );
}
