import "server-only";
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import type { CacheTag } from "./tags";

/**
 * Invalidates the cached public pages and API answers that carry `tags`, at once: the next request
 * renders them again (`expire: 0`, never stale). Called by lib mutations after their transaction
 * committed, in the same code path as the audited write.
 *
 * In a server action, Next applies the expiry when the action returns, before it renders its answer:
 * a request that arrives between the commit and that moment still gets the old page (the window is
 * the rest of the action; its user, who waits for the answer, never sees a stale page).
 *
 * Next.js keeps the tag state in the server process and only accepts a revalidation inside a
 * request (a server action or route handler). A job (pg-boss, in the web process or in
 * `npm run worker`) has no request: there the call is a no-op and the change shows when the cached
 * page's lifetime ends (`PUBLIC_PAGE_SECONDS`, README "Caching"). The same bound holds on the other
 * instances when several serve the site: each keeps its own cache.
 */
export function invalidate(tags: readonly CacheTag[]): void {
  const unique = [...new Set(tags)];
  for (const observer of observers) observer(unique);
  expire(unique);
  // A page whose render began before the write committed (it read the old rows) and ends after this
  // call is stored as fresh. Expiring the same tags again a moment later, once the response has been
  // sent (`after`), drops such a page too; a render slower than that still ends within the bound.
  try {
    after(async () => {
      await new Promise((resolve) => setTimeout(resolve, SECOND_PASS_MS));
      expire(unique);
    });
  } catch (error) {
    if (!isOutsideRequest(error)) throw error;
  }
}

/** How long after a write its tags are expired a second time (see `invalidate`). */
export const SECOND_PASS_MS = 2_000;

function expire(unique: readonly CacheTag[]) {
  for (const tag of unique) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (isOutsideRequest(error)) continue;
      // The write has committed: a cache that cannot be told only costs freshness (bounded by the
      // page lifetime), so it is logged, never turned into a failed action.
      console.error(`[cache] revalidateTag(${tag}) failed`, error);
    }
  }
}

/** Next.js's refusal outside a request scope (no work store): a job or a test. */
function isOutsideRequest(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.message.includes("static generation store missing") || error.message.includes("outside a request scope"))
  );
}

type Observer = (tags: readonly CacheTag[]) => void;
const observers = new Set<Observer>();

/**
 * Records every invalidation while `observer` is registered; returns the function that removes it.
 * For tests (which tags a write invalidates) and diagnostics; it never changes what is invalidated.
 */
export function observeInvalidations(observer: Observer): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}
