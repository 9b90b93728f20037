import type { ScreeningCategory, ScreeningOutcome } from "@/lib/generated/prisma/enums";

/**
 * Screening against the Decree 76/2018 lists (DOMAIN §3, §5). A listing matches an entry when one of
 * the entry's keywords occurs in its text as whole words — with or without Vietnamese diacritics — and
 * the entry has no sectors or lists the listing's sector. The most severe match decides.
 */
export interface ScreeningEntryLike {
  id: string;
  category: ScreeningCategory;
  name: string;
  sectorCodes: string[];
  keywords: string[];
}

export interface ScreeningResult {
  outcome: ScreeningOutcome;
  matches: { id: string; name: string; category: ScreeningCategory; keyword: string }[];
}

const SEVERITY: Record<ScreeningOutcome, number> = { CLEAR: 0, ENCOURAGED: 1, RESTRICTED: 2, PROHIBITED: 3 };

/** Lower case, NFC, diacritics and đ folded, punctuation to spaces: "Amiăng-trắng" → " amiang trang ". */
export function foldText(text: string): string {
  const folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return ` ${folded} `;
}

export function screen(
  entries: readonly ScreeningEntryLike[],
  listing: { sectorCode: string; texts: (string | null | undefined)[]; keywords: readonly string[] },
): ScreeningResult {
  const haystack = foldText([...listing.texts, ...listing.keywords].filter(Boolean).join(" \n "));
  const matches: ScreeningResult["matches"] = [];
  for (const entry of entries) {
    if (entry.sectorCodes.length > 0 && !entry.sectorCodes.includes(listing.sectorCode)) continue;
    const keyword = entry.keywords.find((k) => {
      const needle = foldText(k);
      return needle.trim().length > 0 && haystack.includes(needle);
    });
    if (keyword) matches.push({ id: entry.id, name: entry.name, category: entry.category, keyword });
  }
  const outcome = matches.reduce<ScreeningOutcome>(
    (worst, m) => (SEVERITY[m.category] > SEVERITY[worst] ? m.category : worst),
    "CLEAR",
  );
  matches.sort((a, b) => SEVERITY[b.category] - SEVERITY[a.category]);
  return { outcome, matches };
}

/** The note stored with the listing and shown to owner and moderators. */
export function screeningNote(result: ScreeningResult): string | null {
  if (result.matches.length === 0) return null;
  return result.matches.map((m) => `${m.category}: ${m.name} («${m.keyword}»)`).join("; ");
}

/** The texts of a listing that are screened, besides its keywords (offer and demand columns). */
export const SCREENED_TEXT_FIELDS = [
  "titleVi",
  "titleEn",
  "summaryVi",
  "summaryEn",
  "description",
  "applicationAreas",
  "advantages",
] as const;

/** Where the active list entries are read from: the application's client, a transaction or the seed's client. */
export interface ScreeningSource {
  screeningEntry: { findMany(args: { where: { active: boolean } }): PromiseLike<ScreeningEntryLike[]> };
}

/** Screening of a listing's columns (a row, validated input or a stored revision) against `entries`. */
export function screenFields(
  entries: readonly ScreeningEntryLike[],
  listing: Record<string, unknown>,
): ScreeningResult {
  const texts = SCREENED_TEXT_FIELDS.map((k) => listing[k]).filter((v): v is string => typeof v === "string");
  const keywords = Array.isArray(listing.keywords)
    ? listing.keywords.filter((k): k is string => typeof k === "string")
    : [];
  return screen(entries, { sectorCode: String(listing.sectorCode ?? ""), texts, keywords });
}

/**
 * Screens a listing against the lists as they are now. The one screening every path uses: first
 * submission, revisions, approval, renewal and the seed.
 */
export async function screenAgainstLists(
  source: ScreeningSource,
  listing: Record<string, unknown>,
): Promise<ScreeningResult & { note: string | null }> {
  const entries = await source.screeningEntry.findMany({ where: { active: true } });
  const result = screenFields(entries, listing);
  return { ...result, note: screeningNote(result) };
}
