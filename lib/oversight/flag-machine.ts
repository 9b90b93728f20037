import type { FlagState } from "@/lib/generated/prisma/enums";
import { defineMachine, eventsOf, nextState } from "@/lib/workflow/machine";

/**
 * A supervision flag (issue #13 item 4; DOMAIN §9): a Department officer flags a listing, deal or
 * organization for review with a note; the operator answers; the officer closes it, or sends it
 * back with a further note (it is open again). Pure and client-safe.
 */
export type FlagEvent = "answer" | "reopen" | "close";
export type FlagActor = "officer" | "operator";

export const FLAG_MACHINE = defineMachine<FlagState, FlagEvent, FlagActor>({
  name: "flag",
  initial: { state: "OPEN", by: ["officer"] },
  transitions: {
    answer: { from: ["OPEN"], to: "ANSWERED", by: ["operator"] },
    reopen: { from: ["ANSWERED"], to: "OPEN", by: ["officer"] },
    // An officer may also withdraw a flag nobody needs to answer any more.
    close: { from: ["OPEN", "ANSWERED"], to: "CLOSED", by: ["officer"] },
  },
});

/** The flag commands of one actor in `state`, for the flags page. */
export function flagEvents(state: FlagState, actor: FlagActor): FlagEvent[] {
  return eventsOf(FLAG_MACHINE).filter(
    (event) => FLAG_MACHINE.transitions[event].by.includes(actor) && nextState(FLAG_MACHINE, state, event) !== null,
  );
}

/** What a flag may be put on: the records an officer opens read-only. */
export const FLAG_ENTITY_TYPES = ["offer", "demand", "deal", "organization"] as const;
export type FlagEntityType = (typeof FLAG_ENTITY_TYPES)[number];
