/**
 * The catalogue of the Department's KPIs (DOMAIN §9, issue #13 item 2): every metric the console,
 * the review, the targets and the public statistics may show, with what it measures. Typing the
 * keys here turns a misspelt metric into a compile error, and tests/unit/kpi-catalogue.test.ts
 * proves that every metric computed has an entry and every entry that is computed is computed.
 * Pure and client-safe. Labels live in the message catalogs (`kpi.metrics.<key>`), not here.
 *
 * How a metric relates to its period (`aggregation`):
 * - "stock": a state at the end of the period (published offers on its last day; the current
 *   state while the period runs);
 * - "flow": what happened during the period (new listings, signed contracts), which accumulates
 *   while the period runs — the target status projects it to the period's end (./status.ts);
 * - "level": a rate or a duration measured on what happened during the period (median, share).
 */
import { MODERATION_TARGET_WORKING_DAYS } from "@/lib/listings/review-eta";

export type KpiGroup = "supply_demand" | "service_levels" | "market_results";
export type KpiUnit = "count" | "working_days" | "days" | "percent" | "vnd";
export type KpiDirection = "higher" | "lower";
export type KpiAggregation = "stock" | "flow" | "level";
/** Breakdowns: the listing's field (top level of its sector), the organization's district and type. */
export type KpiDimension = "field" | "district" | "orgType";
export const KPI_DIMENSIONS = ["field", "district", "orgType"] as const satisfies readonly KpiDimension[];

// The moderation target is the listings' rule (lib/listings/review-eta.ts); the KPI judges against it.
export { MODERATION_TARGET_WORKING_DAYS };
/** A listing counts as "updated in the last quarter" when its owner changed it in the last 90 days. */
export const UPDATED_WITHIN_DAYS = 90;

export interface KpiDefinition {
  readonly group: KpiGroup;
  readonly unit: KpiUnit;
  /** Which way is better, for the target status (higher: "gte" targets, lower: "lte"). */
  readonly better: KpiDirection;
  readonly aggregation: KpiAggregation;
  /** Shown on /statistics and in open data (aggregates only, never personal data). */
  readonly public: boolean;
  /** The breakdowns that make sense for it (organizations have no field, for example). */
  readonly breakdowns: readonly KpiDimension[];
  /**
   * False for a metric the exchange cannot compute yet (no data model): listed so the review shows
   * it as "not measured" instead of inventing a figure.
   */
  readonly computed: boolean;
  /** What is counted or measured, for the methodology note and the tests (English). */
  readonly definition: string;
}

const ALL = KPI_DIMENSIONS;
const ORG_ONLY = ["district", "orgType"] as const satisfies readonly KpiDimension[];

function metric(
  group: KpiGroup,
  unit: KpiUnit,
  aggregation: KpiAggregation,
  definition: string,
  options: { better?: KpiDirection; public?: boolean; breakdowns?: readonly KpiDimension[]; computed?: boolean } = {},
): KpiDefinition {
  return {
    group,
    unit,
    aggregation,
    definition,
    better: options.better ?? "higher",
    public: options.public ?? true,
    breakdowns: options.breakdowns ?? ALL,
    computed: options.computed ?? true,
  };
}

