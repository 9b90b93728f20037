import { screeningNoteReader } from "./screening-note";

/** A stored screening note as a list of its matches in words (./screening-note.ts); nothing for no note. */
export async function ScreeningMatches({ note }: { note: string | null | undefined }) {
  const lines = (await screeningNoteReader()).lines(note);
  if (lines.length === 0) return null;
  return (
    <ul className="list-disc space-y-0.5 ps-5" data-testid="screening-matches">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
