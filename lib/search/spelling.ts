/**
 * Edit distance for spelling correction (issue #14 item 3). Pure.
 *
 * Damerau–Levenshtein in its optimal-string-alignment form: insertions, deletions, substitutions and
 * transpositions of two adjacent letters each cost 1, so "thia" is one edit from "thai" and from
 * "thi" alike. Corrections weigh a swap of two neighbours at 3/4 of an edit (the commonest slip on a
 * phone keyboard), so "thia" becomes "thai", not "thi", and among equally near words the more
 * frequent one wins (see pickCorrection). Trigram similarity alone preferred "thi" (it shares more
 * trigrams with "thia" than "thai" does).
 */
export function editDistance(a: string, b: string, transposition = 1): number {
  const m = a.length;
  const n = b.length;
  if (!m) return n;
  if (!n) return m;
  // Three rows are enough: the transposition looks two rows back.
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row: number[] = new Array<number>(n + 1).fill(0);
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + transposition);
      row[j] = d;
    }
    prev2 = prev;
    prev = row;
  }
  return prev[n]!;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Every string one edit away from `word` (folded text: a–z and digits), without `word` itself. */
export function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of ALPHABET) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return [...out];
}

/** What a swap of two neighbouring letters costs in a correction (see editDistance). */
const SWAP = 0.75;

/** How far a correction of a word of this length may be: one edit up to 5 letters, two beyond. */
export const maxEdits = (word: string) => (word.length <= 5 ? 1 : 2);

export interface Candidate {
  word: string;
  /** Listings using the word anywhere. */
  docs: number;
}

/**
 * The best correction of `word` among known `candidates`: the fewest edits (within maxEdits), then
 * the most used, then the alphabetically first (stable). Null when none is close enough.
 */
export function pickCorrection(word: string, candidates: readonly Candidate[]): string | null {
  let best: { word: string; distance: number; docs: number } | null = null;
  for (const c of candidates) {
    if (c.word === word) continue;
    const distance = editDistance(word, c.word, SWAP);
    if (distance > maxEdits(word)) continue;
    const better =
      !best ||
      distance < best.distance ||
      (distance === best.distance && (c.docs > best.docs || (c.docs === best.docs && c.word < best.word)));
    if (better) best = { word: c.word, distance, docs: c.docs };
  }
  return best?.word ?? null;
}
