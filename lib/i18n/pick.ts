/** The English text when the page is English and one exists; Vietnamese otherwise. */
export function pick(locale: string, vi: string, en: string | null | undefined): string {
  return locale === "en" && en ? en : vi;
}
