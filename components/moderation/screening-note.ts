import { getTranslations } from "next-intl/server";

/**
 * The stored screening note in words. lib/listings/screening.ts `screeningNote` stores each match
 * as "<CATEGORY>: <entry> («keyword»)", joined with "; "; the category code is replaced here by the
 * list's name (adminTools.screening.categories), the rest is the officers' own wording.
 */
export async function screeningNoteText(note: string | null | undefined): Promise<string> {
  if (!note) return "";
  const t = await getTranslations("adminTools.screening.categories");
  return note.replace(/(^|;\s*)(ENCOURAGED|RESTRICTED|PROHIBITED):/g, (_, start: string, category: string) =>
    t.has(category) ? `${start}${t(category)}:` : `${start}${category}:`,
  );
}
