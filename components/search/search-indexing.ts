import { searchQueryString } from "@/lib/search/page-params";
import { tokenize } from "@/lib/search/text";

/**
 * Which search pages search engines may index (issue #15 item 10). A result page is worth a place in
 * an index only when it answers its query literally: some offer or demand matches every word of it
 * (`exact`). A spelling-corrected page ("did you mean"), a relaxed one (only some of the concepts),
 * an empty one, or one whose only hits are in the organization and expert tabs (their search admits
 * trigram look-alikes, so a hit there is no proof of a literal match; those pages are indexed on
 * their own) would put near-duplicates and soft-404s in the index: `noindex, follow`, so the
 * listings they link to are still crawled. An indexable page names as canonical its normalized query
 * alone (`/search?q=…`, no tab or page: the default tab opens on the exact matches), which is also the
 * URL proxy.ts serves from the cache. The page without a query is the search landing page: indexed.
 */
export type SearchIndexing =
  { index: true; /** Unprefixed path and query of the canonical URL. */ canonical: string } | { index: false };

/**
 * Whether the search page for `q` (as parsed from the URL) may be indexed, and under which URL.
 * `exact`: some offer or demand matches every word of `q` (ignored for a query without words).
 */
export function searchIndexing(q: string, exact: boolean): SearchIndexing {
  if (!q) return { index: true, canonical: "/search" };
  // Punctuation alone: the page shows the prompt, under a URL nobody should land on from a search engine.
  if (!tokenize(q).length || !exact) return { index: false };
  return { index: true, canonical: `/search${searchQueryString({ q, tab: null, page: 1 })}` };
}
