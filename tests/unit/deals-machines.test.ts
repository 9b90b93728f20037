import { describe, expect, it } from "vitest";
import { DealState, RegistrationState } from "@/lib/generated/prisma/enums";
import type { ContractFacts } from "@/lib/deals/confirmation";
import { partyOf, senderSide, sideOf } from "@/lib/deals/parties";
import {
  canMessage,
  canRate,
  canShareDocuments,
  DEAL_MACHINE,
  dealEventForRegistration,
  eoiRespondBy,
  isDealOpen,
  partyCommands,
  partyEvents,
  REGISTRATION_MACHINE,
  registrationEvents,
  type DealActor,
  type DealFacts,
  type RegistrationActor,
} from "@/lib/deals/state-machine";
import { decide, eventsOf, nextState } from "@/lib/workflow/machine";
import { checkMachine } from "../support/machine-grid";

/**
 * The deal and registration tables written out on their own, as in workflow-machines.test.ts: for
 * each event, who may trigger it and, for each state, the state it leads to ("-": refused). Every
 * state × event × actor is checked against the engine, so any change to a table fails here until
 * this expectation changes with it. The deal's columns use short names (LEGEND) to stay readable.
 */
const LEGEND: Record<string, DealState> = {
  EOI: "EOI_SENT",
  ACC: "ACCEPTED",
  DEC: "DECLINED",
  EXP: "EXPIRED",
  NEG: "NEGOTIATING",
  DRAFT: "CONTRACT_DRAFTED",
  SIGN: "SIGNED",
  REG: "REGISTRATION",
  PERF: "IN_PERFORMANCE",
  DONE: "COMPLETED",
  TERM: "TERMINATED",
  CANC: "CANCELLED",
};

const CONFIRMED_BY_BOTH: ContractFacts = {
  versionNo: 2,
  contentSha256: "b".repeat(64),
  complete: true,
  confirmations: [
    { side: "provider", versionNo: 2, contentSha256: "b".repeat(64) },
    { side: "seeker", versionNo: 2, contentSha256: "b".repeat(64) },
  ],
};

/** A deal started by a seeker's expression of interest: the sender is the seeker. */
const deal = (facts: Partial<DealFacts> = {}): DealFacts => ({
  origin: "EOI",
  respondBy: null,
  registrationMandatory: false,
  contract: null,
  registrationState: null,
  openMilestones: 0,
  nda: { requiredBy: null, acceptedAt: null },
  ...facts,
});
const NOW = new Date("2026-03-10T03:00:00Z");
const as = (actor: DealActor, now = NOW) => ({ actor, now });

