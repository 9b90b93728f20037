import { tokenize } from "@/lib/search/text";
import type { CriterionVerdict, MatchExplanation } from "./types";

/** The weights of every criterion, in one place; they sum to 1 so a score is 0–1. */
export const WEIGHTS = {
  text: 0.42,
  sector: 0.22,
  trl: 0.12,
  budget: 0.1,
  location: 0.05,
  recency: 0.05,
  verified: 0.04,
} as const;

/** A match at or above this score notifies both owners (once). */
export const STRONG_MATCH = 0.6;

// Single syllables so common in Vietnamese technical text that sharing them says nothing. Only
// syllables: a word like "sản xuất" must not make "sản" (nông sản) or "xuất" (truy xuất) meaningless.
const STOP = new Set(
  (
    "cong nghe he thong giai phap ung dung va cho cua cac trong voi tu la mot nhung duoc de co the bang tren theo " +
    "moi su ky thuat phuong quy trinh and for the of with in to technology system solution"
  ).split(" "),
);

export interface ListingFacts {
  title: string;
  titleEn?: string | null;
  keywords: string[];
  summary?: string | null;
  sectorCode: string;
  fieldCode: string | null;
  location: string;
}

export interface OfferFacts extends ListingFacts {
  trl: number;
  priceType: string;
  priceMin: number | null;
  priceMax: number | null;
  verified: boolean;
  updatedAt: Date;
}

export interface DemandFacts extends ListingFacts {
  trlMin: number;
  budgetMin: number | null;
  budgetMax: number | null;
}

/**
 * Folded terms (1–4 words) of the thesaurus's synonym groups → their group's key
 * (lib/matching/synonyms.ts). A listing using any term of a group holds the term `≈key`.
 */
export type SynonymKeys = ReadonlyMap<string, string>;

/** The term a listing holds for using a word of the synonym group `key`. */
export const synonymTerm = (key: string) => `≈${key}`;

/**
 * Content words and adjacent word pairs ("nuoc thai") of a listing's title, keywords and summary,
 * folded, and the synonym group of every run of 1–4 words that is a thesaurus term; `surface`
 * remembers how each was written ("nước thải") for the explanation.
 */
export function terms(facts: ListingFacts, surface?: Map<string, string>, synonyms?: SynonymKeys): Set<string> {
  const out = new Set<string>();
  const add = (text: string | null | undefined) => {
    // Numbers ("30 ngày", "5 ha") say nothing about the subject.
    const words = (text ?? "")
      .normalize("NFC")
      .split(/[^\p{L}\p{N}]+/u)
      .map((w) => ({ folded: tokenize(w)[0] ?? "", original: w.toLowerCase() }))
      .filter((w) => w.folded.length > 1 && !/^\d+$/.test(w.folded));
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!STOP.has(w.folded)) {
        out.add(w.folded);
        if (!surface?.has(w.folded)) surface?.set(w.folded, w.original);
      }
      const next = words[i + 1];
      if (next && !STOP.has(w.folded) && !STOP.has(next.folded)) {
        const pair = `${w.folded} ${next.folded}`;
        out.add(pair);
        if (!surface?.has(pair)) surface?.set(pair, `${w.original} ${next.original}`);
      }
      for (let n = 1; synonyms && n <= 4 && i + n <= words.length; n++) {
        const run = words.slice(i, i + n);
        const key = synonyms.get(run.map((x) => x.folded).join(" "));
        if (!key) continue;
        out.add(synonymTerm(key));
        if (!surface?.has(synonymTerm(key))) surface?.set(synonymTerm(key), run.map((x) => x.original).join(" "));
      }
    }
  };
  add(facts.title);
  add(facts.titleEn);
  for (const keyword of facts.keywords) add(keyword);
  add(facts.summary);
  return out;
}

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

/**
 * The shared terms shown to people. Vietnamese words span syllables, so syllable pairs can straddle
 * two words ("mềm truy"); the demand's own keywords found in the offer come first, as written, then
 * other shared pairs, and lone syllables only when nothing better was shared.
 */
function displayTerms(demand: DemandFacts, shared: Set<string>, surface: Map<string, string>): string[] {
  const out: string[] = [];
  const covered = new Set<string>();
  for (const keyword of demand.keywords) {
    const words = tokenize(keyword);
    const parts = words.length === 1 ? words : words.slice(1).map((w, i) => `${words[i]} ${w}`);
    if (parts.length && parts.every((p) => shared.has(p))) {
      out.push(keyword.normalize("NFC"));
      parts.forEach((p) => covered.add(p));
      words.forEach((w) => covered.add(w));
    }
  }
  const pairs = [...shared].filter((t) => t.includes(" ") && !covered.has(t));
  const singles = [...shared].filter(
    (t) => !t.includes(" ") && !covered.has(t) && !pairs.some((p) => p.split(" ").includes(t)) && t.length > 4,
  );
  for (const t of [...pairs, ...singles]) out.push(surface.get(t) ?? t);
  return [...new Set(out)].slice(0, 8);
}

