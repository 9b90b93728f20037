import type { MatchState } from "@/lib/generated/prisma/enums";
import { defineMachine } from "@/lib/workflow/machine";

/**
 * One side of a match (DOMAIN §3): each owner's own view of it — the offer's organization and the
 * demand's each move their side, and one dismissing a match does not hide it from the other.
 * Matches are created SUGGESTED on both sides by the matching job (./mutations.ts recomputeMatches).
 *
 * ACTED_ON is final: an owner who acted on a match may have started a deal from it, so it is kept
 * by every recomputation and can neither be dismissed nor go back to a suggestion.
 */
export type MatchSideEvent = "see" | "dismiss" | "restore" | "act";

export type MatchActor = "owner" | "system";

export const MATCH_SIDE_MACHINE = defineMachine<MatchState, MatchSideEvent, MatchActor>({
  name: "match side",
  transitions: {
    see: { from: ["SUGGESTED"], to: "SEEN", by: ["owner", "system"] },
    dismiss: { from: ["SUGGESTED", "SEEN"], to: "DISMISSED", by: ["owner"] },
    restore: { from: ["DISMISSED"], to: "SUGGESTED", by: ["owner"] },
    act: { from: ["SUGGESTED", "SEEN"], to: "ACTED_ON", by: ["owner"] },
  },
});

/** The event an owner's request for a state stands for (the workspace posts the state it wants). */
export const MATCH_EVENT_FOR: Readonly<Record<MatchState, MatchSideEvent>> = {
  SEEN: "see",
  DISMISSED: "dismiss",
  SUGGESTED: "restore",
  ACTED_ON: "act",
};
