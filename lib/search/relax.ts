import "server-only";
import { searchPool } from "@/lib/db";
import { analyzeQuery, conceptParts, queryRuns, type QueryUnit } from "./analyze";
import { fold, tokenize } from "./text";
import { VOCABULARY_OF_WORDS } from "./words";
import type { RelaxedPlan } from "./rank";

/**
 * The relaxed search of a query that found too few listings (issue #14 item 1): its concepts (words
 * and multi-syllable words, question and filler words dropped), each with its thesaurus alternatives
 * (issue #14 item 2), weighted by rarity. Applied at query time: editing the thesaurus needs no
 * re-indexing.
 */

export interface Alternative {
  /** Folded phrases that must all occur (one for a word or a synonym; the parts of a long concept). */
  groups: string[][];
  /** As shown: typed for the concept itself, the thesaurus term for an alternative. */
  text: string;
  /** 1 for the concept itself, less for its parts, the entry's weight for a synonym or expansion. */
  weight: number;
  /** The words typed (a word no listing uses may be a prefix of one: it is matched as a prefix). */
  typed: boolean;
}

export interface Concept extends QueryUnit {
  /** The concept itself first, then its parts, synonyms and expansions, best first. */
  alternatives: Alternative[];
}

export interface ExpandedQuery {
  concepts: Concept[];
  dropped: QueryUnit[];
  /** The query's last word (folded): the only one that may be half-typed. */
  last?: string;
}

/** At most this many alternatives per concept (the concept and its best synonyms). */
const MAX_ALTERNATIVES = 8;
/** A synonym of one word of a multi-word concept counts this share of the entry's weight. */
const WORD_SYNONYM_SCALE = 0.5;
/** A long concept's parts used apart ("xử lý … mùi hôi") count this much of the concept. */
const PARTS_WEIGHT = 0.85;

interface EntryRow {
  kind: "SYNONYM" | "EXPANSION";
  terms: string[];
  folded: string[];
  weight: number;
}

const hasMarks = (text: string) => fold(text) !== text;

/**
 * Where `run` (words as typed and folded) is a term of `entry`, or -1. Typed with diacritics, it is
 * compared with them ("máy cày" is not "máy cấy"); typed without, folded.
 */
function termIndex(entry: EntryRow, run: { typed: string; folded: string }): number {
  if (!hasMarks(run.typed)) return entry.folded.indexOf(run.folded);
  return entry.terms.findIndex((term) => term.normalize("NFC").toLowerCase() === run.typed);
}

/** The thesaurus entries that can apply to `q`: those with a term folded like a run of 1–4 of its words. */
async function entriesFor(folded: string[]): Promise<EntryRow[]> {
  if (!folded.length) return [];
  const { rows } = await searchPool().query<EntryRow>(
    `SELECT kind, terms, folded, weight FROM search_synonyms WHERE active AND folded && $1::text[]`,
    [folded],
  );
  return rows;
}

/**
 * What `q` asks about, with every concept's alternatives: its parts when it is long, and from the
 * thesaurus its synonyms (a group applies from any of its terms) and expansions (only from the first).
 */
export async function expandQuery(q: string): Promise<ExpandedQuery> {
  const runs = queryRuns(q);
  const entries = await entriesFor([...new Set(runs.map((r) => r.folded))]);
  // A multi-word thesaurus term the query contains stays one concept ("nước uống", "phần mềm").
  const compounds = new Set(
    runs.filter((r) => r.folded.includes(" ") && entries.some((e) => termIndex(e, r) >= 0)).map((r) => r.folded),
  );
  const { concepts, dropped } = analyzeQuery(q, compounds);
  return {
    dropped,
    last: tokenize(q).at(-1),
    concepts: concepts.map((unit) => {
      const key = unit.words.join(" ");
      const best = new Map<string, Alternative>();
      const parts = unit.words.length >= 3 ? conceptParts(unit.words) : [];
      const add = (id: string, alternative: Alternative) => {
        const known = best.get(id);
        if (!known || known.weight < alternative.weight) best.set(id, alternative);
      };
      add(key, { groups: [unit.words], text: unit.text, weight: 1, typed: true });
      if (parts.length > 1) add(`parts:${key}`, { groups: parts, text: unit.text, weight: PARTS_WEIGHT, typed: true });
      // The concept's own synonyms; then, weaker, those of its words ("heo" of "trại heo" → "lợn").
      const typedWords = unit.text.split(" ");
      const runsOf = [
        { typed: unit.text, folded: key, scale: 1 },
        ...(unit.words.length > 1
          ? unit.words.map((folded, i) => ({ typed: typedWords[i] ?? folded, folded, scale: WORD_SYNONYM_SCALE }))
          : []),
      ];
      for (const run of runsOf)
        for (const entry of entries) {
          const at = termIndex(entry, run);
          const applies = entry.kind === "SYNONYM" ? at >= 0 : at === 0;
          if (!applies) continue;
          entry.folded.forEach((folded, i) => {
            if (i === at || !folded || folded === key) return;
            const text = entry.terms[i] ?? folded;
            add(folded, { groups: [folded.split(" ")], text, weight: entry.weight * run.scale, typed: false });
          });
        }
      const alternatives = [...best.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_ALTERNATIVES);
      return { ...unit, alternatives };
    }),
  };
}

/**
 * One alternative as a tsquery: each phrase's words adjacent, the phrases all required. Words are
 * matched whole ("cá tra" must not find "các trạm"), except the query's last word when no listing
 * uses it, which is matched as a prefix (it may be half-typed). Any other word as a prefix ("di:*"
 * for "di động") would gather most of the catalogue's words from the index, and mean nothing.
 */
