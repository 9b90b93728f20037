import { COMPOUNDS } from "@/lib/search/compounds";
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

/**
 * The least text similarity (the explanation's `text.similarity`, as shown: rounded to 0.01) at which
 * two listings are related at all. Below it a pair is no match, whatever its sector, TRL or budget:
 * the engine does not return it, so it is never stored, shown or notified. The other criteria alone
 * made a same-sector pair sharing no subject look like a 55 % match (a tuna-freezing offer for a
 * shrimp-farming demand), and pairs sharing only "xử lý" or "phần mềm" (8–12 %) were shown.
 *
 * Set against the labelled set (tests/quality/matches.ts, 12 demands, 28 offers a broker picked): the
 * picks' similarities run from 0.15 (one, ranked 9th; 0.16 when the thesaurus puts "nước sạch" in the
 * other of its two groups) to 0.56, so 0.15 drops none of them, while the 17 of the engine's top-5
 * suggestions below it (0–0.12) were all pairs the broker rejected. Mean precision@5 stays 0.45
 * (tests/integration/search-quality.test.ts); tests/integration/matching-relatedness.test.ts fails if
 * a pick falls below the minimum. On the demo data it leaves 55 of 125 stored matches. The similarity
 * counts the thesaurus's synonym groups, so officers' edits to it move pairs across the line.
 */
export const MIN_RELATEDNESS = 0.15;

/** Whether a scored pair is related enough to be a match at all (see MIN_RELATEDNESS). */
export function isRelated(explanation: Pick<MatchExplanation, "text">): boolean {
  return explanation.text.similarity >= MIN_RELATEDNESS;
}

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
        // "công nghệ" ≈ "technology" is a thesaurus group, but sharing it says as little as its syllables.
        if (run.every((x) => STOP.has(x.folded))) continue;
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

/** Known multi-syllable words (lib/search/compounds.ts), folded, their syllables joined by one space. */
const COMPOUND_WORDS: ReadonlySet<string> = new Set(COMPOUNDS.map((c) => tokenize(c).join(" ")));
const LONGEST_WORD = 4;

interface Written {
  folded: string;
  /** As the listing wrote it: lower case, but an acronym ("MBR") keeps its capitals. */
  written: string;
}

const isAcronym = (w: string) => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();