describe("the deal machine", () => {
  const ACTORS: DealActor[] = ["sender", "recipient", "system", "officer"];
  const TABLE = `
    event                  | by               | EOI   | ACC | DEC | EXP | NEG   | DRAFT | SIGN | REG  | PERF | DONE | TERM | CANC
    accept                 | recipient        | NEG   | -   | -   | -   | -     | -     | -    | -    | -    | -    | -    | -
    decline                | recipient        | DEC   | -   | -   | -   | -     | -     | -    | -    | -    | -    | -    | -
    expire                 | system           | EXP   | -   | -   | -   | -     | -     | -    | -    | -    | -    | -    | -
    withdraw               | sender           | CANC  | -   | -   | -   | -     | -     | -    | -    | -    | -    | -    | -
    take_express_licence   | sender           | DRAFT | -   | -   | -   | -     | -     | -    | -    | -    | -    | -    | -
    require_nda            | sender,recipient | -     | -   | -   | -   | NEG   | DRAFT | -    | -    | -    | -    | -    | -
    accept_nda             | sender,recipient | -     | -   | -   | -   | NEG   | DRAFT | -    | -    | -    | -    | -    | -
    draft_contract         | sender,recipient | -     | -   | -   | -   | DRAFT | -     | -    | -    | -    | -    | -    | -
    revise_contract        | sender,recipient | -     | -   | -   | -   | -     | DRAFT | -    | -    | -    | -    | -    | -
    confirm_contract       | sender,recipient | -     | -   | -   | -   | -     | DRAFT | -    | -    | -    | -    | -    | -
    sign                   | sender,recipient | -     | -   | -   | -   | -     | SIGN  | -    | -    | -    | -    | -    | -
    cancel                 | sender,recipient | -     | -   | -   | -   | CANC  | CANC  | -    | -    | -    | -    | -    | -
    file_registration      | sender,recipient | -     | -   | -   | -   | -     | -     | REG  | REG  | -    | -    | -    | -
    registration_certified | officer          | -     | -   | -   | -   | -     | -     | -    | PERF | -    | -    | -    | -
    start_performance      | sender,recipient | -     | -   | -   | -   | -     | -     | PERF | PERF | -    | -    | -    | -
    complete               | sender,recipient | -     | -   | -   | -   | -     | -     | -    | -    | DONE | -    | -    | -
    terminate              | sender,recipient | -     | -   | -   | -   | -     | -     | TERM | TERM | TERM | -    | -    | -
  `;

  it("is exactly this table", () => {
    expect(checkMachine(DEAL_MACHINE, TABLE, Object.values(DealState), ACTORS, LEGEND)).toBe(17 * 12 * 4);
  });

  it("is started by the sender of the expression of interest", () => {
    expect(DEAL_MACHINE.initial).toEqual({ state: "EOI_SENT", by: ["sender"] });
  });

  it("never enters ACCEPTED: accepting starts the negotiation", () => {
    for (const event of eventsOf(DEAL_MACHINE)) {
      for (const state of Object.values(DealState)) {
        expect(nextState(DEAL_MACHINE, state, event), `${state} --${event}-->`).not.toBe("ACCEPTED");
      }
    }
  });

  it("cannot be cancelled once signed, only terminated", () => {
    for (const state of ["SIGNED", "REGISTRATION", "IN_PERFORMANCE"] as const) {
      expect(nextState(DEAL_MACHINE, state, "cancel"), state).toBeNull();
      expect(nextState(DEAL_MACHINE, state, "terminate"), state).toBe("TERMINATED");
    }
  });

  it("answers an expression of interest until it expires, and expires it from then on only", () => {
    const sentAt = new Date("2026-03-01T02:00:00Z");
    const respondBy = eoiRespondBy(sentAt);
    expect(respondBy).toEqual(new Date("2026-03-11T02:00:00Z"));
    const open = deal({ respondBy });
    const before = new Date(respondBy.getTime() - 1);
    for (const event of ["accept", "decline"] as const) {
      expect(decide(DEAL_MACHINE, open, "EOI_SENT", event, as("recipient", before)), event).toMatchObject({ ok: true });
      expect(decide(DEAL_MACHINE, open, "EOI_SENT", event, as("recipient", respondBy)), event).toEqual({
        ok: false,
        reason: "eoi_expired",
      });
    }
    expect(decide(DEAL_MACHINE, open, "EOI_SENT", "expire", as("system", before))).toEqual({
      ok: false,
      reason: "not_due",
    });
    expect(decide(DEAL_MACHINE, open, "EOI_SENT", "expire", as("system", respondBy))).toEqual({
      ok: true,
      from: "EOI_SENT",
      to: "EXPIRED",
    });
    expect(decide(DEAL_MACHINE, deal(), "EOI_SENT", "expire", as("system"))).toEqual({ ok: false, reason: "not_due" });
  });

  it("takes an express licence straight to a drafted contract, whose standard terms are not edited", () => {
    const express = deal({ origin: "EXPRESS_LICENCE" });
    expect(decide(DEAL_MACHINE, express, "EOI_SENT", "take_express_licence", as("sender"))).toMatchObject({
      ok: true,
      to: "CONTRACT_DRAFTED",
    });
    expect(decide(DEAL_MACHINE, deal(), "EOI_SENT", "take_express_licence", as("sender"))).toEqual({
      ok: false,
      reason: "not_express",
    });
    expect(decide(DEAL_MACHINE, express, "CONTRACT_DRAFTED", "revise_contract", as("recipient"))).toEqual({
      ok: false,
      reason: "express_terms_fixed",
    });
    expect(decide(DEAL_MACHINE, deal(), "CONTRACT_DRAFTED", "revise_contract", as("recipient"))).toMatchObject({
      ok: true,
    });
  });

  it("lets one side require an NDA and only the other side accept it, once", () => {
    // Origin EOI: the sender is the seeker, the recipient the provider.
    expect(decide(DEAL_MACHINE, deal(), "NEGOTIATING", "require_nda", as("sender"))).toMatchObject({ ok: true });
    const required = deal({ nda: { requiredBy: "seeker", acceptedAt: null } });
    expect(decide(DEAL_MACHINE, required, "NEGOTIATING", "require_nda", as("recipient"))).toEqual({
      ok: false,
      reason: "nda_already_required",
    });
    expect(decide(DEAL_MACHINE, deal(), "NEGOTIATING", "accept_nda", as("recipient"))).toEqual({
      ok: false,
      reason: "no_nda",
    });
    expect(decide(DEAL_MACHINE, required, "NEGOTIATING", "accept_nda", as("sender"))).toEqual({
      ok: false,
      reason: "nda_own_request",
    });
    expect(decide(DEAL_MACHINE, required, "CONTRACT_DRAFTED", "accept_nda", as("recipient"))).toMatchObject({
      ok: true,
      to: "CONTRACT_DRAFTED",
    });
    const accepted = deal({ nda: { requiredBy: "seeker", acceptedAt: NOW } });
    expect(decide(DEAL_MACHINE, accepted, "NEGOTIATING", "accept_nda", as("recipient"))).toEqual({
      ok: false,
      reason: "nda_already_accepted",
    });
    // A provider's proposal: the sender is the provider, so the seeker (recipient) cannot accept its own NDA.
    const proposal = deal({ origin: "PROPOSAL", nda: { requiredBy: "seeker", acceptedAt: null } });
    expect(decide(DEAL_MACHINE, proposal, "NEGOTIATING", "accept_nda", as("recipient"))).toEqual({
      ok: false,
      reason: "nda_own_request",
    });
    expect(decide(DEAL_MACHINE, proposal, "NEGOTIATING", "accept_nda", as("sender"))).toMatchObject({ ok: true });
  });

  it("confirms a complete contract once per side, and signs when both confirmed the latest version", () => {
    const v2 = { versionNo: 2, contentSha256: "b".repeat(64), complete: true, confirmations: [] };
    const confirm = (contract: ContractFacts | null, actor: DealActor) =>
      decide(DEAL_MACHINE, deal({ contract }), "CONTRACT_DRAFTED", "confirm_contract", as(actor));
    expect(confirm(null, "sender")).toEqual({ ok: false, reason: "no_contract" });
    expect(confirm({ ...v2, complete: false }, "sender")).toEqual({ ok: false, reason: "contract_incomplete" });
    expect(confirm(v2, "sender")).toMatchObject({ ok: true, to: "CONTRACT_DRAFTED" });
    const seekerConfirmed = {
      ...v2,
      confirmations: [{ side: "seeker" as const, versionNo: 2, contentSha256: v2.contentSha256 }],
    };
    expect(confirm(seekerConfirmed, "sender")).toEqual({ ok: false, reason: "already_confirmed" });
    expect(confirm(seekerConfirmed, "recipient")).toMatchObject({ ok: true });

    const sign = (contract: ContractFacts) =>
      decide(DEAL_MACHINE, deal({ contract }), "CONTRACT_DRAFTED", "sign", as("recipient"));
    expect(sign(CONFIRMED_BY_BOTH)).toEqual({ ok: true, from: "CONTRACT_DRAFTED", to: "SIGNED" });
    expect(sign(seekerConfirmed)).toEqual({ ok: false, reason: "not_confirmed_by_both" });
    // The provider confirmed version 1; version 2 voided it.
    const stale = {
      ...seekerConfirmed,
      confirmations: [
        ...seekerConfirmed.confirmations,
        { side: "provider" as const, versionNo: 1, contentSha256: "a".repeat(64) },
      ],
    };
    expect(sign(stale)).toEqual({ ok: false, reason: "not_confirmed_by_both" });
  });

  it("files a registration when none waits, and certifies the deal only with a certified registration", () => {
    const file = (registrationState: RegistrationState | null, state: DealState = "SIGNED") =>
      decide(DEAL_MACHINE, deal({ registrationState }), state, "file_registration", as("sender"));
    expect(file(null)).toMatchObject({ ok: true, to: "REGISTRATION" });
    expect(file("REFUSED", "REGISTRATION")).toMatchObject({ ok: true, to: "REGISTRATION" });
    for (const waiting of ["FILED", "MISSING_PAPERS", "CERTIFIED"] as const) {
      expect(file(waiting, "REGISTRATION"), waiting).toEqual({ ok: false, reason: "registration_open" });
    }
    const certify = (registrationState: RegistrationState) =>
      decide(DEAL_MACHINE, deal({ registrationState }), "REGISTRATION", "registration_certified", as("officer"));
    expect(certify("CERTIFIED")).toMatchObject({ ok: true, to: "IN_PERFORMANCE" });
    expect(certify("FILED")).toEqual({ ok: false, reason: "registration_not_certified" });
  });

  it("starts performance without the Department only when registration is not mandatory", () => {
    for (const state of ["SIGNED", "REGISTRATION"] as const) {
      expect(
        decide(DEAL_MACHINE, deal({ registrationMandatory: true }), state, "start_performance", as("sender")),
      ).toEqual({ ok: false, reason: "registration_mandatory" });
      expect(decide(DEAL_MACHINE, deal(), state, "start_performance", as("recipient"))).toMatchObject({
        ok: true,
        to: "IN_PERFORMANCE",
      });
    }
  });

  it("completes only when every milestone is done", () => {
    expect(decide(DEAL_MACHINE, deal({ openMilestones: 1 }), "IN_PERFORMANCE", "complete", as("sender"))).toEqual({
      ok: false,
      reason: "milestones_open",
    });
    expect(decide(DEAL_MACHINE, deal(), "IN_PERFORMANCE", "complete", as("sender"))).toMatchObject({
      ok: true,
      to: "COMPLETED",
    });
  });

  it("tells each party what it can do now, with the reason a command is not available yet", () => {
    expect(partyEvents("EOI_SENT", "recipient")).toEqual(["accept", "decline"]);
    expect(partyEvents("EOI_SENT", "sender")).toEqual(["withdraw"]);
    expect(partyEvents("NEGOTIATING", "sender")).toEqual(["require_nda", "accept_nda", "draft_contract", "cancel"]);
    expect(partyEvents("CONTRACT_DRAFTED", "recipient")).toEqual([
      "require_nda",
      "accept_nda",
      "revise_contract",
      "confirm_contract",
      "cancel",
    ]);
    expect(partyEvents("SIGNED", "sender")).toEqual(["file_registration", "start_performance", "terminate"]);
    expect(partyEvents("IN_PERFORMANCE", "recipient")).toEqual(["complete", "terminate"]);
    for (const state of ["DECLINED", "EXPIRED", "COMPLETED", "TERMINATED", "CANCELLED", "ACCEPTED"] as const) {
      expect(partyEvents(state, "sender"), state).toEqual([]);
      expect(partyEvents(state, "recipient"), state).toEqual([]);
    }
    expect(partyCommands(deal({ openMilestones: 2 }), "IN_PERFORMANCE", "sender", NOW)).toEqual([
      { event: "complete", blockedBy: "milestones_open" },
      { event: "terminate", blockedBy: null },
    ]);
    expect(partyCommands(deal({ registrationMandatory: true }), "SIGNED", "recipient", NOW)).toEqual([
      { event: "file_registration", blockedBy: null },
      { event: "start_performance", blockedBy: "registration_mandatory" },
      { event: "terminate", blockedBy: null },
    ]);
  });

  it("keeps messages open until the deal ends, documents from the negotiation, ratings after completion", () => {
    const open = Object.values(DealState).filter(isDealOpen);
    expect(open).toEqual([
      "EOI_SENT",
      "ACCEPTED",
      "NEGOTIATING",
      "CONTRACT_DRAFTED",
      "SIGNED",
      "REGISTRATION",
      "IN_PERFORMANCE",
    ]);
    // A final state has no way out, and every open state but the unused ACCEPTED has one.
    for (const state of Object.values(DealState)) {
      const exits = eventsOf(DEAL_MACHINE).filter((event) => nextState(DEAL_MACHINE, state, event) !== null);
      expect(exits.length > 0, state).toBe(isDealOpen(state) && state !== "ACCEPTED");
    }
    expect(canMessage("EOI_SENT")).toBe(true);
    expect(canMessage("CANCELLED")).toBe(false);
    expect(canShareDocuments("EOI_SENT")).toBe(false);
    expect(canShareDocuments("NEGOTIATING")).toBe(true);
    expect(canShareDocuments("COMPLETED")).toBe(false);
    expect(Object.values(DealState).filter(canRate)).toEqual(["COMPLETED"]);
  });
});

