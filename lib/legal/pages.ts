import { effectiveDate, type LegalDocumentId } from "./documents";

export type LegalPageKey = "about" | "terms" | "privacy" | "contact";

/** The public pages about the exchange and its rules, in the order the pages and the sitemap list them. */
export const LEGAL_PAGES: readonly { key: LegalPageKey; path: string; document?: LegalDocumentId }[] = [
  { key: "about", path: "/about" },
  { key: "terms", path: "/terms", document: "terms" },
  { key: "privacy", path: "/privacy", document: "privacy" },
  { key: "contact", path: "/contact" },
];

/** Each page with the day its current text took effect, when it is a versioned document. */
export function legalSitemapPages(): { path: string; lastModified?: Date }[] {
  return LEGAL_PAGES.map(({ path, document }) =>
    document ? { path, lastModified: effectiveDate(document) } : { path },
  );
}
