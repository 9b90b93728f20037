import { getTranslations } from "next-intl/server";
import { parseScreeningNote, type ScreeningNotePart } from "@/lib/listings/screening-note";

/**
 * Reads stored screening notes (lib/listings/screening-note.ts) in the request's locale: each match
 * as "<list's name>: <entry> (keyword «…»)" with the list named in enums.json
 * (`enums.screeningCategory`), never by its code; text in another shape is shown as it is.
 */
export async function screeningNoteReader() {
  const te = await getTranslations("enums");
  const words = (part: ScreeningNotePart) =>
    part.kind === "text"
      ? part.text
      : te("screeningMatch", {
          category: te(`screeningCategory.${part.category}`),
          name: part.name,
          keyword: part.keyword,
        });
  /** One line per match (or piece of other text). */
  const lines = (note: string | null | undefined) => parseScreeningNote(note).map(words);
  return { lines, text: (note: string | null | undefined) => lines(note).join("; ") };
}

/** The whole note as one line of words, for a sentence that quotes it; "" for no note. */
export async function screeningNoteText(note: string | null | undefined): Promise<string> {
  return (await screeningNoteReader()).text(note);
}
