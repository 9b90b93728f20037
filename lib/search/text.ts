/**
 * Query-side text handling, mirroring techex_fold() in the database: NFC, lower case, diacritics
 * and đ folded. Pure; used by search, suggestions, matching and highlighting.
 */

/** Folds one character to its base letter(s): "ữ" → "u", "Đ" → "d". */
function foldChar(ch: string): string {
  if (ch === "đ" || ch === "Đ") return "d";
  return ch
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function fold(text: string): string {
  return [...text.normalize("NFC")].map(foldChar).join("");
}

const MAX_TOKENS = 12;

/** Folded words of a query (letters and digits only), at most 12, each at most 40 characters. */
export function tokenize(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map((t) => t.slice(0, 40))
    .slice(0, MAX_TOKENS);
}

/**
 * A to_tsquery('simple', …) string: every word must occur; words may be prefixes (so a query
 * matches while it is being typed). Only [a-z0-9] reach the query text, so nothing needs escaping.
 */
export function prefixTsQuery(tokens: string[]): string | null {
  const safe = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
  return safe.length ? safe.map((t) => `${t}:*`).join(" & ") : null;
}

/**
 * The words as matched strictly: a short word whole, unless it is the last (it may be half-typed:
 * "xử lý n"); a long one, or the last, as a prefix ("hospital" finds "hospitals"). A short word as a
 * prefix ("co:*", "tai:*") makes the index gather every word starting so — most of the catalogue for
 * a syllable —: a question of twelve words cost 300 ms at 100,000 listings, against under a
 * millisecond with its short words whole, and "năng lượng tái tạo" three times what it costs now. A
 * Vietnamese syllable of PREFIX_FROM letters or more starts few other words.
 */
export function wholeWordsTsQuery(tokens: string[]): string | null {
  const safe = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
  const prefix = (t: string, i: number) => i === safe.length - 1 || t.length >= PREFIX_FROM;
  return safe.length ? safe.map((t, i) => (prefix(t, i) ? `${t}:*` : t)).join(" & ") : null;
}

/** See wholeWordsTsQuery. */
export const PREFIX_FROM = 5;

/** Words of the query joined as an adjacent phrase, for the exact-phrase bonus. */
export function phraseTsQuery(tokens: string[]): string | null {
  const safe = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
  return safe.length > 1 ? safe.join(" <-> ") : null;
}

export interface Highlighted {
  text: string;
  highlights: [number, number][];
}

/** A letter, a digit or a combining mark: what words are made of. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * The whole words of `chars` (code points of NFC text) that a query's words mark, accents and case
 * ignored: [start, end) code-point ranges, in order. A word is a run of letters, digits and marks, so
 * "nước-thải" is two words and "Thailand" one.
 *
 * A word is marked when it is one of the query's words ("xu" marks "xử" and "xứ"), or when it starts
 * with the query's last word, the one that may still be being typed: "wastewat" marks "wastewater"
 * whole. An earlier word marks no longer word ("xu" in "xử lý" leaves "xuất" alone: in Vietnamese a
 * syllable is a word). A mark never covers a piece of a word: "lan" marks nothing in "Thailand".
 */
function wordMarks(chars: string[], tokens: string[]): [number, number][] {
  const words = new Set(tokens.filter((t) => t.length > 0));
  const typed = tokens.at(-1) ?? "";
  const ranges: [number, number][] = [];
  if (!words.size) return ranges;
  for (let at = 0; at < chars.length;) {
    if (!WORD_CHAR.test(chars[at]!)) {
      at++;
      continue;
    }
    let end = at;
    while (end < chars.length && WORD_CHAR.test(chars[end]!)) end++;
    // Each word is folded on its own, so a character folding to zero or two letters cannot shift
    // the positions of anything else.
    const folded = chars.slice(at, end).map(foldChar).join("");
    if (words.has(folded) || (typed && folded.startsWith(typed))) ranges.push([at, end]);
    at = end;
  }
  return ranges;
}

/**
 * `text` (NFC) with the words of the query (`tokens`, in the order typed) marked whole, as `highlight`
 * marks them; for short texts shown in full, such as titles.
 */
export function markWords(text: string, tokens: string[]): Highlighted {
  const chars = [...text.normalize("NFC")];
  return { text: chars.join(""), highlights: wordMarks(chars, tokens) };
}

/**
 * A window of `text` around the first marked word, with the words of the query (`tokens`, in the
 * order typed: the last may be a prefix) marked whole, accents and case ignored (see `wordMarks`).
 * Ranges are code-point positions in the returned text (NFC), one per word, in order; the window
 * opens and closes on word boundaries.
 */
export function highlight(text: string, tokens: string[], maxLength = 220): Highlighted {
  const chars = [...text.normalize("NFC")];
  const ranges = wordMarks(chars, tokens);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - 60);
  // Start on a word boundary so the snippet does not open mid-word.
  while (start > 0 && WORD_CHAR.test(chars[start - 1]!)) start--;
  let end = Math.min(chars.length, start + maxLength);
  if (end < chars.length) {
    // And close after a whole word (no space before the "…"), unless the window is one long word.
    let close = end;
    while (close > start && WORD_CHAR.test(chars[close]!) && WORD_CHAR.test(chars[close - 1]!)) close--;
    while (close > start && /\s/u.test(chars[close - 1]!)) close--;
    if (close > start) end = close;
  }
  const slice = chars.slice(start, end).join("");
  const prefix = start > 0 ? "…" : "";
  const suffix = end < chars.length ? "…" : "";
  const shift = prefix.length - start;
  const highlights = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): [number, number] => [a + shift, b + shift]);
  return { text: prefix + slice + suffix, highlights };
}
