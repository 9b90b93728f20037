/** What a listing card shows of a summary: about three lines of its clamped paragraph. */
export const CARD_SUMMARY_CHARS = 160;

/**
 * `text` cut to at most `max` characters (code points) at a word boundary, with "…" appended when
 * anything was cut. Cards clamp their summary to three lines in CSS anyway, but a summary may hold
 * 1,000 characters, and each one travels twice in a catalog page (HTML and RSC payload); the detail
 * page has the whole text.
 */
export function clipText(text: string, max: number = CARD_SUMMARY_CHARS): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join("");
  // Room for the ellipsis, then back to the last space so no word is cut in half.
  const head = chars.slice(0, max).join("");
  const space = head.search(/\s\S*$/);
  const cut = space > head.length / 2 ? head.slice(0, space) : chars.slice(0, max - 1).join("");
  return `${cut.replace(/[\s,;:.\-–—]+$/u, "")}…`;
}
