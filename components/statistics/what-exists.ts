import type { KpiMetric } from "@/lib/kpi/catalogue";
import type { PublicMetric, PublicMetrics, PublicStatistics, QuarterResult } from "@/lib/open-data/statistics";

/**
 * What the statistics page shows of a period's figures (issue #15 item 9): what exists, so that an
 * exchange starting up does not read as a dead one. Selection only: every figure shown is the KPI
 * engine's, unchanged, so the page stays identical to the Department's dashboard.
 */

/** The funnel's stages that count deals: shown, with their zeros, once there are deals to count. */
export const DEAL_STAGES: readonly KpiMetric[] = [
  "funnel_deals_started",
  "funnel_ndas_accepted",
  "funnel_contracts_signed",
  "funnel_registrations_certified",
  "funnel_deals_completed",
];

/** The operator's on-time rates, in the order the page lists them. */
export const ON_TIME: readonly KpiMetric[] = [
  "moderation_on_time_share",
  "registration_papers_on_time_share",
  "registration_decision_on_time_share",
];

const number = (metrics: PublicMetrics, metric: KpiMetric) => {
  const value = metrics[metric]?.value;
  return typeof value === "number" ? value : 0;
};

export interface WhatExists {
  /** Some deal stage counted something: contracts, registrations and "0 contracts" make sense. */
  readonly dealsToCount: boolean;
  /** The funnel's stages to show: up to the transfer requests until there are deals to count. */
  readonly funnel: PublicStatistics["funnel"];
  /** Nothing in the funnel shown counted anything (a period before the first listing). */
  readonly funnelEmpty: boolean;
  /** Offers or demands were published at the end of the period (the charts by field and TRL). */
  readonly listingsExist: boolean;
  /** The quarters from the first one with a contract or a registration on; none when none has. */
  readonly quarters: readonly QuarterResult[];
  /** The on-time rates that had cases in the period. */
  readonly onTime: readonly ({ metric: KpiMetric } & PublicMetric)[];
}

/** What of `stats` (and the quarterly results beside it) there is to show. */
export function whatExists(stats: PublicStatistics, quarters: readonly QuarterResult[]): WhatExists {
  const m = stats.metrics;
  const dealsToCount = DEAL_STAGES.some((metric) => number(m, metric) > 0);
  const funnel = dealsToCount
    ? stats.funnel
    : stats.funnel.filter((stage) => !DEAL_STAGES.includes(stage.metric as KpiMetric));
  const active = (q: QuarterResult) =>
    q.contracts > 0 || q.value !== "0" || q.registrationsFiled > 0 || q.registrationsCertified > 0;
  const firstActive = quarters.findIndex(active);
  return {
    dealsToCount,
    funnel,
    funnelEmpty: funnel.every((stage) => !stage.count),
    listingsExist: number(m, "offers_published") + number(m, "demands_published") > 0,
    quarters: firstActive < 0 ? [] : quarters.slice(firstActive),
    onTime: ON_TIME.flatMap((metric) => {
      const value = m[metric];
      return value?.denominator ? [{ metric, ...value }] : [];
    }),
  };
}
