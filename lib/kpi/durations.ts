import "server-only";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { decisionDeadline, papersRequestDeadline } from "@/lib/deals/registration";
import { Prisma } from "@/lib/generated/prisma/client";
import { MODERATION_TARGET_WORKING_DAYS, type KpiDimension } from "./catalogue";
import { inRanges, rolledFacts, withCoverage, type Range } from "./rollups";
import {
  ALL_DIMENSIONS,
  dealJoinsFor,
  dimensionReads,
  dimensionSelect,
  factFilterSql,
  factGrouping,
  filterSql,
  kpiQuery,
  listingEventJoinsFor,
  MODERATION_DECISIONS,
  within,
  type DimensionReads,
  type KpiFilter,
  type Window,
} from "./sql";

/**
 * The service levels measured in working days, read from the audit log (the only record of when a
 * decision was taken and of every round of a registration file) and judged here with lib/calendar
 * and the legal deadlines of lib/deals/registration.ts — the same functions the queues use, so the
 * console and the queues never disagree on what "on time" means. The rows are few (the decisions
 * of one period); both the computation and the drill-down read them through these functions, and
 * the monthly rollups (./rollups.ts) store them judged, counted by dimension and measure.
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

/** A submission `s` of the listing of decision `a`, logged before it (see decisionSql). */
const SUBMISSION = Prisma.sql`s.entity_type = a.entity_type AND s.entity_id = a.entity_id AND s.seq < a.seq
  AND (s.action IN (a.entity_type || '.submit', a.entity_type || '.revise')
    OR (s.action = a.entity_type || '.renew' AND s.after->>'status' = 'SUBMITTED'))`;

/**
 * The moderation decisions whose time meets `when` (a condition on `a.occurred_at`), each with its
 * submission: the latest submission, revision or renewal for review of the same listing logged
 * before the decision (a `submit` always moves to SUBMITTED — a blocked one is logged as
 * `screening_blocked` — while a `renew` does only when it goes back to review, which its `after`
 * says). A hand-over to an officer (`approval_refused`) is not a decision: the clock runs on until
 * the officer decides. Without `labels`, no title is read (the counts need none); only the
 * dimensions `reads` names are read (./sql.ts, dimensionReads).
 */
function decisionSql(when: Prisma.Sql, filter: KpiFilter, labels: boolean, reads = ALL_DIMENSIONS): Prisma.Sql {
  const listing = listingEventJoinsFor(reads);
  return Prisma.sql`
    SELECT a.entity_type AS kind, a.entity_id AS "listingId",
           ${labels ? Prisma.sql`COALESCE(o.title_vi, dm.title_vi)` : Prisma.sql`NULL::text`} AS title,
           a.action, s.occurred_at AS "submittedAt", a.occurred_at AS "decidedAt", ${dimensionSelect(reads)}
      FROM audit_events a
      JOIN LATERAL (SELECT s.occurred_at FROM audit_events s WHERE ${SUBMISSION} ORDER BY s.seq DESC LIMIT 1) s ON true
      ${listing.joins}
     WHERE a.action IN (${Prisma.join(MODERATION_DECISIONS)}) AND ${when} ${listing.condition}
       ${filterSql(filter)}`;
}

type DecisionRow = Omit<ModerationDecision, "workingDays" | "onTime">;

/** The working-day sources: moderation decisions and the Department's registration steps. */
export type MeasuredSource = "moderation" | "registration_steps";

interface Judgement {
  /** "decision" for moderation; the step's event for registrations. */
  readonly event: string;
  readonly workingDays: number;
  readonly onTime: boolean;
}

/**
 * Times one decision or step from `start` (submitted, or file received) to `end` (decided, acted):
 * in working days, and on time against the moderation target or the registration deadline.
 */
function judge(source: MeasuredSource, action: string, start: Date, end: Date): Judgement {
  const workingDays = workingDaysBetween(start, end);
  if (source === "moderation") {
    return { event: "decision", workingDays, onTime: workingDays <= MODERATION_TARGET_WORKING_DAYS };
  }
  const event = action.slice("registration.".length);
  const deadline = event === "request_papers" ? papersRequestDeadline(start) : decisionDeadline(start);
  return { event, workingDays, onTime: end.getTime() < deadline.endsAt.getTime() };
}

/** A page of a period's items, in the order they were taken. */
export interface ItemPage {
  readonly limit: number;
  readonly offset: number;
}

const pageSql = (page?: ItemPage) => (page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty);

