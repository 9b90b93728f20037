import { z } from "zod";
import type { MatchExplanation } from "./types";

/**
 * The stored `matches.explanation` JSON, parsed instead of cast: a row written by an older engine (or
 * damaged) must not reach the page as a shape it does not have.
 */
const Verdict = z.enum(["match", "partial", "mismatch", "unknown"]);
const Range = z.tuple([z.number().nullable(), z.number().nullable()]);

export const MatchExplanationSchema = z.object({
  sharedTerms: z.array(z.string()),
  text: z.object({ similarity: z.number() }),
  sector: z.object({ verdict: Verdict, offerSector: z.string(), demandSector: z.string() }),
  trl: z.object({ verdict: Verdict, offerTrl: z.number(), demandMin: z.number() }),
  budget: z.object({ verdict: Verdict, price: Range, budget: Range }),
  location: z.object({ verdict: Verdict, offer: z.string(), demand: z.string() }),
  verified: z.boolean(),
  parts: z.record(z.string(), z.number()),
}) satisfies z.ZodType<MatchExplanation>;

/** What a match shows when its stored explanation cannot be read: every criterion "unknown". */
export const UNKNOWN_EXPLANATION: MatchExplanation = {
  sharedTerms: [],
  text: { similarity: 0 },
  sector: { verdict: "unknown", offerSector: "", demandSector: "" },
  trl: { verdict: "unknown", offerTrl: 0, demandMin: 0 },
  budget: { verdict: "unknown", price: [null, null], budget: [null, null] },
  location: { verdict: "unknown", offer: "", demand: "" },
  verified: false,
  parts: {},
};

/** The stored explanation, or UNKNOWN_EXPLANATION (logged) when it does not have the expected shape. */
export function parseExplanation(value: unknown, matchId?: string): MatchExplanation {
  const parsed = MatchExplanationSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(
    `[matching] unreadable explanation of match ${matchId ?? "?"}: ${parsed.error.issues[0]?.message ?? "invalid"}`,
  );
  return UNKNOWN_EXPLANATION;
}
