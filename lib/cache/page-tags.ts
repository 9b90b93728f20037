import "server-only";
import { unstable_cache } from "next/cache";
import type { CacheTag } from "./tags";

/**
 * How long a cached public page or API answer lives at most, in seconds. Writes in a request
 * invalidate their tags at once (./invalidate.ts); this bounds what cannot: changes made by jobs
 * (expiry, recomputed matches), writes handled by another instance, and the statistics.
 * Route segment configs must be literals, so pages write `export const revalidate = 60` and
 * tests/unit/cache-tags.test.ts checks they agree with this value.
 */
export const PUBLIC_PAGE_SECONDS = 60;

/**
 * Gives the page (or route answer) being rendered the cache tags of what it shows, so that
 * `invalidate()` of any of them expires its cached HTML. With Next's ISR (cacheComponents off) the
 * tags of the `unstable_cache` calls made during a render become the page entry's tags; this call
 * caches nothing of its own worth mentioning (one constant `true`). Call it before `notFound()`
 * as well: a cached 404 must be re-rendered when the listing is published.
 */
export async function tagPage(tags: readonly CacheTag[]): Promise<void> {
  const constant = async () => true;
  try {
    await unstable_cache(constant, ["page-tags"], { tags: [...new Set(tags)], revalidate: PUBLIC_PAGE_SECONDS })();
  } catch (error) {
    // Rendered outside Next's server (a test): there is no cache to tag.
    if (!(error instanceof Error && error.message.includes("incrementalCache missing"))) throw error;
  }
}
