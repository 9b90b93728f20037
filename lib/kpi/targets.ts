import "server-only";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, type Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { COMPUTED_METRICS, KPI_CATALOGUE, defaultComparator, type KpiMetric } from "./catalogue";
import { isTargetPeriod, parsePeriodKey } from "@/lib/calendar/periods";

/**
 * The Department's targets for the operator (issue #13 item 3; the `KpiTarget` model): one per
 * metric and period (a month, a quarter or a year), set by officers (`kpi:manage`), audited with
 * the value before and after. The review judges each against the actual (./status.ts).
 */

export const TargetInputSchema = z.object({
  metric: z.string().refine((m): m is KpiMetric => (COMPUTED_METRICS as string[]).includes(m), "invalid_metric"),
  period: z.string().refine((p) => {
    const period = parsePeriodKey(p);
    return period !== null && isTargetPeriod(period);
  }, "invalid_period"),
  target: z.preprocess(
    (v) => (typeof v === "string" ? Number(v.trim().replace(",", ".")) : v),
    z.number({ error: "target_number" }).finite("target_number").min(0, "target_not_negative"),
  ),
  comparator: z.enum(["gte", "lte"]).optional(),
  note: z
    .string()
    .max(1_000, "too_long")
    .nullish()
    .transform((v) => (v?.trim() ? v.trim() : null)),
});
export type TargetInput = {
  metric: string;
  period: string;
  target: unknown;
  comparator?: "gte" | "lte";
  note?: string | null;
};

/** Sets (or changes) the target of a metric for a period. Percentages cannot exceed 100. */
export async function setTarget(ctx: AuditContext, user: Principal, input: TargetInput) {
  assertCan(user, "kpi:manage");
  const parsed = TargetInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("validation", parsed.error.issues[0]?.message ?? "invalid_input");
  const { metric, target, note } = parsed.data;
  const period = parsePeriodKey(parsed.data.period)!.key;
  const key = metric as KpiMetric;
  if (KPI_CATALOGUE[key].unit === "percent" && target > 100) throw new AppError("validation", "target_percent");
  const comparator = parsed.data.comparator ?? defaultComparator(key);
  const result = await audited(ctx, async (tx) => {
    const before = await tx.kpiTarget.findUnique({ where: { metric_period: { metric, period } } });
    const row = await tx.kpiTarget.upsert({
      where: { metric_period: { metric, period } },
      create: { metric, period, target, comparator, note, createdById: user.id },
      update: { target, comparator, note },
    });
    return {
      result: row,
      audit: {
        action: "kpi.target_set" as const,
        entityType: "kpi_target",
        entityId: row.id,
        before: before ? { target: before.target, comparator: before.comparator, note: before.note } : null,
        after: { metric, period, target, comparator, note },
      },
    };
  });
  return result;
}

/** Removes a target (the review then shows "no target"). */
export async function deleteTarget(ctx: AuditContext, user: Principal, id: string) {
  assertCan(user, "kpi:manage");
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found");
  await audited(ctx, async (tx) => {
    const row = await tx.kpiTarget.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found");
    await tx.kpiTarget.delete({ where: { id } });
    return {
      result: null,
      audit: {
        action: "kpi.target_delete" as const,
        entityType: "kpi_target",
        entityId: id,
        before: { metric: row.metric, period: row.period, target: row.target, comparator: row.comparator },
        after: null,
      },
    };
  });
}

/** The targets of a period, for staff. */
export async function targetsOf(user: Principal, periodKey: string) {
  assertCan(user, "oversight:read");
  return db.kpiTarget.findMany({ where: { period: periodKey }, orderBy: { metric: "asc" } });
}
