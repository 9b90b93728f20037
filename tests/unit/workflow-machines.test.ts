import { describe, expect, it } from "vitest";
import { ListingStatus, MatchState, MembershipRequestStatus, VerificationStatus } from "@/lib/generated/prisma/enums";
import { LISTING_MACHINE, type ListingActor } from "@/lib/listings/state-machine";
import { MATCH_EVENT_FOR, MATCH_SIDE_MACHINE, type MatchActor } from "@/lib/matching/state-machine";
import {
  MEMBERSHIP_REQUEST_MACHINE,
  VERIFICATION_MACHINE,
  type MembershipActor,
  type OrganizationActor,
} from "@/lib/organizations/state-machine";
import { decide, nextState } from "@/lib/workflow/machine";
import { checkMachine } from "../support/machine-grid";

/**
 * Every machine's table, written out here on its own: for each event, who may trigger it and, for
 * each state, the state it leads to ("-": refused from that state). Every state × event × actor is
 * checked against the engine, so a change to any table — a new move, a lost one, another actor —
 * fails until this expectation is changed with it. Guards are tested below the tables.
 */

describe("the listing machine (offers and demands)", () => {
  const ACTORS: ListingActor[] = ["owner", "moderator", "officer", "system"];
  const TABLE = `
    event            | by                | DRAFT     | SUBMITTED | PUBLISHED | REJECTED  | EXPIRED   | WITHDRAWN
    edit             | owner             | DRAFT     | -         | PUBLISHED | REJECTED  | -         | -
    submit           | owner             | SUBMITTED | -         | -         | SUBMITTED | -         | -
    recall           | owner             | -         | DRAFT     | -         | -         | -         | -
    withdraw         | owner             | -         | WITHDRAWN | WITHDRAWN | -         | -         | -
    renew            | owner             | -         | -         | PUBLISHED | -         | PUBLISHED | -
    renew_for_review | owner             | -         | -         | SUBMITTED | -         | SUBMITTED | -
    block            | owner             | DRAFT     | -         | PUBLISHED | REJECTED  | EXPIRED   | -
    approve          | moderator,officer | -         | PUBLISHED | -         | -         | -         | -
    reject           | moderator,officer | -         | REJECTED  | -         | -         | -         | -
    refuse           | moderator,officer | -         | SUBMITTED | -         | -         | -         | -
    approve_revision | moderator,officer | -         | -         | PUBLISHED | -         | -         | -
    reject_revision  | moderator,officer | -         | -         | PUBLISHED | -         | -         | -
    refuse_revision  | moderator,officer | -         | -         | PUBLISHED | -         | -         | -
    expire           | system            | -         | -         | EXPIRED   | -         | -         | -
  `;

  it("is exactly this table", () => {
    expect(checkMachine(LISTING_MACHINE, TABLE, Object.values(ListingStatus), ACTORS)).toBe(14 * 6 * 4);
  });

  it("creates listings as drafts, by their owner only", () => {
    expect(LISTING_MACHINE.initial).toEqual({ state: "DRAFT", by: ["owner"] });
  });

  it("decides a revision only while one waits", () => {
    const published = (pendingRevision: unknown) => ({
      status: "PUBLISHED" as const,
      pendingRevision,
      expiresAt: null,
    });
    const ctx = { actor: "moderator" as const, now: new Date() };
    const revision = { titleVi: "Bản sửa", submittedAt: "2026-11-20T08:00:00.000Z", screening: "CLEAR" };
    for (const event of ["approve_revision", "reject_revision", "refuse_revision"] as const) {
      expect(decide(LISTING_MACHINE, published(revision), "PUBLISHED", event, ctx)).toMatchObject({ ok: true });
      expect(decide(LISTING_MACHINE, published(null), "PUBLISHED", event, ctx)).toEqual({
        ok: false,
        reason: "invalid_state",
      });
      // Not a revision (wrong types): nothing to decide.
      expect(decide(LISTING_MACHINE, published({ trl: "seven" }), "PUBLISHED", event, ctx)).toMatchObject({
        ok: false,
      });
    }
  });

  it("expires a listing only once its publication period is over, by the job's clock", () => {
    const expiresAt = new Date("2026-11-24T00:00:00Z");
    const listing = { status: "PUBLISHED" as const, pendingRevision: null, expiresAt };
    const at = (iso: string) => ({ actor: "system" as const, now: new Date(iso) });
    expect(decide(LISTING_MACHINE, listing, "PUBLISHED", "expire", at("2026-11-24T00:00:00Z"))).toMatchObject({
      ok: true,
      to: "EXPIRED",
    });
    expect(decide(LISTING_MACHINE, listing, "PUBLISHED", "expire", at("2026-11-23T23:59:59Z"))).toEqual({
      ok: false,
      reason: "not_due",
    });
    expect(
      decide(LISTING_MACHINE, { ...listing, expiresAt: null }, "PUBLISHED", "expire", at("2030-01-01T00:00:00Z")),
    ).toEqual({ ok: false, reason: "not_due" });
  });
});