export function alternativeQuery(alternative: Alternative, known: (word: string) => boolean, last?: string): string {
  const prefix = (w: string) => alternative.typed && w === last && !known(w);
  return alternative.groups
    .map((group) => group.map((w) => (prefix(w) ? `${w}:*` : w)).join(" <-> "))
    .map((phrase) => (alternative.groups.length > 1 ? `(${phrase})` : phrase))
    .join(" & ");
}

/**
 * The relaxed plan of `expanded`: every concept with its rarity, from the vocabulary (how many
 * listings of either kind use each word; an alternative is as rare as its rarest word, a concept as
 * common as its commonest alternative). Null when the query has no concept left.
 */
export async function relaxedPlan(expanded: ExpandedQuery, exclude: string[]): Promise<RelaxedPlan | null> {
  if (!expanded.concepts.length) return null;
  const words = [...new Set(expanded.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.groups.flat())))];
  const { rows } = await searchPool().query<{ word: string | null; docs: number; titles: number }>(
    `SELECT w.word, w.text_docs AS docs, w.docs AS titles FROM ${VOCABULARY_OF_WORDS}
     UNION ALL SELECT NULL, CASE WHEN sum(c.reltuples) > 1000 THEN sum(c.reltuples)::int
       ELSE (SELECT (SELECT count(*) FROM offer_search) + (SELECT count(*) FROM demand_search))::int END
       , 0 FROM pg_class c WHERE c.oid IN ('offer_search'::regclass, 'demand_search'::regclass)`,
    [words],
  );
  const docs = new Map(rows.filter((r) => r.word !== null).map((r) => [r.word!, Number(r.docs)]));
  const titles = new Map(rows.filter((r) => r.word !== null).map((r) => [r.word!, Number(r.titles)]));
  const listings = Math.max(1, ...rows.filter((r) => r.word === null).map((r) => Number(r.docs)));
  const idf = (df: number) => Math.log(1 + listings / (1 + df));
  const known = (w: string) => docs.has(w);
  const rated = expanded.concepts.map((concept) => ({
    concept,
    df: Math.max(...concept.alternatives.map((a) => Math.min(...a.groups.flat().map((w) => docs.get(w) ?? 0)))),
  }));
  // A concept in more than COMMON_SHARE of all listings says little on its own ("công nghệ", "xử
  // lý"): any of the query's concepts being enough, it would match most of the catalogue. Folded, a
  // single word may also stand for a rarer one typed with other marks ("nghé", a calf, folds like
  // "nghệ" of "công nghệ"). Such a concept is left out — unless every concept is that common, then
  // the rarest is kept. A phrase counts as its rarest word (an overestimate), so below
  // COMMON_MIN_LISTINGS listings, where a share says little, only single words are judged.
  const rarest = Math.min(...rated.map((r) => r.df));
  const judged = (r: (typeof rated)[number]) => r.concept.words.length === 1 || listings >= COMMON_MIN_LISTINGS;
  const kept = rated.filter((r) => !judged(r) || r.df <= COMMON_SHARE * listings || r.df === rarest);
  // How many listings use an alternative in their titles, in any text: its rarest word.
  const inTitles = (words: string[]) => Math.min(...words.map((w) => titles.get(w) ?? 0));
  const inTexts = (words: string[]) => Math.min(...words.map((w) => docs.get(w) ?? 0));
  let titleMatches = 0;
  let textMatches = 0;
  const concepts = kept.map(({ concept, df }) => {
    // A syllable of a multi-syllable concept, alone, is weak evidence ("mặn" for "nhiễm mặn"):
    // it counts SYLLABLE_WEIGHT, and only a syllable in at most SYLLABLE_SHARE of all listings: a
    // common one ("nước" of "nước thải") would match a third of the catalogue and say nothing.
    const syllables =
      concept.words.length > 1
        ? concept.words.filter((w) => w.length > 1 && known(w) && (docs.get(w) ?? 0) <= SYLLABLE_SHARE * listings)
        : [];
    const found = [...concept.alternatives.map((a) => a.groups.flat()), ...syllables.map((w) => [w])];
    titleMatches += Math.max(...found.map(inTitles));
    textMatches += Math.max(...found.map(inTexts));
    return {
      // A phrase is rarer than its rarest word: longer concepts weigh more.
      idf: idf(df) * (1 + PHRASE_BONUS * (concept.words.length - 1)),
      alternatives: [
        ...concept.alternatives.map((a) => ({ tsquery: alternativeQuery(a, known, expanded.last), weight: a.weight })),
        // …and the rarer the syllable, the more it says ("nano" of "vật liệu nano" more than "vật").
        ...syllables.map((w) => ({ tsquery: w, weight: (SYLLABLE_WEIGHT * idf(docs.get(w) ?? 0)) / idf(0) })),
      ],
    };
  });
  const share = (matches: number) => Math.min(1, matches / listings);
  return { exclude, concepts, density: { title: share(titleMatches), text: share(textMatches) } };
}

/** See relaxedPlan. */
const SYLLABLE_WEIGHT = 0.3;
// 0.1: the labelled set's best (0.05 loses "vật liệu xây dựng", 0.25 adds noise to synonyms), and at
// 100,000 listings a question's matches fall from ~30,000 to a few thousand (the benchmark).
const SYLLABLE_SHARE = 0.1;
const PHRASE_BONUS = 0.25;

/** See relaxedPlan. */
export const COMMON_SHARE = 0.25;
const COMMON_MIN_LISTINGS = 100;