export const KPI_CATALOGUE = {
  // ─── Supply and demand ───────────────────────────────────────────────────
  offers_published: metric(
    "supply_demand",
    "count",
    "stock",
    "Offers published at the end of the period: first published before it ends and neither expired nor withdrawn by then.",
  ),
  demands_published: metric(
    "supply_demand",
    "count",
    "stock",
    "Demands published at the end of the period (as offers).",
  ),
  offers_new: metric("supply_demand", "count", "flow", "Offers first published during the period."),
  demands_new: metric("supply_demand", "count", "flow", "Demands first published during the period."),
  listings_updated_share: metric(
    "supply_demand",
    "percent",
    "stock",
    "Of the offers and demands published at the end of the period, the share their owner updated within the 90 days before it (before now while it runs).",
  ),
  listings_expired: metric(
    "supply_demand",
    "count",
    "flow",
    "Offers and demands expired during the period (12 months without renewal): the daily job's expiry events.",
    { better: "lower" },
  ),
  organizations_verified: metric(
    "supply_demand",
    "count",
    "stock",
    "Organizations verified at the end of the period (verified before it ends and still verified).",
    { breakdowns: ORG_ONLY },
  ),

  // ─── Operator service levels ─────────────────────────────────────────────
  moderation_decisions: metric(
    "service_levels",
    "count",
    "flow",
    "Moderation decisions taken during the period: approvals and rejections of submitted listings and of revisions.",
  ),
  moderation_working_days_median: metric(
    "service_levels",
    "working_days",
    "level",
    "Median, over the decisions of the period, of the working days from the submission (or revision, or renewal for review) to the decision (Vietnamese public holidays and weekends excluded).",
    { better: "lower", public: false },
  ),
  moderation_working_days_p90: metric(
    "service_levels",
    "working_days",
    "level",
    "90th percentile of the same working days.",
    { better: "lower", public: false },
  ),
  moderation_on_time_share: metric(
    "service_levels",
    "percent",
    "level",
    `Share of the period's moderation decisions taken within ${MODERATION_TARGET_WORKING_DAYS} working days of the submission.`,
  ),
  eoi_response_days_median: metric(
    "service_levels",
    "days",
    "level",
    "Median days from an expression of interest (or proposal) to the recipient's answer, over the answers given during the period; express licences excluded.",
    { better: "lower", public: false },
  ),
  eoi_answered_on_time_share: metric(
    "service_levels",
    "percent",
    "level",
    "Of the expressions of interest settled during the period (answered, or expired after 10 days without an answer), the share answered.",
    { public: false },
  ),
  registration_processing_working_days_median: metric(
    "service_levels",
    "working_days",
    "level",
    "Median working days from a complete registration file (filed, or completed with the papers asked for) to the Department's decision, over the decisions of the period.",
    { better: "lower", public: false },
  ),
  registration_papers_on_time_share: metric(
    "service_levels",
    "percent",
    "level",
    "Share of the period's requests for missing papers made within 3 working days of receiving the file (Art. 31 procedure).",
  ),
  registration_decision_on_time_share: metric(
    "service_levels",
    "percent",
    "level",
    "Share of the period's registration decisions (certified or refused) taken within 5 working days of a complete file.",
  ),
  complaint_resolution_days_median: metric(
    "service_levels",
    "days",
    "level",
    "Not measured: the exchange has no complaint records yet (no complaint model). Shown as not available, never estimated.",
    { better: "lower", public: false, computed: false },
  ),

  // ─── Market results (the funnel, in the order of its stages) ─────────────
  funnel_listings_published: metric(
    "market_results",
    "count",
    "flow",
    "Offers and demands first published during the period (offers_new + demands_new).",
  ),
  funnel_matches_suggested: metric(
    "market_results",
    "count",
    "flow",
    "Offer–demand matches first suggested during the period and still on record (suggestions that fell out before anyone acted on them are removed by the matching job).",
  ),
  funnel_deals_started: metric(
    "market_results",
    "count",
    "flow",
    "Deals started during the period: expressions of interest, proposals and express licences.",
  ),
  funnel_ndas_accepted: metric(
    "market_results",
    "count",
    "flow",
    "Non-disclosure agreements accepted during the period.",
  ),
  funnel_contracts_signed: metric(
    "market_results",
    "count",
    "flow",
    "Contracts signed during the period (both parties confirmed the same version).",
  ),
  funnel_registrations_certified: metric(
    "market_results",
    "count",
    "flow",
    "Registrations certified by the Department during the period.",
  ),
  funnel_deals_completed: metric("market_results", "count", "flow", "Deals completed during the period."),
  contracts_value_total: metric(
    "market_results",
    "vnd",
    "flow",
    "Total value (VND) of the contracts signed during the period.",
  ),
  registrations_filed: metric("market_results", "count", "flow", "Registrations filed during the period."),
  registration_fees_total: metric(
    "market_results",
    "vnd",
    "flow",
    "Registration fees (VND, Circular 169/2016: 0.1% of the value, 3–5 million) of the registrations filed during the period.",
    { public: false },
  ),
  state_funded_commercialised: metric(
    "market_results",
    "count",
    "flow",
    "Contracts signed during the period on a state-funded offer: state-funded results commercialised.",
  ),
} as const satisfies Record<string, KpiDefinition>;

export type KpiMetric = keyof typeof KPI_CATALOGUE;

export const KPI_METRICS = Object.keys(KPI_CATALOGUE) as KpiMetric[];

/** The metrics computeKpis computes (every catalogue entry but the ones marked not computed). */
export const COMPUTED_METRICS = KPI_METRICS.filter((key) => KPI_CATALOGUE[key].computed);

/** The metrics /statistics and open data may show. */
export const PUBLIC_METRICS = COMPUTED_METRICS.filter((key) => KPI_CATALOGUE[key].public);

/** The funnel's stages, in order (DOMAIN §9: listings → matches → EOIs → NDAs → signed → registered → completed). */
export const FUNNEL_STAGES = [
  "funnel_listings_published",
  "funnel_matches_suggested",
  "funnel_deals_started",
  "funnel_ndas_accepted",
  "funnel_contracts_signed",
  "funnel_registrations_certified",
  "funnel_deals_completed",
] as const satisfies readonly KpiMetric[];

export function isKpiMetric(value: string): value is KpiMetric {
  return Object.hasOwn(KPI_CATALOGUE, value);
}

/** The comparator a target on this metric uses by default: "gte" when higher is better. */
export function defaultComparator(key: KpiMetric): "gte" | "lte" {
  return KPI_CATALOGUE[key].better === "higher" ? "gte" : "lte";
}

/** The metrics of one group, in catalogue order (the dashboard's sections). */
export function metricsOf(group: KpiGroup): KpiMetric[] {
  return KPI_METRICS.filter((key) => KPI_CATALOGUE[key].group === group);
}
