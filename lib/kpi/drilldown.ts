import "server-only";
import { assertCan, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { clampPage } from "@/lib/page-number";
import { KPI_CATALOGUE, type KpiMetric } from "./catalogue";
import { countModerationDecisions, countRegistrationSteps, moderationDecisions, registrationSteps } from "./durations";
import type { Period } from "@/lib/calendar/periods";
import {
  dealJoins,
  filterSql,
  KpiFilterSchema,
  listingEventJoins,
  publishedAtEnd,
  updatedRecently,
  windowOf,
  within,
  type KpiFilter,
  type Window,
} from "./sql";

/**
 * The records behind a figure (issue #13 item 2: "every number links to the list of records behind
 * it"): for a count, the records counted; for a sum, the records summed; for a share, its
 * denominator (each record says whether it met the condition); for a median, the items measured
 * (each with its measure). Written record by record — not through the grouped aggregates of
 * ./compute.ts — so tests/integration/kpi-compute.test.ts proving the totals equal is a real check.
 */

export const KPI_RECORDS_PAGE_SIZE = 50;

export type KpiRecordKind = "offer" | "demand" | "organization" | "deal" | "match" | "contract" | "registration";

export interface KpiRecord {
  readonly id: string;
  readonly kind: KpiRecordKind;
  /** A title, a name or a deal reference with its listing's title. */
  readonly label: string;
  /** Where staff open it: /admin/moderation/<kind>/<id>, /admin/deals/<reference>, /organizations/<slug>. */
  readonly href: string;
  /** The instant that puts the record in the period (published, decided, signed…). */
  readonly at: Date | null;
  /** VND metrics: the amount this record adds. */
  readonly amount?: bigint;
  /** Share metrics: whether this record meets the condition (updated, answered, on time). */
  readonly met?: boolean;
  /** Median metrics: this record's measure (working days, or days). */
  readonly measure?: number;
}

export interface KpiRecordPage {
  readonly metric: KpiMetric;
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  readonly records: readonly KpiRecord[];
}

interface SqlSpec {
  /** FROM … WHERE …, every source aliasing its organization `g` and its sector `t`. */
  readonly from: Prisma.Sql;
  /** Selects id, kind, label, href, at, and optionally amount (text), met, measure. */
  readonly select: Prisma.Sql;
  readonly order: Prisma.Sql;
}

type ListingKind = "offer" | "demand";

const listingColumns = Prisma.sql`id, title_vi, status, published_at, expires_at, updated_at, organization_id, sector_code`;

/** Offers and/or demands as one relation `l` with its kind, organization and sector. */
function listings(kinds: readonly ListingKind[], w: Window, condition: Prisma.Sql, filter: KpiFilter): Prisma.Sql {
  const parts = kinds.map((kind) =>
    kind === "offer"
      ? Prisma.sql`SELECT 'offer' AS kind, ${listingColumns} FROM offers WHERE published_at < ${w.to}`
      : Prisma.sql`SELECT 'demand' AS kind, ${listingColumns} FROM demands WHERE published_at < ${w.to}`,
  );
  return Prisma.sql`FROM (${Prisma.join(parts, " UNION ALL ")}) l
    JOIN organizations g ON g.id = l.organization_id
    JOIN taxonomy_nodes t ON t.code = l.sector_code
   WHERE ${condition} ${filterSql(filter)}`;
}

const listingSelect = (met: Prisma.Sql = Prisma.sql`NULL::boolean`) =>
  Prisma.sql`l.id::text AS id, l.kind, l.title_vi AS label, '/admin/moderation/' || l.kind || '/' || l.id AS href,
    l.published_at AS at, ${met} AS met`;

const dealLabel = Prisma.sql`d.reference || ' · ' || COALESCE(o.title_vi, dm.title_vi, '')`;
const dealHref = Prisma.sql`'/admin/deals/' || d.reference`;

function dealSpec(condition: Prisma.Sql, at: Prisma.Sql, filter: KpiFilter, extra = Prisma.empty): SqlSpec {
  return {
    from: Prisma.sql`FROM deals d ${dealJoins} WHERE ${condition} ${filterSql(filter)}`,
    select: Prisma.sql`d.id::text AS id, 'deal' AS kind, ${dealLabel} AS label, ${dealHref} AS href, ${at} AS at ${extra}`,
    order: Prisma.sql`${at}, d.id`,
  };
}

function contractSpec(condition: Prisma.Sql, w: Window, filter: KpiFilter): SqlSpec {
  return {
    from: Prisma.sql`FROM contracts c JOIN deals d ON d.id = c.deal_id ${dealJoins}
      WHERE ${within(Prisma.sql`c.signed_at`, w)} AND ${condition} ${filterSql(filter)}`,
    select: Prisma.sql`c.id::text AS id, 'contract' AS kind, ${dealLabel} AS label, ${dealHref} AS href,
      c.signed_at AS at, COALESCE(c.value, 0)::text AS amount`,
    order: Prisma.sql`c.signed_at, c.id`,
  };
}

function registrationSpec(condition: Prisma.Sql, at: Prisma.Sql, filter: KpiFilter): SqlSpec {
  return {
    from: Prisma.sql`FROM registrations r JOIN contracts c ON c.id = r.contract_id JOIN deals d ON d.id = c.deal_id
      ${dealJoins} WHERE ${condition} ${filterSql(filter)}`,
    select: Prisma.sql`r.id::text AS id, 'registration' AS kind, ${dealLabel} AS label, ${dealHref} AS href,
      ${at} AS at, r.fee::text AS amount`,
    order: Prisma.sql`${at}, r.id`,
  };
}

/** The record query of a metric counted in SQL; null for the metrics measured in JS (./durations.ts). */
function sqlSpec(metric: KpiMetric, w: Window, filter: KpiFilter): SqlSpec | null {
  const at = (column: string) => Prisma.raw(column);
  switch (metric) {
    case "offers_published":
    case "demands_published": {
      const kind: ListingKind = metric === "offers_published" ? "offer" : "demand";
      return {
        from: listings([kind], w, publishedAtEnd(w), filter),
        select: listingSelect(),
        order: Prisma.sql`l.published_at, l.id`,
      };
    }
    case "offers_new":
    case "demands_new":
    case "funnel_listings_published": {
      const kinds: ListingKind[] =
        metric === "offers_new" ? ["offer"] : metric === "demands_new" ? ["demand"] : ["offer", "demand"];
      const fresh = within(Prisma.sql`l.published_at`, w);
      return {
        from: listings(kinds, w, fresh, filter),
        select: listingSelect(),
        order: Prisma.sql`l.published_at, l.id`,
      };
    }
    case "listings_updated_share":
      return {
        from: listings(["offer", "demand"], w, publishedAtEnd(w), filter),
        select: listingSelect(updatedRecently(w)),
        order: Prisma.sql`l.published_at, l.id`,
      };
    case "listings_expired":
      return {
        from: Prisma.sql`FROM audit_events a ${listingEventJoins}
          WHERE a.action IN ('offer.expire', 'demand.expire') AND ${within(Prisma.sql`a.occurred_at`, w)} ${filterSql(filter)}`,
        select: Prisma.sql`a.entity_id AS id, a.entity_type AS kind, COALESCE(o.title_vi, dm.title_vi) AS label,
          '/admin/moderation/' || a.entity_type || '/' || a.entity_id AS href, a.occurred_at AS at`,
        order: Prisma.sql`a.occurred_at, a.seq`,
      };
    case "organizations_verified":
      if (filter.field !== undefined) return null;
      return {
        from: Prisma.sql`FROM organizations g
          WHERE g.verification_status = 'VERIFIED' AND g.verified_at < ${w.to} ${filterSql(filter, false)}`,
        select: Prisma.sql`g.id::text AS id, 'organization' AS kind, g.name AS label, '/organizations/' || g.slug AS href,
          g.verified_at AS at`,
        order: Prisma.sql`g.verified_at, g.id`,
      };
    case "eoi_response_days_median":
      return dealSpec(
        Prisma.sql`d.origin <> 'EXPRESS_LICENCE' AND ${within(Prisma.sql`d.responded_at`, w)}`,
        at("d.responded_at"),
        filter,
        Prisma.sql`, extract(epoch FROM d.responded_at - d.created_at)::float8 / 86400 AS measure`,
      );
    case "eoi_answered_on_time_share":
      return dealSpec(
        Prisma.sql`((d.origin <> 'EXPRESS_LICENCE' AND ${within(Prisma.sql`d.responded_at`, w)})
          OR (d.state = 'EXPIRED' AND ${within(Prisma.sql`d.state_changed_at`, w)}))`,
        Prisma.sql`COALESCE(d.responded_at, d.state_changed_at)`,
        filter,
        Prisma.sql`, d.responded_at IS NOT NULL AS met`,
      );
    case "funnel_matches_suggested":
      return {
        from: Prisma.sql`FROM matches m JOIN offers o ON o.id = m.offer_id JOIN demands dm ON dm.id = m.demand_id
          JOIN taxonomy_nodes t ON t.code = o.sector_code JOIN organizations g ON g.id = o.organization_id
          WHERE ${within(Prisma.sql`m.created_at`, w)} ${filterSql(filter)}`,
        select: Prisma.sql`m.id::text AS id, 'match' AS kind, o.title_vi || ' ↔ ' || dm.title_vi AS label,
          '/admin/moderation/offer/' || o.id AS href, m.created_at AS at`,
        order: Prisma.sql`m.created_at, m.id`,
      };
    case "funnel_deals_started":
      return dealSpec(within(Prisma.sql`d.created_at`, w), at("d.created_at"), filter);
    case "funnel_ndas_accepted":
      return dealSpec(within(Prisma.sql`d.nda_acknowledged_at`, w), at("d.nda_acknowledged_at"), filter);
    case "funnel_deals_completed":
      return dealSpec(
        Prisma.sql`d.state = 'COMPLETED' AND ${within(Prisma.sql`d.state_changed_at`, w)}`,
        at("d.state_changed_at"),
        filter,
      );
    case "funnel_contracts_signed":
    case "contracts_value_total":
      return contractSpec(Prisma.sql`true`, w, filter);
    case "state_funded_commercialised":
      return contractSpec(Prisma.sql`o.state_funded`, w, filter);
    case "funnel_registrations_certified":
      return registrationSpec(
        Prisma.sql`r.state = 'CERTIFIED' AND ${within(Prisma.sql`r.decided_at`, w)}`,
        at("r.decided_at"),
        filter,
      );
    case "registrations_filed":
    case "registration_fees_total":
      return registrationSpec(within(Prisma.sql`r.filed_at`, w), at("r.filed_at"), filter);
    default:
      return null;
  }
}

interface RawRecord {
  id: string;
  kind: KpiRecordKind;
  label: string;
  href: string;
  at: Date | null;
  amount?: string | null;
  met?: boolean | null;
  measure?: number | null;
}

function toRecord(row: RawRecord): KpiRecord {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    href: row.href,
    at: row.at,
    ...(row.amount != null ? { amount: BigInt(row.amount) } : {}),
    ...(row.met != null ? { met: row.met } : {}),
    ...(row.measure != null ? { measure: row.measure } : {}),
  };
}