describe("the parties of a deal", () => {
  const row = { providerOrgId: "org-provider", seekerOrgId: "org-seeker" };

  it("sends from the seeker, except a provider's proposal", () => {
    expect(senderSide("EOI")).toBe("seeker");
    expect(senderSide("EXPRESS_LICENCE")).toBe("seeker");
    expect(senderSide("PROPOSAL")).toBe("provider");
    expect(sideOf("EOI", "recipient")).toBe("provider");
    expect(sideOf("PROPOSAL", "recipient")).toBe("seeker");
  });

  it("makes a member of each organization its party and nobody else", () => {
    expect(partyOf({ ...row, origin: "EOI" }, "org-seeker")).toEqual({ actor: "sender", side: "seeker" });
    expect(partyOf({ ...row, origin: "EOI" }, "org-provider")).toEqual({ actor: "recipient", side: "provider" });
    expect(partyOf({ ...row, origin: "PROPOSAL" }, "org-provider")).toEqual({ actor: "sender", side: "provider" });
    expect(partyOf({ ...row, origin: "EOI" }, "org-broker")).toBeNull();
    expect(partyOf({ ...row, origin: "EOI" }, null)).toBeNull();
    expect(partyOf({ providerOrgId: "org-a", seekerOrgId: "org-a", origin: "EOI" }, "org-a")).toBeNull();
  });
});

