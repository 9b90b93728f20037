/**
 * Contract of the matching engine (lib/matching). A match pairs a published offer with a published
 * demand, scored 0–1 from weighted criteria, and keeps its explanation for users.
 */
export type CriterionVerdict = "match" | "partial" | "mismatch" | "unknown";

export interface MatchExplanation {
  /** Whole words or phrases both listings use (title, keywords, summary), as the demand wrote them. */
  sharedTerms: string[];
  text: { similarity: number };
  sector: { verdict: CriterionVerdict; offerSector: string; demandSector: string };
  trl: { verdict: CriterionVerdict; offerTrl: number; demandMin: number };
  budget: { verdict: CriterionVerdict; price: [number | null, number | null]; budget: [number | null, number | null] };
  location: { verdict: CriterionVerdict; offer: string; demand: string };
  verified: boolean;
  /** Each criterion's contribution to the score (weight × value). */
  parts: Record<string, number>;
}

export interface ScoredMatch {
  offerId: string;
  demandId: string;
  score: number;
  explanation: MatchExplanation;
}
