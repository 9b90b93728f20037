import type { DealOrigin, DealState } from "@/lib/generated/prisma/enums";
import { otherSide, senderSide, type DealSide } from "./parties";

/**
 * Whose move it is in a deal (issue #12 item 2: "waiting for you" first in the workspace). Pure
 * and client-safe; `lib/deals/queries.ts` sorts the deal list by the same rule written in SQL, and
 * tests/integration/deals.test.ts proves the two agree.
 *
 * - An expression of interest waits for its recipient's answer.
 * - A required NDA waits for the other side's acceptance.
 * - Nothing else waits on one side alone yet: while negotiating, both parties may act.
 */
export interface WaitingRow {
  readonly origin: DealOrigin;
  readonly state: DealState;
  readonly ndaRequiredBy: string | null;
  readonly ndaAcknowledgedAt: Date | null;
}

export function waitingOn(deal: WaitingRow): DealSide[] {
  if (deal.state === "EOI_SENT") return [otherSide(senderSide(deal.origin))];
  if (
    (deal.state === "NEGOTIATING" || deal.state === "CONTRACT_DRAFTED") &&
    (deal.ndaRequiredBy === "provider" || deal.ndaRequiredBy === "seeker") &&
    deal.ndaAcknowledgedAt === null
  ) {
    return [otherSide(deal.ndaRequiredBy)];
  }
  return [];
}
