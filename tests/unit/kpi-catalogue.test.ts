import { describe, expect, it } from "vitest";
import {
  COMPUTED_METRICS,
  defaultComparator,
  FUNNEL_STAGES,
  isKpiMetric,
  KPI_CATALOGUE,
  KPI_DIMENSIONS,
  KPI_METRICS,
  metricsOf,
  PUBLIC_METRICS,
} from "@/lib/kpi/catalogue";

// The integration test (tests/integration/kpi.test.ts) proves the other half: every computed
// metric gets a value from the computation and has records behind it.
describe("KPI catalogue", () => {
  it("covers DOMAIN §9 and issue 13 item 2", () => {
    for (const key of [
      "offers_published",
      "demands_published",
      "offers_new",
      "demands_new",
      "listings_updated_share",
      "listings_expired",
      "organizations_verified",
      "moderation_working_days_median",
      "moderation_working_days_p90",
      "moderation_on_time_share",
      "eoi_response_days_median",
      "eoi_answered_on_time_share",
      "registration_processing_working_days_median",
      "registration_papers_on_time_share",
      "registration_decision_on_time_share",
      "complaint_resolution_days_median",
      "contracts_value_total",
      "registration_fees_total",
      "state_funded_commercialised",
      ...FUNNEL_STAGES,
    ]) {
      expect(isKpiMetric(key), key).toBe(true);
    }
  });

  it("has a consistent entry for every metric", () => {
    for (const key of KPI_METRICS) {
      const entry = KPI_CATALOGUE[key];
      expect(["supply_demand", "service_levels", "market_results"]).toContain(entry.group);
      expect(
        entry.breakdowns.every((d) => (KPI_DIMENSIONS as readonly string[]).includes(d)),
        key,
      ).toBe(true);
      expect(entry.definition.length, key).toBeGreaterThan(20);
      // Durations are better lower; a share of "on time" or a count of results better higher.
      if (entry.unit === "working_days" || entry.unit === "days") expect(entry.better, key).toBe("lower");
      expect(defaultComparator(key)).toBe(entry.better === "higher" ? "gte" : "lte");
    }
    expect(
      metricsOf("supply_demand").length + metricsOf("service_levels").length + metricsOf("market_results").length,
    ).toBe(KPI_METRICS.length);
  });

  it("says the complaint resolution time is not computed rather than inventing it", () => {
    expect(COMPUTED_METRICS).not.toContain("complaint_resolution_days_median");
    expect(KPI_METRICS.filter((key) => !KPI_CATALOGUE[key].computed)).toEqual(["complaint_resolution_days_median"]);
  });

  it("publishes the issue's public statistics and keeps staff-only figures out", () => {
    for (const key of [
      "offers_published",
      "demands_published",
      "moderation_on_time_share",
      "registration_decision_on_time_share",
      "registration_papers_on_time_share",
      "contracts_value_total",
      ...FUNNEL_STAGES,
    ]) {
      expect(PUBLIC_METRICS, key).toContain(key);
    }
    expect(PUBLIC_METRICS).not.toContain("registration_fees_total");
    expect(PUBLIC_METRICS).not.toContain("complaint_resolution_days_median");
    expect(PUBLIC_METRICS.every((key) => KPI_CATALOGUE[key].computed)).toBe(true);
  });

  it("orders the funnel from publication to completion", () => {
    expect(FUNNEL_STAGES).toEqual([
      "funnel_listings_published",
      "funnel_matches_suggested",
      "funnel_deals_started",
      "funnel_ndas_accepted",
      "funnel_contracts_signed",
      "funnel_registrations_certified",
      "funnel_deals_completed",
    ]);
    expect(FUNNEL_STAGES.every((key) => KPI_CATALOGUE[key].unit === "count")).toBe(true);
  });
});
