import type { DealOrigin, DealState, RegistrationState } from "@/lib/generated/prisma/enums";
import { decide, defineMachine, eventsFor, type GuardContext } from "@/lib/workflow/machine";
import { confirmationBlock, isSignable, type ContractFacts } from "./confirmation";
import { sideOf, type DealSide, type PartyActor } from "./parties";

/**
 * The deal workflow (DOMAIN §5, issue #12) as transition tables: a deal, from the expression of
 * interest to completion, and the registration of its contract (Law 07/2017 Art. 31). Pure and
 * client-safe: the deal workspace asks these tables which buttons to show, the server moves rows
 * through lib/workflow/transition.ts, and tests/unit/deals-machines.test.ts writes them out as grids.
 *
 * ACCEPTED is never entered. Accepting an expression of interest *is* the start of the negotiation:
 * from that moment both parties talk, share documents, may require an NDA and may draft the
 * contract, which is exactly what NEGOTIATING allows; a resting ACCEPTED state would differ from it
 * only by an extra "start negotiating" click that nobody needs, and would split "open
 * negotiations" in every count the Department reads (DOMAIN §9). The acceptance itself stays
 * visible: the deal's `respondedAt` and its audit event `accept`. The enum value can be dropped
 * (no row has ever used it).
 */
export type DealEvent =
  | "accept"
  | "decline"
  | "expire"
  | "withdraw"
  | "take_express_licence"
  | "require_nda"
  | "accept_nda"
  | "draft_contract"
  | "revise_contract"
  | "confirm_contract"
  | "sign"
  | "cancel"
  | "file_registration"
  | "registration_certified"
  | "start_performance"
  | "complete"
  | "terminate";

/**
 * Who moves a deal. A member of one of the two organizations acts as its party (./parties.ts
 * `partyOf`): the "sender" of the expression of interest or its "recipient" — "either party" is
 * both. The "system" is the jobs (expiry); the "officer" is the Department deciding a registration.
 */
export type DealActor = PartyActor | "system" | "officer";

const PARTIES = ["sender", "recipient"] as const satisfies readonly DealActor[];

/** States in which the parties still negotiate (nothing is signed yet). */
const NEGOTIATION = ["NEGOTIATING", "CONTRACT_DRAFTED"] as const satisfies readonly DealState[];

/** What the guards read: the deal row with the few facts of its contract and registration. */
export interface DealFacts {
  readonly origin: DealOrigin;
  /** When an unanswered expression of interest expires (`eoiRespondBy`). */
  readonly respondBy: Date | null;
  /** `registrationRequirement(...).mandatory` (./registration.ts), decided when the contract is drafted. */
  readonly registrationMandatory: boolean;
  /** The latest contract version and its confirmations, or null before the first draft. */
  readonly contract: ContractFacts | null;
  /** The state of the latest registration filed, or null. */
  readonly registrationState: RegistrationState | null;
  /** Milestones not yet marked done by their party and confirmed by the other. */
  readonly openMilestones: number;
  /** Which side required an NDA (null: none), and when the other side accepted it. */
  readonly nda: { readonly requiredBy: DealSide | null; readonly acceptedAt: Date | null };
}

/** An expression of interest not answered within this many days expires (DOMAIN §5). */
export const EOI_RESPONSE_DAYS = 10;

/**
 * When an expression of interest sent at `sentAt` expires: 10 × 24 hours later. DOMAIN §5 says
 * "no answer in 10 days" — calendar days (a reply is a click, not an administrative procedure).
 */
export function eoiRespondBy(sentAt: Date): Date {
  return new Date(sentAt.getTime() + EOI_RESPONSE_DAYS * 24 * 60 * 60 * 1000);
}

type Guard = (deal: DealFacts, ctx: GuardContext<DealActor>) => string | null;

/** The side of the party taking the step, or null for the system and officers. */
function actorSide(deal: DealFacts, actor: DealActor): DealSide | null {
  return actor === "sender" || actor === "recipient" ? sideOf(deal.origin, actor) : null;
}

// From the instant `respondBy` is reached, exactly one of "answer" and "expire" is possible: the
// recipient can no longer accept an offer the sender was told has lapsed, even before the job runs.
const stillOpen: Guard = (deal, { now }) => (deal.respondBy !== null && deal.respondBy <= now ? "eoi_expired" : null);
const due: Guard = (deal, { now }) => (deal.respondBy !== null && deal.respondBy <= now ? null : "not_due");

const express: Guard = (deal) => (deal.origin === "EXPRESS_LICENCE" ? null : "not_express");
// The standard terms were shown before acceptance and accepted as they are: editing them would turn
// the licence into a negotiated contract, which is a new expression of interest.
const notExpress: Guard = (deal) => (deal.origin === "EXPRESS_LICENCE" ? "express_terms_fixed" : null);

