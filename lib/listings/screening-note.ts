import type { ScreeningCategory } from "@/lib/generated/prisma/enums";

/**
 * The stored screening note read back (no server code: pages and client components may use it).
 * `screeningNote` (./screening.ts) writes each match as "<CATEGORY>: <entry name> («keyword»)",
 * joined with "; ". A note is read segment by segment: a segment in that shape becomes a match,
 * anything else (a note written by hand, an older format) is kept as text and shown as it is.
 */
export type ScreeningNotePart =
  { kind: "match"; category: ScreeningCategory; name: string; keyword: string } | { kind: "text"; text: string };

const CATEGORIES: readonly ScreeningCategory[] = ["ENCOURAGED", "RESTRICTED", "PROHIBITED"];
const CODE = CATEGORIES.join("|");
/** A new segment starts where "; " is followed by a category code and its colon. */
const SEGMENT_BREAK = new RegExp(`; (?=(?:${CODE}): )`);
/** The entry's name is read up to the first " («", the keyword up to the closing "»)". */
const MATCH = new RegExp(`^(${CODE}): ([\\s\\S]*?) \\(«([\\s\\S]*)»\\)$`);

/** The parts of a stored note, in order; none for an empty note. */
export function parseScreeningNote(note: string | null | undefined): ScreeningNotePart[] {
  if (!note || !note.trim()) return [];
  return note.split(SEGMENT_BREAK).map((segment): ScreeningNotePart => {
    const m = MATCH.exec(segment);
    return m
      ? { kind: "match", category: m[1] as ScreeningCategory, name: m[2]!, keyword: m[3]! }
      : { kind: "text", text: segment };
  });
}

/** The note holds nothing but matches in the stored shape (so it can be shown entirely in words). */
export function isScreeningNote(note: string | null | undefined): boolean {
  const parts = parseScreeningNote(note);
  return parts.length > 0 && parts.every((p) => p.kind === "match");
}