function budgetVerdict(offer: OfferFacts, demand: DemandFacts): [CriterionVerdict, number] {
  const lo = offer.priceType === "NEGOTIABLE" ? null : offer.priceMin;
  const hi = offer.priceType === "NEGOTIABLE" ? null : (offer.priceMax ?? offer.priceMin);
  if (lo === null || (demand.budgetMin === null && demand.budgetMax === null)) return ["unknown", 0.5];
  const bMax = demand.budgetMax ?? Number.POSITIVE_INFINITY;
  const bMin = demand.budgetMin ?? 0;
  if (lo <= bMax && (hi ?? lo) >= bMin) return ["match", 1];
  if (lo <= bMax * 1.3) return ["partial", 0.5];
  return ["mismatch", 0];
}

/** Score 0–1 of an offer for a demand, with the explanation shown to users. */
export function scoreMatch(
  offer: OfferFacts,
  demand: DemandFacts,
  now = new Date(),
  synonyms?: SynonymKeys,
): { score: number; explanation: MatchExplanation } {
  const surface = new Map<string, string>();
  const a = terms(offer, undefined, synonyms);
  const b = terms(demand, surface, synonyms);
  const common = [...a].filter((t) => b.has(t));
  // A group shared through the very same words is already counted by those words.
  const literal = new Set(
    common
      .map((t) => synonyms?.get(t))
      .filter(Boolean)
      .map((k) => synonymTerm(k!)),
  );
  const shared = common.filter((t) => !literal.has(t));
  // Dice coefficient over the smaller side: a short demand fully covered by an offer is a strong match.
  const similarity = clamp01((2 * shared.length) / (Math.min(a.size, b.size) * 2 || 1));
  const sectorVerdict: CriterionVerdict =
    offer.sectorCode === demand.sectorCode
      ? "match"
      : offer.fieldCode && offer.fieldCode === demand.fieldCode
        ? "partial"
        : "mismatch";
  const trlVerdict: CriterionVerdict =
    offer.trl >= demand.trlMin ? "match" : offer.trl === demand.trlMin - 1 ? "partial" : "mismatch";
  const [budget, budgetValue] = budgetVerdict(offer, demand);
  const hanoi = (code: string) => code === "HN" || code.startsWith("HN-");
  const locationVerdict: CriterionVerdict =
    offer.location === demand.location
      ? "match"
      : hanoi(offer.location) && hanoi(demand.location)
        ? "partial"
        : "mismatch";
  const value = { match: 1, partial: 0.5, mismatch: 0, unknown: 0.5 } as const;
  const ageDays = Math.max(0, (now.getTime() - offer.updatedAt.getTime()) / 86_400_000);
  const parts = {
    text: WEIGHTS.text * similarity,
    sector: WEIGHTS.sector * value[sectorVerdict],
    trl: WEIGHTS.trl * value[trlVerdict],
    budget: WEIGHTS.budget * budgetValue,
    location: WEIGHTS.location * (locationVerdict === "mismatch" ? 0.3 : value[locationVerdict]),
    recency: WEIGHTS.recency * Math.exp(-ageDays / 365),
    verified: WEIGHTS.verified * (offer.verified ? 1 : 0),
  };
  // Without shared subject matter or the same sector (a field such as "2 Engineering" is too broad), the other criteria (TRL, budget…) alone must not
  // make two listings look related: such pairs count half.
  const related = similarity >= 0.1 || sectorVerdict === "match";
  const total = Object.values(parts).reduce((sum, v) => sum + v, 0) * (related ? 1 : 0.5);
  const score = Math.round(clamp01(total) * 1000) / 1000;
  return {
    score,
    explanation: {
      sharedTerms: displayTerms(demand, new Set(shared), surface),
      text: { similarity: Math.round(similarity * 100) / 100 },
      sector: { verdict: sectorVerdict, offerSector: offer.sectorCode, demandSector: demand.sectorCode },
      trl: { verdict: trlVerdict, offerTrl: offer.trl, demandMin: demand.trlMin },
      budget: {
        verdict: budget,
        price: [offer.priceMin, offer.priceMax],
        budget: [demand.budgetMin, demand.budgetMax],
      },
      location: { verdict: locationVerdict, offer: offer.location, demand: demand.location },
      verified: offer.verified,
      parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
    },
  };
}