const ndaNotRequired: Guard = (deal) => (deal.nda.requiredBy === null ? null : "nda_already_required");
const ndaToAccept: Guard = (deal, { actor }) => {
  if (deal.nda.requiredBy === null) return "no_nda";
  if (deal.nda.requiredBy === actorSide(deal, actor)) return "nda_own_request";
  return deal.nda.acceptedAt === null ? null : "nda_already_accepted";
};

const canConfirm: Guard = (deal, { actor }) => {
  const side = actorSide(deal, actor);
  return side === null ? "invalid_state" : confirmationBlock(deal.contract, side);
};
const signable: Guard = (deal) => (isSignable(deal.contract) ? null : "not_confirmed_by_both");

// A refused registration may be filed again (after the parties fixed what the Department refused);
// one that waits or was certified may not.
const noOpenRegistration: Guard = (deal) =>
  deal.registrationState === null || deal.registrationState === "REFUSED" ? null : "registration_open";
const certified: Guard = (deal) => (deal.registrationState === "CERTIFIED" ? null : "registration_not_certified");
const notMandatory: Guard = (deal) => (deal.registrationMandatory ? "registration_mandatory" : null);
const milestonesDone: Guard = (deal) => (deal.openMilestones === 0 ? null : "milestones_open");

export const DEAL_MACHINE = defineMachine<DealState, DealEvent, DealActor, DealFacts>({
  name: "deal",
  // An expression of interest, a proposal or an express licence: all are sent by their sender.
  initial: { state: "EOI_SENT", by: ["sender"] },
  transitions: {
    accept: { from: ["EOI_SENT"], to: "NEGOTIATING", by: ["recipient"], guard: stillOpen },
    // With a reason (`DealReasonSchema`, ./schemas.ts), which the sender reads.
    decline: { from: ["EOI_SENT"], to: "DECLINED", by: ["recipient"], guard: stillOpen },
    // The daily job, once `respondBy` is reached; the sender is told.
    expire: { from: ["EOI_SENT"], to: "EXPIRED", by: ["system"], guard: due },
    // The sender takes back an unanswered expression of interest (the recipient declines instead).
    withdraw: { from: ["EOI_SENT"], to: "CANCELLED", by: ["sender"] },
    // Express licence (DOMAIN §5): the provider accepted in advance by publishing a fixed-price,
    // non-exclusive licence, so the seeker's acceptance drafts the contract from the standard terms
    // (./express-licence.ts) in the same transaction that started the deal.
    take_express_licence: { from: ["EOI_SENT"], to: "CONTRACT_DRAFTED", by: ["sender"], guard: express },
    require_nda: { from: NEGOTIATION, to: "same", by: PARTIES, guard: ndaNotRequired },
    accept_nda: { from: NEGOTIATION, to: "same", by: PARTIES, guard: ndaToAccept },
    // The first contract version; every later save is a new version that voids the confirmations.
    draft_contract: { from: ["NEGOTIATING"], to: "CONTRACT_DRAFTED", by: PARTIES },
    revise_contract: { from: ["CONTRACT_DRAFTED"], to: "same", by: PARTIES, guard: notExpress },
    confirm_contract: { from: ["CONTRACT_DRAFTED"], to: "same", by: PARTIES, guard: canConfirm },
    // Taken in the transaction of the confirmation that completes the pair, by that party.
    sign: { from: ["CONTRACT_DRAFTED"], to: "SIGNED", by: PARTIES, guard: signable },
    // Either party, before signing (DOMAIN §5); a reason is optional.
    cancel: { from: NEGOTIATION, to: "CANCELLED", by: PARTIES },
    // Mandatory or voluntary; again after a refusal.
    file_registration: {
      from: ["SIGNED", "REGISTRATION"],
      to: "REGISTRATION",
      by: PARTIES,
      guard: noOpenRegistration,
    },
    // Taken with the registration's `certify`, in its transaction: for a mandatory registration the
    // contract takes effect on that date (DOMAIN §5).
    registration_certified: { from: ["REGISTRATION"], to: "IN_PERFORMANCE", by: ["officer"], guard: certified },
    // Registration not required: performance starts right after signing — or while a voluntary
    // registration is still with the Department, since it does not condition the contract.
    start_performance: {
      from: ["SIGNED", "REGISTRATION"],
      to: "IN_PERFORMANCE",
      by: PARTIES,
      guard: notMandatory,
    },
    complete: { from: ["IN_PERFORMANCE"], to: "COMPLETED", by: PARTIES, guard: milestonesDone },
    // With a reason. Also before performance: a signed contract whose mandatory registration was
    // refused, or that a party breached at once, has to be ended somehow.
    terminate: { from: ["SIGNED", "REGISTRATION", "IN_PERFORMANCE"], to: "TERMINATED", by: PARTIES },
  },
});

