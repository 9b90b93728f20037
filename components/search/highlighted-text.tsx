import type { Snippet } from "@/lib/search/types";
import { joinAdjacentMarks } from "./marks";

/**
 * Text with its highlighted ranges wrapped in <mark>, words marked next to each other joined into one
 * mark. Built from React text nodes only, so whatever a listing's author typed is shown as text and
 * can never become markup.
 */
export function HighlightedText({ snippet }: { snippet: Snippet }) {
  const chars = [...snippet.text];
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of joinAdjacentMarks(chars, snippet.highlights)) {
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