/** The moderation decisions of the period (see decisionSql), in the order they were taken; one page of them. */
export async function moderationDecisions(
  w: Window,
  filter: KpiFilter,
  page?: ItemPage,
): Promise<ModerationDecision[]> {
  const rows = await kpiQuery<DecisionRow>(Prisma.sql`
    ${decisionSql(within(Prisma.sql`a.occurred_at`, w), filter, true)} ORDER BY a.occurred_at, a.seq ${pageSql(page)}`);
  return rows.map((row) => {
    const { workingDays, onTime } = judge("moderation", row.action, row.submittedAt, row.decidedAt);
    return { ...row, workingDays, onTime };
  });
}

/**
 * How many moderation decisions the period has (the drill-down's total, without reading them all):
 * those of decisionSql, a submission only checked to exist (which lets the planner hash it).
 */
export async function countModerationDecisions(w: Window, filter: KpiFilter): Promise<number> {
  const listing = listingEventJoinsFor(dimensionReads(filter, null));
  const [row] = await kpiQuery<{ total: number }>(Prisma.sql`
    SELECT count(*)::int AS total
      FROM audit_events a ${listing.joins}
     WHERE a.action IN (${Prisma.join(MODERATION_DECISIONS)}) AND ${within(Prisma.sql`a.occurred_at`, w)}
       AND EXISTS (SELECT 1 FROM audit_events s WHERE ${SUBMISSION}) ${listing.condition} ${filterSql(filter)}`);
  return row?.total ?? 0;
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
 * The Department's steps on registration files whose time meets `when` (a condition on
 * `a.occurred_at`), each with the moment it received the file it acted on (the latest filing or
 * papers added before the step). A refusal of a file still waiting for its papers is not timed:
 * the file was with the party, not the Department. `labels` and `reads` as in decisionSql.
 */
function stepSql(when: Prisma.Sql, filter: KpiFilter, labels: boolean, reads = ALL_DIMENSIONS): Prisma.Sql {
  const deal = labels || reads.sector || reads.organization;
  return Prisma.sql`
    SELECT a.entity_id AS "registrationId",
           ${labels ? Prisma.sql`d.reference` : Prisma.sql`NULL::text`} AS reference,
           ${labels ? Prisma.sql`COALESCE(o.title_vi, dm.title_vi, '')` : Prisma.sql`NULL::text`} AS title,
           a.action, s.occurred_at AS "receivedAt", a.occurred_at AS "actedAt", ${dimensionSelect(reads)}
      FROM audit_events a
      JOIN LATERAL (
        SELECT s.action, s.occurred_at FROM audit_events s
         WHERE s.entity_type = 'registration' AND s.entity_id = a.entity_id AND s.seq < a.seq
           AND s.action IN ('registration.file', 'registration.add_papers', 'registration.request_papers')
         ORDER BY s.seq DESC LIMIT 1) s ON true
      JOIN registrations r ON r.id = a.entity_id::uuid
      ${deal ? Prisma.sql`JOIN contracts c ON c.id = r.contract_id JOIN deals d ON d.id = c.deal_id` : Prisma.empty}
      ${dealJoinsFor(labels ? ALL_DIMENSIONS : reads)}
     WHERE a.entity_type = 'registration'
       AND a.action IN ('registration.request_papers', 'registration.certify', 'registration.refuse')
       AND ${when}
       AND s.action <> 'registration.request_papers'
       ${filterSql(filter)}`;
}

type StepRow = Omit<RegistrationStep, "event" | "workingDays" | "onTime"> & { action: string };

/** Only the requests for papers (true), only the decisions (false), or every step. */
const stepKind = (papers?: boolean) =>
  papers === undefined
    ? Prisma.sql`true`
    : papers
      ? Prisma.sql`a.action = 'registration.request_papers'`
      : Prisma.sql`a.action <> 'registration.request_papers'`;

/** The Department's steps on registration files during the period (see stepSql), in order; one page of them. */
export async function registrationSteps(
  w: Window,
  filter: KpiFilter,
  options: { papers?: boolean; page?: ItemPage } = {},
): Promise<RegistrationStep[]> {
  const when = Prisma.sql`${within(Prisma.sql`a.occurred_at`, w)} AND ${stepKind(options.papers)}`;
  const rows = await kpiQuery<StepRow>(Prisma.sql`
    ${stepSql(when, filter, true)} ORDER BY a.occurred_at, a.seq ${pageSql(options.page)}`);
  return rows.map(({ action, ...row }) => {
    const { event, workingDays, onTime } = judge("registration_steps", action, row.receivedAt, row.actedAt);
    return { ...row, event: event as RegistrationStep["event"], workingDays, onTime };
  });
}

