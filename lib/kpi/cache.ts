import "server-only";
import { unstable_cache } from "next/cache";
import { isOutsideNextServer } from "@/lib/cache/cached";
import { tags } from "@/lib/cache/tags";
import type { KpiReport } from "./compute";
import { isFinished, type Period } from "@/lib/calendar/periods";

/**
 * Finished periods' reports from Next's data cache (issue #13: the dashboard within 1 s on the
 * 100,000-listing benchmark). The dashboard shows six periods for the trend and the forecast; only
 * the running one is computed on every request, the five before it come from here. A finished
 * period's figures change only when history is corrected (a late audit event, a listing edited long
 * after), so they are kept for FINISHED_PERIOD_SECONDS and dropped with the `stats` tag. Shared by
 * every instance through the cache handler, like the public pages. Reports carry Dates and BigInts:
 * they are stored as JSON with both tagged, and revived.
 */
export const FINISHED_PERIOD_SECONDS = 3600;

const replacer = (_key: string, value: unknown) => (typeof value === "bigint" ? { $bigint: value.toString() } : value);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const reviver = (_key: string, value: unknown) => {
  if (typeof value === "string" && ISO.test(value)) return new Date(value);
  if (value && typeof value === "object" && "$bigint" in value && typeof value.$bigint === "string") {
    return BigInt(value.$bigint);
  }
  return value;
};

export function serializeReport(report: KpiReport): string {
  return JSON.stringify(report, replacer);
}

export function parseReport(text: string): KpiReport {
  return JSON.parse(text, reviver) as KpiReport;
}

/**
 * `compute()` for `period`, from the cache when the period is over. The caller has authorized the
 * user: the figures are the same for every member of the staff, so they may be shared.
 */
export async function reportFor(
  period: Period,
  key: string,
  now: Date,
  compute: () => Promise<KpiReport>,
): Promise<KpiReport> {
  if (!isFinished(period, now)) return compute();
  const load = unstable_cache(async () => serializeReport(await compute()), ["kpi-report", period.key, key], {
    tags: [tags.stats],
    revalidate: FINISHED_PERIOD_SECONDS,
  });
  try {
    return parseReport(await load());
  } catch (error) {
    if (isOutsideNextServer(error)) return compute();
    throw error;
  }
}
