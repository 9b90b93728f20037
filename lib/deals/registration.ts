import type { RegistrationState } from "@/lib/generated/prisma/enums";
import { addWorkingDays, isWorkingDay, vnDateKey, workingDaysBetween } from "@/lib/calendar/working-days";
import { LOCATION_CODES } from "@/lib/geo/locations";

/**
 * Registration of a technology transfer (Law 07/2017 Art. 31; DOMAIN §5): whether it is mandatory,
 * its fee (Circular 169/2016) and its deadlines. Pure and client-safe; the workflow itself is
 * REGISTRATION_MACHINE in ./state-machine.ts.
 */

// ─── Mandatory or voluntary ────────────────────────────────────────────────

/**
 * The country of an organization's `location` (lib/geo/locations.ts): every code there today is in
 * Vietnam. Organizations abroad need codes of their own; this reads "F-" + an ISO 3166-1 alpha-2
 * code ("F-KR") as that country, which is the shape proposed for them. Anything else: null (the
 * deal cannot decide registration until the location is fixed).
 */
export function countryOfLocation(location: string): string | null {
  if (LOCATION_CODES.includes(location)) return "VN";
  const foreign = /^F-([A-Z]{2})$/.exec(location);
  return foreign?.[1] ?? null;
}

/** What decides whether a deal's registration is mandatory. */
export interface RegistrationFacts {
  /** ISO 3166-1 alpha-2 country of each party (`countryOfLocation` of its organization). */
  readonly providerCountry: string;
  readonly seekerCountry: string;
  /** The offer's `stateFunded`: the technology is a result of research paid by the State budget. */
  readonly stateFunded: boolean;
  /** The seeker pays with state capital or budget (a state agency, a state-owned enterprise): asked in the contract builder. */
  readonly stateCapital?: boolean;
  /** The transfer is part of an investment project that already holds an investment registration certificate. */
  readonly investmentCertificate?: boolean;
}

/** Why registration is (not) mandatory: message keys under `deals.registrationReason.`. */
export type RegistrationReason =
  | "into_vietnam"
  | "out_of_vietnam"
  | "state_capital"
  | "investment_certificate"
  | "voluntary_domestic"
  | "outside_vietnam";

/**
 * Art. 31(1): registration is mandatory for a transfer (a) from abroad into Vietnam, (b) from
 * Vietnam abroad, (c) within Vietnam using state capital or the state budget — unless the project
 * already holds an investment registration certificate. Any other transfer may be registered
 * voluntarily (Art. 31(2)). "Using state capital or budget" is read on both sides: the technology
 * was paid by the State (the offer is state-funded) or the price is (the seeker's `stateCapital`).
 */
export function registrationRequirement(facts: RegistrationFacts): { mandatory: boolean; reason: RegistrationReason } {
  const providerHome = facts.providerCountry === "VN";
  const seekerHome = facts.seekerCountry === "VN";
  if (!providerHome && seekerHome) return { mandatory: true, reason: "into_vietnam" };
  if (providerHome && !seekerHome) return { mandatory: true, reason: "out_of_vietnam" };
  if (!providerHome && !seekerHome) return { mandatory: false, reason: "outside_vietnam" };
  if (facts.stateFunded || facts.stateCapital) {
    return facts.investmentCertificate
      ? { mandatory: false, reason: "investment_certificate" }
      : { mandatory: true, reason: "state_capital" };
  }
  return { mandatory: false, reason: "voluntary_domestic" };
}

// ─── Fee ────────────────────────────────────────────────────────────────────

export const REGISTRATION_FEE_MIN = 3_000_000n;
export const REGISTRATION_FEE_MAX = 5_000_000n;

/**
 * The registration fee in VND (Circular 169/2016): 0.1% of the contract value, at least 3,000,000
 * and at most 5,000,000. The đồng has no smaller unit, so 0.1% is rounded to the nearest đồng, a
 * half đồng upwards — which only matters between 3 and 5 billion, where the fee is neither bound.
 */
export function registrationFee(value: bigint): bigint {
  if (value <= 0n) throw new RangeError("A contract value is positive");
  const fee = (value + 500n) / 1000n;
  if (fee < REGISTRATION_FEE_MIN) return REGISTRATION_FEE_MIN;
  if (fee > REGISTRATION_FEE_MAX) return REGISTRATION_FEE_MAX;
  return fee;
}

// ─── Deadlines ──────────────────────────────────────────────────────────────

const DAY_MS = 24 * 60 * 60 * 1000;

/** A deadline: its last day in Vietnam ("YYYY-MM-DD") and the instant it is over (24:00 that day, UTC+7). */
export interface Deadline {
  readonly date: string;
  readonly endsAt: Date;
}

