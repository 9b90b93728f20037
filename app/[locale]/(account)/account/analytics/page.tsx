import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CountingNotes } from "@/components/analytics/counting-notes";
import { Sparkline } from "@/components/analytics/sparkline";
import { STATUS_TONE } from "@/components/listings/own-listings";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ownListingsAnalytics, type ListingAnalytics } from "@/lib/analytics/listings";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { LISTING_KIND } from "@/lib/listings/kinds";
import { pageHref, pageNumber } from "@/lib/page-number";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.analytics");
  return { title: t("title"), robots: { index: false } };
}

const detailHref = (l: ListingAnalytics) => `/account/analytics/${l.kind}/${l.id}`;

/**
 * Listing analytics (issue #15 item 8): every published listing of the user's organization with its
 * views, interest and matches, and a 12-week trend of its views. A table from 640 px, cards below.
 */
export default async function AnalyticsPage({ params, searchParams }: PageProps<"/[locale]/account/analytics">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("workspace:access");
  if (!can(user, "offer:manage-own") && !can(user, "demand:manage-own")) notFound();
  const overview = await ownListingsAnalytics(user, pageNumber((await searchParams).page));
  const t = await getTranslations("workspace.analytics");
  const te = await getTranslations("enums");
  const tp = await getTranslations("pagination");
  const format = await getFormatter();
  const n = (value: number) => format.number(value);
  const title = (l: ListingAnalytics) => pick(locale, l.titleVi, l.titleEn);
  const trend = (l: ListingAnalytics) => (
    <Sparkline values={l.views.weekly} label={t("trendLabel", { values: l.views.weekly.map(n).join(", ") })} />
  );
  const badges = (l: ListingAnalytics) => (
    <span className="mt-1 flex flex-wrap gap-1">
      <Badge tone="brand">{t(`kind.${l.kind}`)}</Badge>
      <Badge tone={STATUS_TONE[l.status]}>{te(`listingStatus.${l.status}`)}</Badge>
    </span>
  );

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-muted">{t("lead")}</p>
      </header>

      {overview.total === 0 ? (
        <EmptyState
          title={t("emptyTitle")}
          description={t("emptyText")}
          action={
            <span className="flex flex-wrap justify-center gap-2">
              {can(user, "offer:manage-own") && (
                <Link href={LISTING_KIND.offer.accountPath} className={buttonClasses("primary", "md")}>
                  {t("emptyOffers")}
                </Link>
              )}
              {can(user, "demand:manage-own") && (
                <Link href={LISTING_KIND.demand.accountPath} className={buttonClasses("primary", "md")}>
                  {t("emptyDemands")}
                </Link>
              )}
            </span>
          }
        />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <Stat label={t("totalViewsRecent")} value={n(overview.totals.viewsRecent)} />
            <Stat label={t("totalInterestRecent")} value={n(overview.totals.interestRecent)} />
            <Stat label={t("totalMatches")} value={n(overview.totals.matches)} />
          </div>

          <section aria-labelledby="analytics-listings" className="space-y-3">
            <h2 id="analytics-listings" className="text-lg font-semibold">
              {t("tableLabel")}{" "}
              <span className="text-sm font-normal text-muted">({t("count", { count: overview.total })})</span>
            </h2>
            <div className="hidden sm:block">
              <Table scrollLabel={t("tableLabel")}>
                <THead>
                  <TR>
                    <TH>{t("colListing")}</TH>
                    <TH className="text-end">{t("colViews")}</TH>
                    <TH className="text-end">{t("colViewsRecent")}</TH>
                    <TH className="text-end">{t("colInterest")}</TH>
                    <TH className="text-end">{t("colMatches")}</TH>
                    <TH>{t("colTrend")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {overview.items.map((l) => (
                    <TR key={`${l.kind}:${l.id}`}>
                      <TH scope="row" className="border-b-0 font-normal whitespace-normal">
                        <Link href={detailHref(l)} className="font-medium text-brand-700 hover:underline">
                          {title(l)}
                        </Link>
                        {badges(l)}
                      </TH>
                      <TD className="text-end tabular-nums">{n(l.views.total)}</TD>
                      <TD className="text-end tabular-nums">{n(l.views.recent)}</TD>
                      <TD className="text-end tabular-nums">{n(l.interest.total)}</TD>
                      <TD className="text-end tabular-nums">{n(l.matches.total)}</TD>
                      <TD>{trend(l)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </div>
            <ul className="space-y-3 sm:hidden">
              {overview.items.map((l) => (
                <li key={`${l.kind}:${l.id}`} className="rounded-lg border border-border bg-surface p-4">
                  <Link href={detailHref(l)} className="font-medium text-brand-700 hover:underline">
                    {title(l)}
                  </Link>
                  {badges(l)}
                  <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                    {(
                      [
                        ["colViews", l.views.total],
                        ["colViewsRecent", l.views.recent],
                        ["colInterest", l.interest.total],
                        ["colMatches", l.matches.total],
                      ] as const
                    ).map(([label, value]) => (
                      <div key={label}>
                        <dt className="text-muted">{t(label)}</dt>
                        <dd className="font-semibold tabular-nums">{n(value)}</dd>
                      </div>
                    ))}
                  </dl>
                  <div className="mt-3">{trend(l)}</div>
                </li>
              ))}
            </ul>
            <Pagination
              page={overview.page}
              pageCount={overview.pageCount}
              hrefFor={(p) => pageHref("/account/analytics", {}, p)}
              labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (p) => tp("page", { n: p }) }}
            />
          </section>
        </>
      )}
      <CountingNotes />
    </div>
  );
}