/** How many steps (requests for papers, or decisions) the period has. */
export async function countRegistrationSteps(w: Window, filter: KpiFilter, papers?: boolean): Promise<number> {
  const when = Prisma.sql`${within(Prisma.sql`a.occurred_at`, w)} AND ${stepKind(papers)}`;
  const sql = stepSql(when, filter, false, dimensionReads(filter, null));
  const [row] = await kpiQuery<{ total: number }>(Prisma.sql`SELECT count(*)::int AS total FROM (${sql}) x`);
  return row?.total ?? 0;
}

/** One decision or step judged: what the figures and the rollups need of it. */
export interface MeasuredItem extends Dimensions, Judgement {}

/** `count` items alike, counted by the statement: the total's (`total`) or a breakdown value's (`key`). */
export interface MeasuredCount extends Judgement {
  readonly key: string | null;
  readonly total: boolean;
  readonly count: number;
}

/**
 * The items of `source` whose time meets `when`, without labels: action, start, end (the instants
 * judged) and the dimensions.
 */
function itemSql(source: MeasuredSource, when: Prisma.Sql, filter: KpiFilter, reads: DimensionReads): Prisma.Sql {
  return source === "moderation"
    ? Prisma.sql`SELECT x.action, x."submittedAt" AS start, x."decidedAt" AS "end", x.field, x.district, x."orgType"
        FROM (${decisionSql(when, filter, false, reads)}) x`
    : Prisma.sql`SELECT x.action, x."receivedAt" AS start, x."actedAt" AS "end", x.field, x.district, x."orgType"
        FROM (${stepSql(when, filter, false, reads)}) x`;
}

interface ItemRow extends Dimensions {
  readonly action: string;
  readonly start: Date;
  readonly end: Date;
}

const judged = (source: MeasuredSource, rows: readonly ItemRow[]): MeasuredItem[] =>
  rows.map((row) => ({
    field: row.field,
    district: row.district,
    orgType: row.orgType,
    ...judge(source, row.action, row.start, row.end),
  }));

/**
 * The items of `source` in the ranges given, judged: what the job stores for a month. `query` runs
 * the statement (in the job's transaction).
 */
export async function liveItems(
  source: MeasuredSource,
  ranges: readonly Range[],
  query: <T>(sql: Prisma.Sql) => Promise<T[]>,
): Promise<MeasuredItem[]> {
  return judged(
    source,
    await query<ItemRow>(itemSql(source, inRanges(Prisma.sql`a.occurred_at`, ranges), {}, ALL_DIMENSIONS)),
  );
}

/**
 * The period's items of `source` for the computation: the rolled-up months' come counted by
 * (breakdown value, event, working days, on time), the rest as items judged here. One snapshot,
 * so both parts are of the same moment and no item is in both.
 */
export async function measuredFigures(
  source: MeasuredSource,
  w: Window,
  filter: KpiFilter,
  breakdown: KpiDimension | null,
  rollups: boolean,
): Promise<{ counted: MeasuredCount[]; items: MeasuredItem[] }> {
  const g = factGrouping(breakdown, Prisma.sql`f.metric, f.measure, f.met`);
  const reads = dimensionReads(filter, breakdown);
  const rows = await withCoverage<{ rolled: boolean } & MeasuredCount & ItemRow>(
    source,
    w,
    rollups,
    (plan) => Prisma.sql`
      SELECT true AS rolled, ${g.select}, f.metric AS event, f.measure::int AS "workingDays", f.met AS "onTime",
             sum(f.n)::int AS count, NULL::text AS action, NULL::timestamptz AS start, NULL::timestamptz AS "end",
             NULL::text AS field, NULL::text AS district, NULL::text AS "orgType"
        FROM (${rolledFacts(source, plan.rolled)}) f
       WHERE true ${factFilterSql(filter)}
       ${g.groupBy}
      UNION ALL
      SELECT false, NULL, NULL, NULL, NULL, NULL, NULL, i.action, i.start, i."end", i.field, i.district, i."orgType"
        FROM (${itemSql(source, inRanges(Prisma.sql`a.occurred_at`, plan.live), filter, reads)}) i`,
  );
  return {
    counted: rows.filter((row) => row.rolled),
    items: judged(
      source,
      rows.filter((row) => !row.rolled),
    ),
  };
}