const MODERATION_METRICS: readonly KpiMetric[] = [
  "moderation_decisions",
  "moderation_working_days_median",
  "moderation_working_days_p90",
  "moderation_on_time_share",
];
const REGISTRATION_STEP_METRICS: readonly KpiMetric[] = [
  "registration_processing_working_days_median",
  "registration_decision_on_time_share",
  "registration_papers_on_time_share",
];

/**
 * A page of the records behind the metrics measured in JS (working days): counted and paged in SQL,
 * only the page's records judged. Null for other metrics.
 */
async function measuredRecords(
  metric: KpiMetric,
  w: Window,
  filter: KpiFilter,
  requestedPage: number,
  pageSize: number,
): Promise<Omit<KpiRecordPage, "metric"> | null> {
  const moderation = MODERATION_METRICS.includes(metric);
  if (!moderation && !REGISTRATION_STEP_METRICS.includes(metric)) return null;
  const papers = metric === "registration_papers_on_time_share";
  const load = async (page: number): Promise<KpiRecord[]> => {
    const slice = { limit: pageSize, offset: (page - 1) * pageSize };
    if (moderation) {
      return (await moderationDecisions(w, filter, slice)).map((d) => ({
        id: d.listingId,
        kind: d.kind,
        label: d.title,
        href: `/admin/moderation/${d.kind}/${d.listingId}`,
        at: d.decidedAt,
        met: d.onTime,
        measure: d.workingDays,
      }));
    }
    return (await registrationSteps(w, filter, { papers, page: slice })).map((s) => ({
      id: s.registrationId,
      kind: "registration" as const,
      label: `${s.reference} · ${s.title}`,
      href: `/admin/deals/${s.reference}`,
      at: s.actedAt,
      met: s.onTime,
      measure: s.workingDays,
    }));
  };
  // The count and the requested page at once; a page past the end is read again once clamped.
  const requested = Math.max(1, requestedPage);
  const [total, first] = await Promise.all([
    moderation ? countModerationDecisions(w, filter) : countRegistrationSteps(w, filter, papers),
    load(requested),
  ]);
  const { page, pageCount } = clampPage(requested, total, pageSize);
  return { total, page, pageCount, records: page === requested ? first : await load(page) };
}

