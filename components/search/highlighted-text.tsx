import { fold } from "@/lib/search/text";
import type { Snippet } from "@/lib/search/types";

/**
 * Text with its highlighted ranges wrapped in <mark>. Built from React text nodes only, so whatever a
 * listing's author typed is shown as text and can never become markup.
 */
export function HighlightedText({ snippet }: { snippet: Snippet }) {
  const chars = [...snippet.text];
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of joinAcrossSpaces(chars, snippet.highlights)) {
    if (start < at || end <= start || end > chars.length) continue; // malformed ranges are skipped, never thrown on
    if (start > at) parts.push({ text: chars.slice(at, start).join(""), marked: false });
    parts.push({ text: chars.slice(start, end).join(""), marked: true });
    at = end;
  }
  if (at < chars.length) parts.push({ text: chars.slice(at).join(""), marked: false });
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? (
          <mark key={i} className="rounded-sm bg-warning-200 px-0.5 text-foreground">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** "xử lý nước thải" reads as one marked phrase rather than four boxes with gaps between them. */
function joinAcrossSpaces(chars: string[], ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = out.at(-1);
    if (last && start >= last[1] && /^\s*$/.test(chars.slice(last[1], start).join("")))
      last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * The whole of a short text (a title) with the query's words marked where a word starts with them,
 * accents ignored. lib/search's `highlight` cuts a window for snippets; titles are shown in full.
 */
export function markTerms(text: string, tokens: string[]): Snippet {
  const chars = [...text.normalize("NFC")];
  const folded = chars.map((c) => fold(c));
  // Same rule as lib/search/text: only when every character folds to one, so positions stay aligned.
  if (!tokens.length || folded.some((f) => f.length !== 1)) return { text: chars.join(""), highlights: [] };
  const flat = folded.join("");
  const ranges: [number, number][] = [];
  for (const token of tokens) {
    for (let at = flat.indexOf(token); at >= 0; at = flat.indexOf(token, at + token.length)) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(flat[at - 1]!)) ranges.push([at, at + token.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return { text: chars.join(""), highlights: merged };
}