describe("the registration machine", () => {
  const ACTORS: RegistrationActor[] = ["party", "officer"];
  const TABLE = `
    event          | by      | FILED          | MISSING_PAPERS | CERTIFIED | REFUSED
    request_papers | officer | MISSING_PAPERS | -              | -         | -
    add_papers     | party   | -              | FILED          | -         | -
    certify        | officer | CERTIFIED      | -              | -         | -
    refuse         | officer | REFUSED        | REFUSED        | -         | -
  `;

  it("is exactly this table", () => {
    expect(checkMachine(REGISTRATION_MACHINE, TABLE, Object.values(RegistrationState), ACTORS)).toBe(4 * 4 * 2);
  });

  it("is filed by a party", () => {
    expect(REGISTRATION_MACHINE.initial).toEqual({ state: "FILED", by: ["party"] });
  });

  it("offers each actor its commands, and moves the deal with a certification only", () => {
    expect(registrationEvents("FILED", "officer")).toEqual(["request_papers", "certify", "refuse"]);
    expect(registrationEvents("FILED", "party")).toEqual([]);
    expect(registrationEvents("MISSING_PAPERS", "party")).toEqual(["add_papers"]);
    expect(registrationEvents("MISSING_PAPERS", "officer")).toEqual(["refuse"]);
    expect(registrationEvents("CERTIFIED", "officer")).toEqual([]);
    expect(dealEventForRegistration("certify", "REGISTRATION")).toBe("registration_certified");
    // A voluntary registration certified after performance started leaves the deal where it is.
    expect(dealEventForRegistration("certify", "IN_PERFORMANCE")).toBeNull();
    expect(dealEventForRegistration("refuse", "REGISTRATION")).toBeNull();
  });
});
