import { COMPOUNDS } from "./compounds";
import { fold } from "./text";

/**
 * How a query typed as a sentence becomes the concepts it asks about (issue #14 item 1). Pure.
 *
 * "có công nghệ nào xử lý mùi hôi từ bãi rác không" → xử lý · mùi hôi · bãi rác: the words are
 * grouped into multi-syllable Vietnamese words first (longest known word wins, so "không khí" and
 * "hữu cơ" survive the stop-list that drops "không" and "có"), then question and filler words are
 * dropped. A word typed with diacritics is compared with its diacritics ("đó" is a filler, "độ" is
 * not); a word typed without any is dropped only when no common technical word folds to it; a word
 * in capitals is an acronym and kept ("AI camera": artificial intelligence; "có ai": who).
 */

/** Question and filler words, and phrases of them, as typed (lower case, NFC). */
export const STOP_PHRASES: readonly string[] = [
  // Questions
  "làm thế nào",
  "làm sao",
  "như thế nào",
  "thế nào",
  "bao nhiêu",
  "ở đâu",
  "là gì",
  "cái gì",
  "có không",
  "hay không",
  "được không",
  "có thể",
  "nào",
  "gì",
  "sao",
  "đâu",
  "ai",
  "không",
  "chưa",
  // Asking, wanting, looking
  "xin hỏi",
  "cho hỏi",
  "vui lòng",
  "tìm kiếm",
  "cần",
  "giúp",
  "muốn",
  "tìm",
  "hỏi",
  "xin",
  "nhờ",
  "hãy",
  "nên",
  // The asker
  "chúng tôi",
  "chúng em",
  "chúng ta",
  "công ty tôi",
  "tôi",
  "mình",
  "em",
  "anh",
  "chị",
  "bạn",
  "ạ",
  "nhé",
  "nhỉ",
  "ơi",
  "vậy",
  // Function words
  "có",
  "cho",
  "của",
  "các",
  "những",
  "một",
  "được",
  "là",
  "và",
  "với",
  "từ",
  "ở",
  "thì",
  "mà",
  "này",
  "đó",
  "kia",
  "ấy",
  "hay",
  "hoặc",
  "về",
  "để",
  "làm",
  "như",
  "việc",
  "đang",
  "sẽ",
  "đã",
  "rất",
  "nào đó",
  "nhu cầu",
  "hiện nay",
  "loại",
  "nhằm",
  "bằng cách",
  "trong",
  "vào",
  "bị",
];

/**
 * Folded forms of the stop-list a word typed without diacritics is compared with: only those that
 * are not also the fold of a content word ("do" is "đó" but also "độ", "đỏ"; "tu" is "từ" but also
 * "tự"; "la" is "là" but also "lá"), which are kept.
 */
const AMBIGUOUS_FOLDS = new Set([
  "do",
  "tu",
  "ve",
  "ma",
  "la",
  "nhung",
  "o",
  "a",
  "em",
  "anh",
  "chi",
  "ban",
  "trong",
  "vao",
  "bi",
  "sao",
  "loai",
  // Plain forms of content words: tim (heart), dược, dầu/đậu/đau, hơi (steam), nén/nền, dê, chợ,
  // cua (crab), vôi (lime), chữa (to treat).
  "tim",
  "duoc",
  "dau",
  "hoi",
  "nen",
  "de",
  "cho",
  "cua",
  "voi",
  "chua",
  "hay",
  "dang",
  "da",
  "se",
  "ai",
]);

export interface QueryUnit {
  /** Folded syllables ("xu", "ly"). */
  words: string[];
  /** As typed (lower case, NFC), for the notice on the page. */
  text: string;
}

export interface AnalyzedQuery {
  /** What the query asks about, in order, each a word or a multi-syllable word. */
  concepts: QueryUnit[];
  /** The question and filler words dropped. */
  dropped: QueryUnit[];
}

const MAX_WORDS = 40;
/** At most this many concepts are searched (a 5,000-character question is cut, not refused). */
export const MAX_CONCEPTS = 8;
const LONGEST = 4;

const hasMarks = (word: string) => fold(word) !== word;

const STOP_EXACT = new Set(STOP_PHRASES);
const STOP_FOLDED = new Set(STOP_PHRASES.map(fold).filter((f) => !AMBIGUOUS_FOLDS.has(f)));
const COMPOUND_TYPED = new Set(COMPOUNDS.map((c) => c.normalize("NFC")));
const COMPOUND_FOLDED = new Set(COMPOUNDS.map(fold));

/**
 * A known multi-syllable word: typed with diacritics, compared with them ("bị đo" is not "bí đỏ");
 * typed without, folded. `extra` (thesaurus terms the caller matched) is compared folded.
 */
