import { addWorkingDays, workingDaysBetween } from "@/lib/calendar/working-days";

/** The operator's moderation target (DOMAIN §9): a decision within this many working days. */
export const MODERATION_TARGET_WORKING_DAYS = 2;

/**
 * When the owner of a submitted listing can expect the operator's decision: the operator's target
 * (MODERATION_TARGET_WORKING_DAYS, DOMAIN §9) counted in the Department's working days from the
 * submission (lib/calendar: weekends, public holidays and make-up Saturdays respected, in
 * Asia/Ho_Chi_Minh). Pure and client-safe: the workspace's status panel shows it, the unit test
 * pins it.
 */
export interface ReviewEta {
  /** The instant `target` working days after the submission; shown as its Vietnamese date. */
  expectedBy: Date;
  /** Working days the operator aims to take. */
  targetWorkingDays: number;
  /** True once more working days than the target have passed without a decision. */
  overdue: boolean;
}

export function reviewEta(submittedAt: Date, now: Date): ReviewEta {
  return {
    expectedBy: addWorkingDays(submittedAt, MODERATION_TARGET_WORKING_DAYS),
    targetWorkingDays: MODERATION_TARGET_WORKING_DAYS,
    overdue: workingDaysBetween(submittedAt, now) > MODERATION_TARGET_WORKING_DAYS,
  };
}