describe("the organization verification machine", () => {
  const ACTORS: OrganizationActor[] = ["org_admin", "member", "operator"];
  const TABLE = `
    event        | by               | UNVERIFIED | PENDING    | VERIFIED | REJECTED
    request      | org_admin        | PENDING    | -          | -        | PENDING
    verify       | operator         | -          | VERIFIED   | -        | -
    reject       | operator         | -          | REJECTED   | -        | -
    withdraw     | org_admin        | -          | UNVERIFIED | -        | -
    edit         | org_admin,member | UNVERIFIED | PENDING    | VERIFIED | REJECTED
    accept_legal | operator         | -          | -          | VERIFIED | -
    reject_legal | operator         | -          | -          | VERIFIED | -
  `;

  it("is exactly this table", () => {
    expect(checkMachine(VERIFICATION_MACHINE, TABLE, Object.values(VerificationStatus), ACTORS)).toBe(7 * 4 * 3);
  });

  it("decides a legal change only while one waits", () => {
    const ctx = { actor: "operator" as const, now: new Date() };
    for (const event of ["accept_legal", "reject_legal"] as const) {
      expect(
        decide(VERIFICATION_MACHINE, { pendingLegal: { taxCode: "0109999999" } }, "VERIFIED", event, ctx),
      ).toMatchObject({ ok: true, to: "VERIFIED" });
      expect(decide(VERIFICATION_MACHINE, { pendingLegal: null }, "VERIFIED", event, ctx)).toEqual({
        ok: false,
        reason: "invalid_state",
      });
      expect(decide(VERIFICATION_MACHINE, { pendingLegal: { type: "SPACESHIP" } }, "VERIFIED", event, ctx)).toEqual({
        ok: false,
        reason: "invalid_state",
      });
    }
  });
});

describe("the membership request machine", () => {
  const ACTORS: MembershipActor[] = ["requester", "org_admin", "operator"];
  const TABLE = `
    event   | by                 | PENDING   | APPROVED | REJECTED | CANCELLED
    approve | org_admin,operator | APPROVED  | -        | -        | -
    reject  | org_admin,operator | REJECTED  | -        | -        | -
    cancel  | requester          | CANCELLED | -        | -        | -
  `;

  it("is exactly this table", () => {
    expect(checkMachine(MEMBERSHIP_REQUEST_MACHINE, TABLE, Object.values(MembershipRequestStatus), ACTORS)).toBe(
      3 * 4 * 3,
    );
  });

  it("is filed by the requester, pending", () => {
    expect(MEMBERSHIP_REQUEST_MACHINE.initial).toEqual({ state: "PENDING", by: ["requester"] });
  });
});

describe("the match side machine", () => {
  const ACTORS: MatchActor[] = ["owner", "system"];
  const TABLE = `
    event   | by           | SUGGESTED | SEEN      | DISMISSED | ACTED_ON
    see     | owner,system | SEEN      | -         | -         | -
    dismiss | owner        | DISMISSED | DISMISSED | -         | -
    restore | owner        | -         | -         | SUGGESTED | -
    act     | owner        | ACTED_ON  | ACTED_ON  | -         | -
  `;

  it("is exactly this table", () => {
    expect(checkMachine(MATCH_SIDE_MACHINE, TABLE, Object.values(MatchState), ACTORS)).toBe(4 * 4 * 2);
  });

  it("maps each state an owner asks for to the event that leads there", () => {
    for (const state of Object.values(MatchState)) {
      const event = MATCH_EVENT_FOR[state];
      const sources = Object.values(MatchState).filter((from) => nextState(MATCH_SIDE_MACHINE, from, event) === state);
      expect(sources.length, state).toBeGreaterThan(0);
    }
  });

  it("keeps an acted-on match acted on, whatever the owner asks for", () => {
    for (const state of Object.values(MatchState)) {
      expect(nextState(MATCH_SIDE_MACHINE, "ACTED_ON", MATCH_EVENT_FOR[state]), state).toBeNull();
    }
  });
});