/** Words of a text, in clauses: no word runs across punctuation ("vải, nhãn" are two clauses). */
function clauses(text: string | null | undefined): Written[][] {
  return (text ?? "")
    .normalize("NFC")
    .split(/[.,;:!?()[\]{}"“”‘’/|·•–—\n]+/u)
    .map((clause) =>
      clause
        .split(/[^\p{L}\p{N}]+/u)
        .map((w) => ({ folded: tokenize(w)[0] ?? "", written: isAcronym(w) ? w : w.toLowerCase() }))
        .filter((w) => w.folded.length > 0),
    )
    .filter((clause) => clause.length > 0);
}

/**
 * A clause cut into words — a known multi-syllable word of up to four syllables, or one syllable —
 * keeping the most syllables inside known words, then the fewest words (as search's query analysis
 * does), then the longest first word, so that "bảo quản vải thiều" is "bảo quản" + "vải thiều",
 * never "quản vải".
 */
function segment(clause: Written[], known: (folded: string) => boolean): Written[][] {
  const n = clause.length;
  const best: { joined: number; units: number; take: number }[] = new Array(n + 1);
  best[n] = { joined: 0, units: 0, take: 0 };
  const run = (from: number, to: number) =>
    clause
      .slice(from, to)
      .map((w) => w.folded)
      .join(" ");
  for (let i = n - 1; i >= 0; i--) {
    let choice = { joined: best[i + 1]!.joined, units: best[i + 1]!.units + 1, take: 1 };
    for (let len = 2; len <= Math.min(LONGEST_WORD, n - i); len++) {
      if (!known(run(i, i + len))) continue;
      const rest = best[i + len]!;
      const option = { joined: rest.joined + len - 1, units: rest.units + 1, take: len };
      // On a tie the longer first word, as one reads.
      if (option.joined > choice.joined || (option.joined === choice.joined && option.units <= choice.units))
        choice = option;
    }
    best[i] = choice;
  }
  const words: Written[][] = [];
  for (let i = 0; i < n; i += best[i]!.take) words.push(clause.slice(i, i + best[i]!.take));
  return words;
}

const wholeWordsCache = new WeakMap<
  ListingFacts,
  {
    synonyms: SynonymKeys | undefined;
    words: { compounds: Map<string, string>; singles: Map<string, string>; phrases: string[] };
  }
>();

/**
 * What a listing says in whole words, for the explanation: its multi-syllable words (and the shorter
 * known words inside them: "xử lý nước thải" also holds "nước thải") in order of appearance, folded →
 * as written; its single words as written; and its clauses folded, to find a keyword as a phrase.
 * The English title is left out: what is shown is what the listing says in Vietnamese.
 */
function wholeWords(facts: ListingFacts, synonyms: SynonymKeys | undefined) {
  // The engine scores one listing against up to 80 others: each is read once per thesaurus (facts
  // are never changed once built).
  const cached = wholeWordsCache.get(facts);
  if (cached && cached.synonyms === synonyms) return cached.words;
  const known = (folded: string) => COMPOUND_WORDS.has(folded) || (folded.includes(" ") && !!synonyms?.has(folded));
  const compounds = new Map<string, string>();
  const singles = new Map<string, string>();
  const phrases: string[] = [];
  for (const text of [facts.title, ...facts.keywords, facts.summary]) {
    for (const clause of clauses(text)) {
      phrases.push(` ${clause.map((w) => w.folded).join(" ")} `);
      for (const word of segment(clause, known)) {
        if (word.length === 1) {
          if (!singles.has(word[0]!.folded)) singles.set(word[0]!.folded, word[0]!.written);
          continue;
        }
        for (let len = word.length; len >= 2; len--) {
          for (let i = 0; i + len <= word.length; i++) {
            const part = word.slice(i, i + len);
            const folded = part.map((w) => w.folded).join(" ");
            if ((len === word.length || known(folded)) && !compounds.has(folded))
              compounds.set(folded, part.map((w) => w.written).join(" "));
          }
        }
      }
    }
  }
  const words = { compounds, singles, phrases };
  wholeWordsCache.set(facts, { synonyms, words });
  return words;
}

/** A single word that cannot be a Vietnamese syllable (folded): "biogas", "chitosan". */
const VIETNAMESE_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

const generic = (folded: string) => folded.split(" ").every((w) => STOP.has(w));

/**
 * The shared terms shown to people, only ever whole words as the listings wrote them: the demand's
 * keywords found in the offer as phrases, then the known multi-syllable words (lib/search/compounds.ts,
 * and the thesaurus's multi-word terms) both listings use, then shared synonym groups by the demand's
 * words, then acronyms ("MBR") and words that are no Vietnamese syllable ("biogas"). Never a pair of
 * syllables straddling two words ("quản vải") nor a lone syllable of a longer word ("lượng"), and
 * never words that say nothing ("công nghệ", "hệ thống"). A term inside a longer one shown is left out.
 */
function displayTerms(
  demand: DemandFacts,
  offer: OfferFacts,
  shared: Set<string>,
  surface: Map<string, string>,
  synonyms?: SynonymKeys,
): string[] {
  const mine = wholeWords(demand, synonyms);
  const theirs = wholeWords(offer, synonyms);
  const out: { text: string; folded: string; keyword?: boolean }[] = [];
  const add = (text: string, folded: string, keyword = false) => {
    if (folded && !generic(folded) && !out.some((o) => o.folded === folded)) out.push({ text, folded, keyword });
  };
  for (const keyword of demand.keywords) {
    const folded = tokenize(keyword).join(" ");
    // A phrase anywhere in the offer; a single syllable only as a word of its own ("vải" is not in "vải thiều").
    const found = folded.includes(" ")
      ? theirs.phrases.some((p) => p.includes(` ${folded} `))
      : theirs.singles.has(folded);
    if (found) add(keyword.normalize("NFC").trim(), folded, true);
  }
  for (const [folded, written] of mine.compounds) if (theirs.compounds.has(folded)) add(written, folded);
  for (const term of shared) {
    const written = term.startsWith(synonymTerm("")) ? surface.get(term) : undefined;
    if (written) add(written, tokenize(written).join(" "));
  }
  for (const [folded, written] of mine.singles) {
    if (!shared.has(folded) || !theirs.singles.has(folded)) continue;
    if (isAcronym(written) || (folded.length > 2 && !VIETNAMESE_SYLLABLE.test(folded))) add(written, folded);
  }
  // The demand's keywords stay as it wrote them; another term inside a longer one shown, or around a
  // keyword ("xử lý nước thải" when "nước thải" is one), would say the same twice.
  const within = (inner: string, outer: string) => inner !== outer && ` ${outer} `.includes(` ${inner} `);
  return out
    .filter(
      (t) => t.keyword || !out.some((o) => within(t.folded, o.folded) || (o.keyword && within(o.folded, t.folded))),
    )
    .map((t) => t.text)
    .slice(0, 8);
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
  // A pair below MIN_RELATEDNESS is no match at all (isRelated): the engine drops it, whatever this total.
  const total = Object.values(parts).reduce((sum, v) => sum + v, 0);
  const score = Math.round(clamp01(total) * 1000) / 1000;
  return {
    score,
    explanation: {
      sharedTerms: displayTerms(demand, offer, new Set(shared), surface, synonyms),
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
