import "server-only";
import { assertCan, can, type Principal } from "@/lib/authz";
import { db, pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isListingKind, LISTING_KIND, LISTING_KINDS, type ListingKind } from "@/lib/listings/kinds";
import { clampPage } from "@/lib/page-number";
import { fold, interestCounts, matchCounts, viewCounts, type Metric } from "./metrics";
import { hanoiMidnight, lastWeeks, recentSince } from "./weeks";

/**
 * What an owner learns about their listings (issue #15 item 8), per listing and over time, always
 * scoped to the user's organization:
 * - views: counted by the browser beacon (./views.ts), robots and the owner's own views left out;
 * - interest: deals the other side started on the listing — expressions of interest and express
 *   licences on an offer, proposals on a demand (a provider's own proposals, which name its offer,
 *   are not interest in that offer); counted by the day the deal started;
 * - matches: the listing's current suggested matches whose other listing is published (what
 *   /account/matches shows, dismissed ones included), by the day each was first suggested. Matches
 *   that the matching engine dropped since are gone from the history too.
 * Days and weeks are Hanoi days and Monday-to-Sunday weeks (./weeks.ts).
 */

/** How many weeks the trends cover (the current, partial, week last). */
export const TREND_WEEKS = 12;
/** "Recent" figures cover this many days, today included. */
export const RECENT_DAYS = 30;
/** Listings per page of the overview. */
export const ANALYTICS_PAGE_SIZE = 20;

export type { Metric };

export interface ListingAnalytics {
  kind: ListingKind;
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  status: string;
  publishedAt: Date | null;
  views: Metric;
  interest: Metric;
  matches: Metric;
}

interface ListingRow {
  kind: ListingKind;
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  status: string;
  publishedAt: Date | null;
}

/** The kinds of listing the user manages (offers as a provider, demands as a seeker). */
function ownKinds(user: Principal): ListingKind[] {
  return LISTING_KINDS.filter((kind) => can(user, LISTING_KIND[kind].manageOwn));
}

/** The calendar of a report made at `now`. */
function calendar(now: Date) {
  const weeks = lastWeeks(now, TREND_WEEKS);
  const recentDay = recentSince(now, RECENT_DAYS);
  return { weeks, recentDay, recentAt: hanoiMidnight(recentDay) };
}

/** The three metrics of each listing in `rows`. */
async function withMetrics(rows: readonly ListingRow[], now: Date): Promise<ListingAnalytics[]> {
  const { weeks, recentDay, recentAt } = calendar(now);
  if (!rows.length) return [];
  const [views, interest, matches] = await Promise.all([
    viewCounts(rows, recentDay).then((c) => fold(c, weeks)),
    interestCounts(rows, recentAt).then((c) => fold(c, weeks)),
    matchCounts(rows, recentAt).then((c) => fold(c, weeks)),
  ]);
  const none = (): Metric => ({ total: 0, recent: 0, weekly: weeks.map(() => 0) });
  return rows.map((row) => {
    const key = `${row.kind}:${row.id}`;
    return {
      ...row,
      views: views.get(key) ?? none(),
      interest: interest.get(key) ?? none(),
      matches: matches.get(key) ?? none(),
    };
  });
}

/** The organization's listings of `kinds` that were ever published (a draft has nothing to count). */
async function publishedListings(organizationId: string, kinds: readonly ListingKind[]): Promise<ListingRow[]> {
  const parts = kinds.map(
    (kind) =>
      `SELECT '${kind}' AS kind, id::text AS id, slug, title_vi AS "titleVi", title_en AS "titleEn",
              status::text AS status, published_at AS "publishedAt"
         FROM ${LISTING_KIND[kind].table}
        WHERE organization_id = $1::uuid AND published_at IS NOT NULL`,
  );
  if (!parts.length) return [];
  const { rows } = await pool().query<ListingRow>(parts.join(" UNION ALL "), [organizationId]);
  return rows;
}

export interface AnalyticsOverview {
  /** The Mondays of the trend weeks, oldest first. */
  weeks: string[];
  /** One page of listings: published ones first, then by views in the recent days. */
  items: ListingAnalytics[];
  total: number;
  page: number;
  pageCount: number;
  /** Over every listing of the organization (not only this page). */
  totals: { viewsRecent: number; interestRecent: number; matches: number };
}

/**
 * Every listing of the user's organization that was ever published, with its views, interest and
 * matches. Refuses ("forbidden") a user who manages no listings; a user without an organization
 * has none.
 */
export async function ownListingsAnalytics(
  user: Principal,
  requestedPage = 1,
  now = new Date(),
): Promise<AnalyticsOverview> {
  const kinds = ownKinds(user);
  if (!kinds.length) throw new AppError("forbidden");
  const { weeks } = calendar(now);
  const rows = user.organizationId ? await publishedListings(user.organizationId, kinds) : [];
  const all = (await withMetrics(rows, now)).sort(
    (a, b) =>
      Number(b.status === "PUBLISHED") - Number(a.status === "PUBLISHED") ||
      b.views.recent - a.views.recent ||
      b.views.total - a.views.total ||
      (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) ||
      a.id.localeCompare(b.id),
  );
  const { page, pageCount } = clampPage(Math.max(1, requestedPage), all.length, ANALYTICS_PAGE_SIZE);
  const sum = (pick: (l: ListingAnalytics) => number) => all.reduce((s, l) => s + pick(l), 0);
  return {
    weeks,
    items: all.slice((page - 1) * ANALYTICS_PAGE_SIZE, page * ANALYTICS_PAGE_SIZE),
    total: all.length,
    page,
    pageCount,
    totals: {
      viewsRecent: sum((l) => l.views.recent),
      interestRecent: sum((l) => l.interest.recent),
      matches: sum((l) => l.matches.total),
    },
  };
}

/**
 * One listing of the user's organization with its weekly views, interest and matches. Someone
 * else's listing, an unknown id or a kind the user does not manage answers "not found", as
 * lib/authz.ts does for every organization-scoped resource.
 */
export async function listingAnalytics(
  user: Principal,
  kind: string,
  id: string,
  now = new Date(),
): Promise<{ weeks: string[]; listing: ListingAnalytics }> {
  if (!isListingKind(kind) || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new AppError("not_found");
  }
  const select = {
    id: true,
    slug: true,
    titleVi: true,
    titleEn: true,
    status: true,
    publishedAt: true,
    organizationId: true,
  } as const;
  const found =
    kind === "offer"
      ? await db.offer.findUnique({ where: { id }, select })
      : await db.demand.findUnique({ where: { id }, select });
  if (!found) throw new AppError("not_found");
  assertCan(user, LISTING_KIND[kind].manageOwn, found);
  const row: ListingRow = {
    kind,
    id: found.id,
    slug: found.slug,
    titleVi: found.titleVi,
    titleEn: found.titleEn,
    status: found.status,
    publishedAt: found.publishedAt,
  };
  const [listing] = await withMetrics([row], now);
  return { weeks: calendar(now).weeks, listing: listing! };
}