/**
 * One page of the records behind `metric` for `period` and `filter`, oldest first, for the staff
 * who oversee the exchange (`oversight:read`). `total` equals the metric's count (or its
 * denominator, or its sample) for the same period and filter; a metric that is not computed, or
 * does not apply to the filter (organizations by field), has no records.
 */
export async function kpiRecords(
  user: Principal | null,
  metric: KpiMetric,
  period: Period,
  filter: KpiFilter = {},
  requestedPage = 1,
  options: { now?: Date; pageSize?: number } = {},
): Promise<KpiRecordPage> {
  assertCan(user, "oversight:read");
  const parsed = KpiFilterSchema.parse(filter);
  const pageSize = options.pageSize ?? KPI_RECORDS_PAGE_SIZE;
  const w = windowOf(period, options.now ?? new Date());
  const empty = { metric, total: 0, page: 1, pageCount: 1, records: [] };
  if (!KPI_CATALOGUE[metric].computed) return empty;

  const measured = await measuredRecords(metric, w, parsed, requestedPage, pageSize);
  if (measured) return { metric, ...measured };

  const spec = sqlSpec(metric, w, parsed);
  if (!spec) return empty;
  const [{ total }] = (await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${spec.from}`) as [
    { total: number },
  ];
  const { page, pageCount } = clampPage(Math.max(1, requestedPage), total, pageSize);
  const rows = await db.$queryRaw<RawRecord[]>`
    SELECT ${spec.select} ${spec.from} ORDER BY ${spec.order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return { metric, total, page, pageCount, records: rows.map(toRecord) };
}
