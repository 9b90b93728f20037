import "server-only";
import { refreshKpiRollups } from "@/lib/kpi/rollup-job";

/**
 * The Department's dashboard reads the months that are over from monthly rollups (lib/kpi/README.md):
 * this job writes a month's once it has been over for a day, and rewrites a month a late change made
 * invalid (a match removed, a listing moved to another field…; until then that month is computed
 * live, so the figures never depend on when it last ran). Hourly, so that such a month is slow for
 * an hour at most; a run with nothing to write takes milliseconds. Registered in ./registry.ts.
 */
export const kpiRollupsJob = {
  name: "kpi.rollups",
  cron: "40 * * * *",
  handler: async () => {
    const run = await refreshKpiRollups();
    return run.built > 0 ? run : undefined;
  },
};
