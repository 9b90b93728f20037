import "server-only";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { decisionDeadline, papersRequestDeadline } from "@/lib/deals/registration";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { MODERATION_TARGET_WORKING_DAYS } from "./catalogue";
import {
  dealJoins,
  dimensionColumns,
  filterSql,
  listingEventJoins,
  MODERATION_DECISIONS,
  type KpiFilter,
  type Window,
} from "./sql";

/**
 * The service levels measured in working days, read from the audit log (the only record of when a
 * decision was taken and of every round of a registration file) and judged here with lib/calendar
 * and the legal deadlines of lib/deals/registration.ts — the same functions the queues use, so the
 * console and the queues never disagree on what "on time" means. The rows are few (the decisions
 * of one period); both the computation and the drill-down read them through these functions.
 */

interface Dimensions {
  readonly field: string | null;
  readonly district: string | null;
  readonly orgType: string | null;
}

export interface ModerationDecision extends Dimensions {
  readonly kind: "offer" | "demand";
  readonly listingId: string;
  readonly title: string;
  readonly action: string;
  readonly submittedAt: Date;
  readonly decidedAt: Date;
  /** Working days from the submission to the decision (Vietnamese holidays and weekends excluded). */
  readonly workingDays: number;
  /** Within MODERATION_TARGET_WORKING_DAYS. */
  readonly onTime: boolean;
}

/**
 * The moderation decisions of the period, each with its submission: the latest submission,
 * revision or renewal for review of the same listing logged before the decision (a `submit` always
 * moves to SUBMITTED — a blocked one is logged as `screening_blocked` — while a `renew` does only
 * when it goes back to review, which its `after` says). A hand-over to an
 * officer (`approval_refused`) is not a decision: the clock runs on until the officer decides.
 */
export async function moderationDecisions(w: Window, filter: KpiFilter): Promise<ModerationDecision[]> {
  const rows = await db.$queryRaw<Omit<ModerationDecision, "workingDays" | "onTime">[]>`
    SELECT a.entity_type AS kind, a.entity_id AS "listingId", COALESCE(o.title_vi, dm.title_vi) AS title,
           a.action, s.occurred_at AS "submittedAt", a.occurred_at AS "decidedAt", ${dimensionColumns}
      FROM audit_events a
      JOIN LATERAL (
        SELECT s.occurred_at FROM audit_events s
         WHERE s.entity_type = a.entity_type AND s.entity_id = a.entity_id AND s.seq < a.seq
           AND (s.action IN (a.entity_type || '.submit', a.entity_type || '.revise')
             OR (s.action = a.entity_type || '.renew' AND s.after->>'status' = 'SUBMITTED'))
         ORDER BY s.seq DESC LIMIT 1) s ON true
      ${listingEventJoins}
     WHERE a.action IN (${Prisma.join(MODERATION_DECISIONS)}) AND a.occurred_at >= ${w.from} AND a.occurred_at < ${w.to}
       ${filterSql(filter)}
     ORDER BY a.occurred_at, a.seq`;
  return rows.map((row) => {
    const workingDays = workingDaysBetween(row.submittedAt, row.decidedAt);
    return { ...row, workingDays, onTime: workingDays <= MODERATION_TARGET_WORKING_DAYS };
  });
}

export interface RegistrationStep extends Dimensions {
  readonly registrationId: string;
  readonly reference: string;
  readonly title: string;
  /** "request_papers" is judged against the 3-working-day deadline, "certify" / "refuse" against the 5-day one. */
  readonly event: "request_papers" | "certify" | "refuse";
  /** When the Department had the file: filed, or completed with the papers it asked for. */
  readonly receivedAt: Date;
  readonly actedAt: Date;
  readonly workingDays: number;
  readonly onTime: boolean;
}

/**
 * The Department's steps on registration files during the period, each with the moment it received
 * the file it acted on (the latest filing or papers added before the step). A refusal of a file
 * still waiting for its papers is not timed: the file was with the party, not the Department.
 */
export async function registrationSteps(w: Window, filter: KpiFilter): Promise<RegistrationStep[]> {
  const rows = await db.$queryRaw<(Omit<RegistrationStep, "event" | "workingDays" | "onTime"> & { action: string })[]>`
    SELECT a.entity_id AS "registrationId", d.reference, COALESCE(o.title_vi, dm.title_vi, '') AS title,
           a.action, s.occurred_at AS "receivedAt", a.occurred_at AS "actedAt",
           ${dimensionColumns}
      FROM audit_events a
      JOIN LATERAL (
        SELECT s.action, s.occurred_at FROM audit_events s
         WHERE s.entity_type = 'registration' AND s.entity_id = a.entity_id AND s.seq < a.seq
           AND s.action IN ('registration.file', 'registration.add_papers', 'registration.request_papers')
         ORDER BY s.seq DESC LIMIT 1) s ON true
      JOIN registrations r ON r.id = a.entity_id::uuid
      JOIN contracts c ON c.id = r.contract_id
      JOIN deals d ON d.id = c.deal_id
      ${dealJoins}
     WHERE a.entity_type = 'registration'
       AND a.action IN ('registration.request_papers', 'registration.certify', 'registration.refuse')
       AND a.occurred_at >= ${w.from} AND a.occurred_at < ${w.to}
       AND s.action <> 'registration.request_papers'
       ${filterSql(filter)}
     ORDER BY a.occurred_at, a.seq`;
  return rows.map(({ action, ...row }) => {
    const event = action.slice("registration.".length) as RegistrationStep["event"];
    const deadline =
      event === "request_papers" ? papersRequestDeadline(row.receivedAt) : decisionDeadline(row.receivedAt);
    return {
      ...row,
      event,
      workingDays: workingDaysBetween(row.receivedAt, row.actedAt),
      onTime: row.actedAt.getTime() < deadline.endsAt.getTime(),
    };
  });
}
