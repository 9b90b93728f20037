import "server-only";
import { assertCan, type Principal } from "@/lib/authz";
import { COMPUTED_METRICS, KPI_CATALOGUE, KPI_METRICS, type KpiDimension, type KpiMetric } from "./catalogue";
import { measuredFigures, type MeasuredItem, type MeasuredSource } from "./durations";
import { contractFacts, matchFacts, registrationFacts } from "./facts";
import type { Period } from "@/lib/calendar/periods";
import { rolledFacts, withCoverage, type Range, type RollupSource } from "./rollups";
import {
  dealJoinsFor,
  dimensionReads,
  factFilterSql,
  factGrouping,
  filterSql,
  grouping,
  kpiQuery,
  KpiFilterSchema,
  listingEventJoinsFor,
  publishedAtEnd,
  updatedRecently,
  windowOf,
  within,
  type DimensionReads,
  type KpiFilter,
  type Window,
} from "./sql";
import { amountValue, countValue, NO_VALUE, percentileValue, shareValue, type KpiValue } from "./values";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The KPI computation (issue #13 item 2): every metric of the catalogue for one period, optionally
 * restricted by a filter and broken down by one dimension, in a handful of set-based statements
 * (one per source table, every metric of that table counted in the same scan with FILTER, the
 * breakdown's rows and the total in the same pass with GROUPING SETS), run in parallel. The
 * working-day service levels are judged in ./durations.ts. The costliest flows read the months of
 * the period that are over from their monthly rollups and compute the rest live, from the same
 * snapshot (./rollups.ts): the same figures as computing everything live, at any moment. A source
 * joins only the dimensions its filter and breakdown read. Indexes and rollups: lib/kpi/README.md.
 */

export type KpiValues = Record<KpiMetric, KpiValue>;

export interface KpiBreakdownRow {
  /** The dimension's value: a field code ("2"), a location code ("HN-CAUGIAY"), an OrgType; null when unknown. */
  readonly key: string | null;
  /** Metrics without this breakdown (see the catalogue's `breakdowns`) have no value here. */
  readonly values: KpiValues;
}

export interface KpiReport {
  readonly period: Period;
  readonly filter: KpiFilter;
  /** The instant the stock figures describe: the period's end, or the computation's time while it runs. */
  readonly asOf: Date;
  readonly values: KpiValues;
  readonly breakdown: { readonly dimension: KpiDimension; readonly rows: readonly KpiBreakdownRow[] } | null;
}

export interface KpiOptions {
  readonly filter?: KpiFilter;
  readonly breakdown?: KpiDimension | null;
  /** The current time (tests and reproducible reviews); defaults to now. */
  readonly now?: Date;
  /**
   * False: compute every month live from the records, ignoring the monthly rollups (the plain
   * computation the rollups are proven against). Defaults to true; the figures are the same.
   */
  readonly rollups?: boolean;
}

/** Partial values per group: TOTAL for the whole, otherwise the dimension's value. */
type Acc = Map<string | null | typeof TOTAL, Partial<KpiValues>>;
const TOTAL = Symbol("total");

interface GroupRow {
  key: string | null;
  total: boolean;
}

function put(acc: Acc, row: GroupRow, values: Partial<KpiValues>) {
  const group = row.total ? TOTAL : row.key;
  acc.set(group, { ...acc.get(group), ...values });
}

async function listingSource(acc: Acc, table: "offers" | "demands", w: Window, scope: Scope) {
  const g = grouping(scope.breakdown);
  const rows = await kpiQuery<GroupRow & { published: number; fresh: number; updated: number }>(Prisma.sql`
    SELECT ${g.select},
           count(*) FILTER (WHERE ${publishedAtEnd(w)})::int AS published,
           count(*) FILTER (WHERE l.published_at >= ${w.from})::int AS fresh,
           count(*) FILTER (WHERE ${publishedAtEnd(w)} AND ${updatedRecently(w)})::int AS updated
      FROM ${Prisma.raw(table)} l
      ${scope.reads.organization ? Prisma.sql`JOIN organizations g ON g.id = l.organization_id` : Prisma.empty}
      ${scope.reads.sector ? Prisma.sql`JOIN taxonomy_nodes t ON t.code = l.sector_code` : Prisma.empty}
     WHERE l.published_at < ${w.to} ${filterSql(scope.filter)}
     ${g.groupBy}`);
  const kind = table === "offers" ? "offer" : "demand";
  for (const row of rows) {
    put(acc, row, {
      [`${kind}s_published`]: countValue(row.published),
      [`${kind}s_new`]: countValue(row.fresh),
      [`_${kind}s_updated`]: countValue(row.updated),
    } as Partial<KpiValues>);
  }
}

async function expirySource(acc: Acc, w: Window, scope: Scope) {
  const g = grouping(scope.breakdown);
  const listing = listingEventJoinsFor(scope.reads);
  const rows = await kpiQuery<GroupRow & { expired: number }>(Prisma.sql`
    SELECT ${g.select}, count(*)::int AS expired
      FROM audit_events a ${listing.joins}
     WHERE a.action IN ('offer.expire', 'demand.expire') AND ${within(Prisma.sql`a.occurred_at`, w)}
       ${listing.condition} ${filterSql(scope.filter)}
     ${g.groupBy}`);
  for (const row of rows) put(acc, row, { listings_expired: countValue(row.expired) });
}

async function organizationSource(acc: Acc, w: Window, scope: Scope) {
  // Organizations have no field: a field filter leaves the metric without a value, a field breakdown without rows.
  if (scope.filter.field !== undefined) return;
  const breakdown = scope.breakdown === "field" ? null : scope.breakdown;
  const g = grouping(breakdown);
  const rows = await kpiQuery<GroupRow & { verified: number }>(Prisma.sql`
    SELECT ${g.select}, count(*)::int AS verified
      FROM organizations g
     WHERE g.verification_status = 'VERIFIED' AND g.verified_at < ${w.to} ${filterSql(scope.filter, false)}
     ${g.groupBy}`);
  for (const row of rows) put(acc, row, { organizations_verified: countValue(row.verified) });
}

async function dealSource(acc: Acc, w: Window, scope: Scope) {
  const g = grouping(scope.breakdown);
  const answered = Prisma.sql`(d.origin <> 'EXPRESS_LICENCE' AND ${within(Prisma.sql`d.responded_at`, w)})`;
  const expired = Prisma.sql`(d.state = 'EXPIRED' AND ${within(Prisma.sql`d.state_changed_at`, w)})`;
  const rows = await kpiQuery<
    GroupRow & {
      started: number;
      ndas: number;
      completed: number;
      answered: number;
      expired: number;
      medianDays: number | null;
    }
  >(Prisma.sql`
    SELECT ${g.select},
           count(*) FILTER (WHERE ${within(Prisma.sql`d.created_at`, w)})::int AS started,
           count(*) FILTER (WHERE ${within(Prisma.sql`d.nda_acknowledged_at`, w)})::int AS ndas,
           count(*) FILTER (WHERE d.state = 'COMPLETED' AND ${within(Prisma.sql`d.state_changed_at`, w)})::int AS completed,
           count(*) FILTER (WHERE ${answered})::int AS answered,
           count(*) FILTER (WHERE ${expired})::int AS expired,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.responded_at - d.created_at) / 86400)
             FILTER (WHERE ${answered}) AS "medianDays"
      FROM deals d ${dealJoinsFor(scope.reads)}
     WHERE (${within(Prisma.sql`d.created_at`, w)} OR ${within(Prisma.sql`d.nda_acknowledged_at`, w)}
         OR ${within(Prisma.sql`d.responded_at`, w)} OR ${within(Prisma.sql`d.state_changed_at`, w)})
       ${filterSql(scope.filter)}
     ${g.groupBy}`);
  for (const row of rows) {
    put(acc, row, {
      funnel_deals_started: countValue(row.started),
      funnel_ndas_accepted: countValue(row.ndas),
      funnel_deals_completed: countValue(row.completed),
      eoi_response_days_median: { value: row.medianDays, sample: row.answered },
      eoi_answered_on_time_share: shareValue(row.answered, row.answered + row.expired),
    });
  }
}

type Facts = (ranges: readonly Range[], filter: KpiFilter, reads: DimensionReads) => Prisma.Sql;

/**
 * A rolled-up source's figures (./rollups.ts): the rollups of the period's months that have a valid
 * one plus its facts in the rest of the period, aggregated by `select` over fact rows `f`, filtered
 * and grouped.
 */
function rolledSource<T>(source: RollupSource, facts: Facts, select: Prisma.Sql, w: Window, scope: Scope) {
  const g = factGrouping(scope.breakdown);
  return withCoverage<GroupRow & T>(
    source,
    w,
    scope.rollups,
    (plan) => Prisma.sql`
      SELECT ${g.select}, ${select}
        FROM (${rolledFacts(source, plan.rolled)} UNION ALL ${facts(plan.live, scope.filter, scope.reads)}) f
       WHERE true ${factFilterSql(scope.filter)}
       ${g.groupBy}`,
  );
}

async function matchSource(acc: Acc, w: Window, scope: Scope) {
  const rows = await rolledSource<{ matches: number }>(
    "matches",
    matchFacts,
    Prisma.sql`COALESCE(sum(f.n), 0)::int AS matches`,
    w,
    scope,
  );
  for (const row of rows) put(acc, row, { funnel_matches_suggested: countValue(row.matches) });
}

async function contractSource(acc: Acc, w: Window, scope: Scope) {
  const rows = await rolledSource<{ signed: number; value: string; stateFunded: number }>(
    "contracts",
    contractFacts,
    Prisma.sql`COALESCE(sum(f.n), 0)::int AS signed, COALESCE(sum(f.amount), 0)::text AS value,
      COALESCE(sum(f.n) FILTER (WHERE f.met), 0)::int AS "stateFunded"`,
    w,
    scope,
  );
  for (const row of rows) {
    put(acc, row, {
      funnel_contracts_signed: countValue(row.signed),
      contracts_value_total: amountValue(BigInt(row.value)),
      state_funded_commercialised: countValue(row.stateFunded),
    });
  }
}

async function registrationSource(acc: Acc, w: Window, scope: Scope) {
  const rows = await rolledSource<{ filed: number; fees: string; certified: number }>(
    "registrations",
    registrationFacts,
    Prisma.sql`COALESCE(sum(f.n) FILTER (WHERE f.metric = 'filed'), 0)::int AS filed,
      COALESCE(sum(f.amount) FILTER (WHERE f.metric = 'filed'), 0)::text AS fees,
      COALESCE(sum(f.n) FILTER (WHERE f.metric = 'certified'), 0)::int AS certified`,
    w,
    scope,
  );
  for (const row of rows) {
    put(acc, row, {
      registrations_filed: countValue(row.filed),
      registration_fees_total: amountValue(BigInt(row.fees)),
      funnel_registrations_certified: countValue(row.certified),
    });
  }
}

type Judged = Pick<MeasuredItem, "event" | "workingDays" | "onTime">;

/**
 * The decisions or steps of the period by group: the total, then one list per breakdown value.
 * Rolled-up months come counted (`counted`: `count` alike items per group), the rest as items.
 */
async function measuredGroups(source: MeasuredSource, w: Window, scope: Scope): Promise<[GroupRow, Judged[]][]> {
  const { counted, items } = await measuredFigures(source, w, scope.filter, scope.breakdown, scope.rollups);
  const groups = new Map<string | null | typeof TOTAL, Judged[]>([[TOTAL, []]]);
  const add = (group: string | null | typeof TOTAL, item: Judged, count = 1) => {
    let list = groups.get(group);
    if (!list) groups.set(group, (list = []));
    for (let i = 0; i < count; i++) list.push(item);
  };
  for (const row of counted) add(row.total ? TOTAL : row.key, row, row.count);
  for (const item of items) {
    add(TOTAL, item);
    if (scope.breakdown) add(item[scope.breakdown], item);
  }
  return [...groups].map(([group, list]) => [
    group === TOTAL ? { key: null, total: true } : { key: group, total: false },
    list,
  ]);
}

async function moderationSource(acc: Acc, w: Window, scope: Scope) {
  for (const [group, rows] of await measuredGroups("moderation", w, scope)) {
    const days = rows.map((r) => r.workingDays);
    put(acc, group, {
      moderation_decisions: countValue(rows.length),
      moderation_working_days_median: percentileValue(days, 0.5),
      moderation_working_days_p90: percentileValue(days, 0.9),
      moderation_on_time_share: shareValue(rows.filter((r) => r.onTime).length, rows.length),
    });
  }
}

async function registrationStepSource(acc: Acc, w: Window, scope: Scope) {
  for (const [group, rows] of await measuredGroups("registration_steps", w, scope)) {
    const papers = rows.filter((r) => r.event === "request_papers");
    const decisions = rows.filter((r) => r.event !== "request_papers");
    put(acc, group, {
      registration_processing_working_days_median: percentileValue(
        decisions.map((r) => r.workingDays),
        0.5,
      ),
      registration_papers_on_time_share: shareValue(papers.filter((r) => r.onTime).length, papers.length),
      registration_decision_on_time_share: shareValue(decisions.filter((r) => r.onTime).length, decisions.length),
    });
  }
}

interface Scope {
  readonly filter: KpiFilter;
  readonly breakdown: KpiDimension | null;
  /** Read the valid monthly rollups (false: everything live). */
  readonly rollups: boolean;
  /** The dimensions the filter and the breakdown read (the sources skip the joins of the others). */
  readonly reads: DimensionReads;
}

/** The value of a metric in a group where no record was found: zero for counts and sums, nothing to measure otherwise. */
function emptyValue(metric: KpiMetric): KpiValue {
  const { unit, aggregation } = KPI_CATALOGUE[metric];
  if (unit === "vnd") return amountValue(0n);
  if (unit === "count") return countValue(0);
  if (unit === "percent") return shareValue(0, 0);
  return aggregation === "level" ? { value: null, sample: 0 } : NO_VALUE;
}

/** Complete values of one group: derived metrics, zeros where nothing was found, none where the metric does not apply. */
function complete(partial: Partial<KpiValues>, applies: (metric: KpiMetric) => boolean): KpiValues {
  const raw = partial as Partial<Record<string, KpiValue>>;
  const num = (key: string) => raw[key]?.value ?? 0;
  const derived: Partial<KpiValues> = {
    funnel_listings_published: countValue(num("offers_new") + num("demands_new")),
    listings_updated_share: shareValue(
      num("_offers_updated") + num("_demands_updated"),
      num("offers_published") + num("demands_published"),
    ),
  };
  const values = {} as KpiValues;
  for (const metric of KPI_METRICS) {
    values[metric] =
      !KPI_CATALOGUE[metric].computed || !applies(metric)
        ? NO_VALUE
        : (derived[metric] ?? partial[metric] ?? emptyValue(metric));
  }
  return values;
}

/** The computation itself, without authorization: callers are computeKpis (staff) and publicKpis. */
async function compute(period: Period, options: KpiOptions): Promise<KpiReport> {
  const filter = KpiFilterSchema.parse(options.filter ?? {});
  const breakdown = options.breakdown ?? null;
  const w = windowOf(period, options.now ?? new Date());
  const scope: Scope = {
    filter,
    breakdown,
    rollups: options.rollups ?? true,
    reads: dimensionReads(filter, breakdown),
  };
  const acc: Acc = new Map();
  await Promise.all([
    listingSource(acc, "offers", w, scope),
    listingSource(acc, "demands", w, scope),
    expirySource(acc, w, scope),
    organizationSource(acc, w, scope),
    moderationSource(acc, w, scope),
    dealSource(acc, w, scope),
    matchSource(acc, w, scope),
    contractSource(acc, w, scope),
    registrationSource(acc, w, scope),
    registrationStepSource(acc, w, scope),
  ]);
  // A metric applies to the whole unless it lacks the filtered dimension (organizations have no field).
  const appliesToFilter = (metric: KpiMetric) =>
    filter.field === undefined || KPI_CATALOGUE[metric].breakdowns.some((d) => d === "field");
  const values = complete(acc.get(TOTAL) ?? {}, appliesToFilter);
  const rows: KpiBreakdownRow[] = [];
  if (breakdown) {
    const keys = [...acc.keys()].filter((key): key is string | null => key !== TOTAL);
    keys.sort((a, b) => (a ?? "\uffff").localeCompare(b ?? "\uffff"));
    for (const key of keys) {
      const applies = (metric: KpiMetric) =>
        appliesToFilter(metric) && KPI_CATALOGUE[metric].breakdowns.some((d) => d === breakdown);
      rows.push({ key, values: complete(acc.get(key) ?? {}, applies) });
    }
  }
  return { period, filter, asOf: w.asOf, values, breakdown: breakdown ? { dimension: breakdown, rows } : null };
}

/**
 * Every KPI of the catalogue for `period`, for the staff who oversee the exchange (`oversight:read`:
 * operator, officers, auditors); anyone else: "forbidden" (signed out: "unauthenticated").
 * With `breakdown`, also one row per value of that dimension (same figures as filtering on it).
 */
export async function computeKpis(
  user: Principal | null,
  period: Period,
  options: KpiOptions = {},
): Promise<KpiReport> {
  assertCan(user, "oversight:read");
  return compute(period, options);
}

export type PublicKpiMetric = {
  [K in KpiMetric]: (typeof KPI_CATALOGUE)[K]["public"] extends true ? K : never;
}[KpiMetric];

export interface PublicKpiReport {
  readonly period: Period;
  readonly asOf: Date;
  readonly values: Record<PublicKpiMetric, KpiValue>;
  /** By field only: the public statistics are never broken down by organization. */
  readonly byField:
    readonly { readonly key: string | null; readonly values: Record<PublicKpiMetric, KpiValue> }[] | null;
}

function publicOnly(values: KpiValues): Record<PublicKpiMetric, KpiValue> {
  const out = {} as Record<string, KpiValue>;
  for (const metric of COMPUTED_METRICS) if (KPI_CATALOGUE[metric].public) out[metric] = values[metric];
  return out as Record<PublicKpiMetric, KpiValue>;
}

/**
 * The public metrics (catalogue `public: true`) for /statistics, open data and the public API:
 * aggregates only, computed by the same code as the staff dashboard, so both show the same figures
 * for the same period. No authorization: nothing here is personal or confidential.
 */
export async function publicKpis(
  period: Period,
  options: { byField?: boolean; now?: Date } = {},
): Promise<PublicKpiReport> {
  const report = await compute(period, { breakdown: options.byField ? "field" : null, now: options.now });
  return {
    period,
    asOf: report.asOf,
    values: publicOnly(report.values),
    byField: report.breakdown
      ? report.breakdown.rows.map((row) => ({ key: row.key, values: publicOnly(row.values) }))
      : null,
  };
}