/** Events that need a reason the other party reads (DOMAIN §5: declined(reason), terminated(reason)). */
export const REASON_REQUIRED: readonly DealEvent[] = ["decline", "terminate"];

/** States a deal never leaves. A deal in any other state is open: one per organization pair and listing. */
export const DEAL_FINAL_STATES: readonly DealState[] = ["DECLINED", "EXPIRED", "COMPLETED", "TERMINATED", "CANCELLED"];

export function isDealOpen(state: DealState): boolean {
  return !DEAL_FINAL_STATES.includes(state);
}

/**
 * Messages: from the expression of interest (the recipient may ask a question before answering)
 * until the deal ends. Documents and invited intermediaries: once the negotiation started.
 */
export function canMessage(state: DealState): boolean {
  return isDealOpen(state);
}

export function canShareDocuments(state: DealState): boolean {
  return isDealOpen(state) && state !== "EOI_SENT";
}

/** Ratings (1–5 and a comment) once the deal is completed (DOMAIN §5). */
export function canRate(state: DealState): boolean {
  return state === "COMPLETED";
}

/**
 * The commands a party gives from the workspace, in display order. The other events are taken by
 * the server with another step (`take_express_licence` when the deal starts, `sign` with the second
 * confirmation, `registration_certified` with the officer's decision) or by the jobs (`expire`).
 */
export const PARTY_COMMANDS = [
  "accept",
  "decline",
  "withdraw",
  "require_nda",
  "accept_nda",
  "draft_contract",
  "revise_contract",
  "confirm_contract",
  "file_registration",
  "start_performance",
  "complete",
  "cancel",
  "terminate",
] as const satisfies readonly DealEvent[];
export type PartyCommand = (typeof PARTY_COMMANDS)[number];

/** The commands the table gives `actor` in `state` (guards aside): which buttons the workspace shows. */
export function partyEvents(state: DealState, actor: PartyActor): PartyCommand[] {
  const allowed = eventsFor(DEAL_MACHINE, state, actor);
  return PARTY_COMMANDS.filter((command) => allowed.includes(command));
}

/** A command the party sees now, enabled or with the reason it is not (a message key). */
export interface AvailableCommand {
  readonly event: PartyCommand;
  readonly blockedBy: string | null;
}

/**
 * "What can I do now": the party's commands in `state` with their guards applied to this deal, so
 * the workspace can show a disabled "Complete" with "milestones still open" rather than hide it.
 */
export function partyCommands(deal: DealFacts, state: DealState, actor: PartyActor, now: Date): AvailableCommand[] {
  return partyEvents(state, actor).map((event) => {
    const decision = decide(DEAL_MACHINE, deal, state, event, { actor, now });
    return { event, blockedBy: decision.ok ? null : decision.reason };
  });
}

export type RegistrationEvent = "request_papers" | "add_papers" | "certify" | "refuse";

/** A party of the deal files and completes; the Department's officer decides. */
export type RegistrationActor = "party" | "officer";

/**
 * A contract's registration (Law 07/2017 Art. 31; DOMAIN §5): filed by a party, the Department
 * asks for missing papers (within 3 working days), the party adds them and the file is back with
 * the Department, which certifies it with a certificate number (`CertifySchema`) or refuses it
 * with a reason (within 5 working days of a complete file; deadlines in ./registration.ts).
 * A new request for papers after an addition is allowed: the addition may still be incomplete.
 */
export const REGISTRATION_MACHINE = defineMachine<RegistrationState, RegistrationEvent, RegistrationActor>({
  name: "registration",
  initial: { state: "FILED", by: ["party"] },
  transitions: {
    request_papers: { from: ["FILED"], to: "MISSING_PAPERS", by: ["officer"] },
    add_papers: { from: ["MISSING_PAPERS"], to: "FILED", by: ["party"] },
    certify: { from: ["FILED"], to: "CERTIFIED", by: ["officer"] },
    // Also a file left incomplete: the party did not add what was asked for.
    refuse: { from: ["FILED", "MISSING_PAPERS"], to: "REFUSED", by: ["officer"] },
  },
});

/** The registration commands of one actor in `state`, for the deal page and the officers' queue. */
export function registrationEvents(state: RegistrationState, actor: RegistrationActor): RegistrationEvent[] {
  return eventsFor(REGISTRATION_MACHINE, state, actor);
}

/** The deal event that goes with a registration decision, in the same transaction (null: none). */
export function dealEventForRegistration(event: RegistrationEvent, dealState: DealState): DealEvent | null {
  return event === "certify" && dealState === "REGISTRATION" ? "registration_certified" : null;
}
