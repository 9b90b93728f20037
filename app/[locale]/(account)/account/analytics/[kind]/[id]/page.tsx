import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CountingNotes } from "@/components/analytics/counting-notes";
import { weekLabel } from "@/components/analytics/format";
import { WeeklySection } from "@/components/analytics/weekly-section";
import { STATUS_TONE } from "@/components/listings/own-listings";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { listingAnalytics } from "@/lib/analytics/listings";
import { requirePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { LISTING_KIND, ownerPath } from "@/lib/listings/kinds";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.analytics");
  return { title: t("title"), robots: { index: false } };
}

/** Chart colours: the brand blue, and an orange told apart from it with any colour vision (≥ 4.5:1 on white). */
const COLORS = { views: "#1f4e9e", interest: "#1f4e9e", matches: "#a8590a" } as const;

/** The listing, or a 404 for someone else's, an unknown one or a kind the user does not manage. */
async function load(user: Awaited<ReturnType<typeof requirePermission>>, kind: string, id: string) {
  try {
    return await listingAnalytics(user, kind, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * One listing's analytics (issue #15 item 8): its totals, its views per week and the interest and
 * matches it received per week, each chart with a table of the same figures.
 */
export default async function ListingAnalyticsPage({ params }: PageProps<"/[locale]/account/analytics/[kind]/[id]">) {
  const { locale, kind, id } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("workspace:access");
  const { weeks, listing } = await load(user, kind, id);
  const t = await getTranslations("workspace.analytics");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const n = (value: number) => format.number(value);
  const labels = weeks.map(weekLabel);
  const rowLabels = labels.map((label, i) => (i === labels.length - 1 ? t("currentWeek", { week: label }) : label));
  const link = "font-medium text-brand-700 underline";

  return (
    <div className="space-y-6">
      <p>
        <Link href="/account/analytics" className={link}>
          ← {t("back")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{pick(locale, listing.titleVi, listing.titleEn)}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
          <Badge tone="brand">{t(`kind.${listing.kind}`)}</Badge>
          <Badge tone={STATUS_TONE[listing.status]}>{te(`listingStatus.${listing.status}`)}</Badge>
          <span>
            {listing.publishedAt
              ? t("publishedOn", { date: format.dateTime(listing.publishedAt, "short") })
              : t("neverPublished")}
          </span>
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {listing.status === "PUBLISHED" && (
            <Link href={`${LISTING_KIND[listing.kind].publicPath}/${listing.slug}`} className={link}>
              {t("viewPublic")}
            </Link>
          )}
          <Link href={ownerPath(listing.kind, listing.id)} className={link}>
            {t("manage")}
          </Link>
          <Link href="/account/deals" className={link}>
            {t("openDeals")}
          </Link>
          <Link href="/account/matches" className={link}>
            {t("openMatches")}
          </Link>
        </p>
      </header>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="analytics-totals">
        <Stat label={t("viewsTotal")} value={n(listing.views.total)} />
        <Stat label={t("viewsRecent")} value={n(listing.views.recent)} />
        <Stat
          label={t("interestTotal")}
          value={n(listing.interest.total)}
          hint={t("recentHint", { count: listing.interest.recent })}
        />
        <Stat
          label={t("matchesTotal")}
          value={n(listing.matches.total)}
          hint={t("recentHint", { count: listing.matches.recent })}
        />
      </div>

      <WeeklySection
        id="views-chart"
        title={t("viewsChartTitle")}
        tableLabel={t("chartTable", { chart: t("viewsChartTitle") })}
        weekHeader={t("week")}
        weeks={labels}
        rowLabels={rowLabels}
        series={[{ key: "views", name: t("views"), color: COLORS.views, values: listing.views.weekly, format: n }]}
      />
      <WeeklySection
        id="activity-chart"
        title={t("activityChartTitle")}
        tableLabel={t("chartTable", { chart: t("activityChartTitle") })}
        weekHeader={t("week")}
        weeks={labels}
        rowLabels={rowLabels}
        series={[
          { key: "interest", name: t("interest"), color: COLORS.interest, values: listing.interest.weekly, format: n },
          { key: "matches", name: t("matches"), color: COLORS.matches, values: listing.matches.weekly, format: n },
        ]}
      />
      <CountingNotes />
    </div>
  );
}