/** Noon in Vietnam on a date: an instant safely inside that date for the calendar functions. */
const noonOf = (dateKey: string) => new Date(`${dateKey}T12:00:00+07:00`);
const plusDays = (dateKey: string, days: number) =>
  new Date(Date.parse(`${dateKey}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function deadlineOn(dateKey: string): Deadline {
  return { date: dateKey, endsAt: new Date(Date.parse(`${dateKey}T00:00:00+07:00`) + DAY_MS) };
}

/** Days from signing within which a registration is filed (Art. 31). */
export const FILING_DAYS = 90;
/** The Department asks for missing papers within 3 working days of receiving a file… */
export const PAPERS_REQUEST_WORKING_DAYS = 3;
/** …and decides within 5 working days of a complete file (DOMAIN §5). */
export const DECISION_WORKING_DAYS = 5;

/**
 * The last day to file: 90 *calendar* days after the day of signing — the law counts in days, not
 * working days, and by the Civil Code (2015, Arts. 147–148) a period in days starts the day after
 * the event, and when its last day is a weekend or a holiday it ends with the next working day.
 */
export function filingDeadline(signedAt: Date): Deadline {
  let date = plusDays(vnDateKey(signedAt), FILING_DAYS);
  while (!isWorkingDay(noonOf(date))) date = plusDays(date, 1);
  return deadlineOn(date);
}

/** The last working day, counted from the day after `receivedAt` (lib/calendar), to act on a file. */
function workingDeadline(receivedAt: Date, workingDays: number): Deadline {
  return deadlineOn(vnDateKey(addWorkingDays(receivedAt, workingDays)));
}

export const papersRequestDeadline = (receivedAt: Date) => workingDeadline(receivedAt, PAPERS_REQUEST_WORKING_DAYS);
export const decisionDeadline = (receivedAt: Date) => workingDeadline(receivedAt, DECISION_WORKING_DAYS);

/**
 * The Department's deadlines on a registration: while the file is with it (FILED), both count from
 * when it was received — filed, or completed with the papers asked for. While papers are missing the
 * party has the file, and once decided nothing is due.
 */
export function registrationDeadlines(registration: {
  readonly state: RegistrationState;
  readonly filedAt: Date;
  readonly papersAddedAt: Date | null;
}): { papersRequestBy: Deadline | null; decisionBy: Deadline | null } {
  if (registration.state !== "FILED") return { papersRequestBy: null, decisionBy: null };
  const receivedAt = registration.papersAddedAt ?? registration.filedAt;
  return { papersRequestBy: papersRequestDeadline(receivedAt), decisionBy: decisionDeadline(receivedAt) };
}

/** Working days left until a deadline's last day: 0 on that day, negative once it has passed. */
export function workingDaysLeft(deadline: Deadline, now: Date): number {
  return workingDaysBetween(now, noonOf(deadline.date));
}

/** How the officers' queue colours a deadline. */
export type DeadlineStatus = "overdue" | "due_today" | "due_tomorrow" | "on_time";

export function deadlineStatus(deadline: Deadline, now: Date): DeadlineStatus {
  if (now >= deadline.endsAt) return "overdue";
  const left = workingDaysLeft(deadline, now);
  return left <= 0 ? "due_today" : left === 1 ? "due_tomorrow" : "on_time";
}

// ─── Reminders ──────────────────────────────────────────────────────────────

/** Days after signing on which the parties are reminded to file (issue #12): 30, 10 and 2 days before. */
export const REGISTRATION_REMINDER_DAYS = [60, 80, 88] as const;
export type RegistrationReminderDay = (typeof REGISTRATION_REMINDER_DAYS)[number];

/**
 * The reminder to send now to a signed deal that has not filed its mandatory registration: the
 * latest of days 60, 80, 88 (counted in Vietnamese calendar dates from the day of signing) that has
 * been reached and not yet sent — as a list of at most one. An earlier reminder that was missed (the
 * job did not run, the deal was imported late) is superseded, not sent late: the parties need the
 * current number of days left, once. Nothing once the filing deadline is over.
 */
export function dueReminders(signedAt: Date, now: Date, alreadySent: readonly number[]): RegistrationReminderDay[] {
  if (now >= filingDeadline(signedAt).endsAt) return [];
  const signed = vnDateKey(signedAt);
  const today = vnDateKey(now);
  const reached = REGISTRATION_REMINDER_DAYS.filter((day) => plusDays(signed, day) <= today);
  const latest = reached.at(-1);
  if (latest === undefined || alreadySent.some((day) => day >= latest)) return [];
  return [latest];
}
