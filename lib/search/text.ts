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

/** Words of the query joined as an adjacent phrase, for the exact-phrase bonus. */
export function phraseTsQuery(tokens: string[]): string | null {
  const safe = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
  return safe.length > 1 ? safe.join(" <-> ") : null;
}

export interface Highlighted {
  text: string;
  highlights: [number, number][];
}

/**
 * A window of `text` around the first query word, with every occurrence of a query word (as a word
 * prefix, accents ignored) marked. Folding is done character by character, so positions in the folded
 * text are positions in the original.
 */
export function highlight(text: string, tokens: string[], maxLength = 220): Highlighted {
  const chars = [...text.normalize("NFC")];
  const folded = chars.map(foldChar);
  // Each original character folds to exactly one character for Vietnamese and Latin text; anything
  // else (rare ligatures) is left unhighlighted rather than risk misplaced marks.
  const aligned = folded.every((f) => f.length === 1);
  const flat = folded.join("");
  const ranges: [number, number][] = [];
  if (aligned && tokens.length) {
    for (const token of tokens) {
      let from = 0;
      for (;;) {
        const at = flat.indexOf(token, from);
        if (at < 0) break;
        const startsWord = at === 0 || !/[\p{L}\p{N}]/u.test(flat[at - 1]!);
        if (startsWord) ranges.push([at, at + token.length]);
        from = at + token.length;
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - 60);
  // Start on a word boundary so the snippet does not open mid-word.
  while (start > 0 && /[\p{L}\p{N}]/u.test(chars[start - 1]!)) start--;
  const end = Math.min(chars.length, start + maxLength);
  const slice = chars.slice(start, end).join("");
  const prefix = start > 0 ? "…" : "";
  const suffix = end < chars.length ? "…" : "";
  const shift = prefix.length - start;
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    if (a < start || b > end) continue;
    const last = merged.at(-1);
    if (last && a + shift <= last[1]) last[1] = Math.max(last[1], b + shift);
    else merged.push([a + shift, b + shift]);
  }
  return { text: prefix + slice + suffix, highlights: merged };
}
