import "server-only";
import { unstable_cache } from "next/cache";
import { PUBLIC_PAGE_SECONDS } from "./page-tags";
import type { CacheTag } from "./tags";

/**
 * A public API answer body from Next's data cache, under `key`, carrying `tags` (invalidated by
 * lib mutations) and living at most `PUBLIC_PAGE_SECONDS`. Only for bodies that are sent as JSON:
 * the cache stores them as JSON too, so a Date comes back as the string `JSON.stringify` would have
 * written anyway. Nothing user-specific may be passed in: the answer is shared by every caller.
 */
export async function cachedBody<T>(
  key: readonly string[],
  tags: readonly CacheTag[],
  load: () => Promise<T>,
): Promise<T> {
  const cached = unstable_cache(load, ["api-body", ...key], {
    tags: [...new Set(tags)],
    revalidate: PUBLIC_PAGE_SECONDS,
  });
  try {
    return await cached();
  } catch (error) {
    // Outside Next's server (route handlers called by the integration tests, scripts) there is no
    // cache: Next refuses before running `load`, which then runs uncached.
    if (isOutsideNextServer(error)) return load();
    throw error;
  }
}

/** Next's refusal when no incremental cache exists (not a server render or route handler). */
export function isOutsideNextServer(error: unknown): boolean {
  return error instanceof Error && error.message.includes("incrementalCache missing");
}