function isCompound(slice: { typed: string; folded: string }[], extra: ReadonlySet<string>): boolean {
  if (slice.length < 2) return false;
  const folded = slice.map((w) => w.folded).join(" ");
  if (extra.has(folded)) return true;
  const typed = slice.map((w) => w.typed).join(" ");
  return typed !== folded ? COMPOUND_TYPED.has(typed) : COMPOUND_FOLDED.has(folded);
}

/** Words of `q` as typed (lower case, NFC) and folded, letters and digits only, at most 40. */
export function queryWords(q: string): { typed: string; folded: string; acronym: boolean }[] {
  return q
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS)
    .map((w) => w.slice(0, 40))
    .map((w) => ({
      typed: w.toLowerCase(),
      folded: fold(w),
      acronym: w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase(),
    }))
    .filter((w) => /^[a-z0-9]+$/.test(w.folded));
}

function isStop(words: { typed: string; acronym: boolean }[]): boolean {
  // Capitals make a word an acronym, never a filler: "AI" is artificial intelligence, "ai" is "who".
  if (words.some((w) => w.acronym)) return false;
  const typed = words.map((w) => w.typed);
  const text = typed.join(" ");
  if (STOP_EXACT.has(text)) return true;
  // Typed without diacritics: compared folded, unless a content word folds the same way.
  return !typed.some(hasMarks) && STOP_FOLDED.has(text);
}

/**
 * The concepts of `q`. `compounds` adds multi-syllable words known elsewhere (the thesaurus terms
 * the query contains), folded. The words are cut into units — a stop phrase or a known word of up to
 * four syllables, or a single word — choosing the cut that keeps the most syllables inside known
 * words, then the fewest units (so "cấp nước sạch" keeps "nước sạch" whole even when "cấp nước" is
 * known too, and a longer word wins over its parts).
 */
export function analyzeQuery(q: string, compounds: ReadonlySet<string> = new Set()): AnalyzedQuery {
  const words = queryWords(q);
  const n = words.length;
  // best[i]: the best cut of words[i..] as [syllables joined inside known words, -units, first unit length, is stop].
  const best: { joined: number; units: number; take: number; stop: boolean }[] = new Array(n + 1);
  best[n] = { joined: 0, units: 0, take: 0, stop: false };
  for (let i = n - 1; i >= 0; i--) {
    let choice: (typeof best)[number] | null = null;
    for (let len = 1; len <= Math.min(LONGEST, n - i); len++) {
      const slice = words.slice(i, i + len);
      const known = isCompound(slice, compounds);
      const stop = isStop(slice) && !known;
      if (len > 1 && !known && !stop) continue;
      const rest = best[i + len]!;
      const option = { joined: rest.joined + (known ? len - 1 : 0), units: rest.units + 1, take: len, stop };
      if (!choice || option.joined > choice.joined || (option.joined === choice.joined && option.units < choice.units))
        choice = option;
    }
    best[i] = choice!;
  }
  const concepts: QueryUnit[] = [];
  const dropped: QueryUnit[] = [];
  for (let i = 0; i < n;) {
    const { take, stop } = best[i]!;
    const slice = words.slice(i, i + take);
    const unit = { words: slice.map((w) => w.folded), text: slice.map((w) => w.typed).join(" ") };
    (stop ? dropped : concepts).push(unit);
    i += take;
  }
  // The same concept twice counts once.
  const seen = new Set<string>();
  const unique = concepts.filter((c) => {
    const key = c.words.join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { concepts: unique.slice(0, MAX_CONCEPTS), dropped };
}

/**
 * The parts of a concept of three or more syllables, as known words of two syllables or single
 * words ("xử lý mùi hôi" → "xử lý", "mùi hôi"): a listing that uses them apart still covers it.
 */
export function conceptParts(words: string[]): string[][] {
  const parts: string[][] = [];
  for (let i = 0; i < words.length;) {
    const pair = words.slice(i, i + 2);
    const take = pair.length === 2 && COMPOUND_FOLDED.has(pair.join(" ")) ? 2 : 1;
    parts.push(words.slice(i, i + take));
    i += take;
  }
  return parts;
}

/** Every run of 1–4 consecutive words of `q`, as typed (lower case, NFC) and folded. */
export function queryRuns(q: string): { typed: string; folded: string }[] {
  const words = queryWords(q);
  const out: { typed: string; folded: string }[] = [];
  for (let i = 0; i < words.length; i++)
    for (let len = 1; len <= LONGEST && i + len <= words.length; len++) {
      const slice = words.slice(i, i + len);
      out.push({ typed: slice.map((w) => w.typed).join(" "), folded: slice.map((w) => w.folded).join(" ") });
    }
  return out;
}

/** Every run of 1–4 consecutive folded words of `q`: what a thesaurus term could be. */
export function queryNgrams(q: string): string[] {
  const words = queryWords(q).map((w) => w.folded);
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++)
    for (let n = 1; n <= LONGEST && i + n <= words.length; n++) out.add(words.slice(i, i + n).join(" "));
  return [...out];
}
