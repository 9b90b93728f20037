import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/** View reports accepted per client address and window; beyond, the route answers 429. */
export const VIEW_REPORTS_PER_WINDOW = 60;
export const VIEW_REPORT_WINDOW_MS = 60_000;
/** The most addresses tracked at once: a flood of spoofed ones cannot grow memory without bound. */
const MAX_TRACKED = 10_000;

// Addresses are kept only as keyed hashes under a key that never leaves the process, and only for
// the window (as lib/search/misses.ts does for its beacon): the view count stores nothing personal,
// and neither does its limiter.
const hashKey = randomBytes(32);
const windows = new Map<string, { start: number; count: number }>();

/**
 * Whether one more view report from `ip` is allowed now (counted when it is). Unknown addresses (a
 * request proxy.ts did not mark, or no trusted proxy; see lib/auth/client-ip.ts) share one bucket.
 *
 * In process memory, not in PostgreSQL: a view is not worth a table of addresses, and with several
 * instances the limit only multiplies by their number. Sixty a minute is far more than a person
 * opens listings, and few enough that one address cannot inflate a listing's count by much.
 */
export function allowViewReport(ip: string | null, now = Date.now()): boolean {
  const key = createHmac("sha256", hashKey)
    .update(ip ?? "unknown")
    .digest("base64url");
  const current = windows.get(key);
  if (current && now - current.start < VIEW_REPORT_WINDOW_MS) {
    if (current.count >= VIEW_REPORTS_PER_WINDOW) return false;
    current.count += 1;
    return true;
  }
  if (windows.size >= MAX_TRACKED) {
    for (const [k, w] of windows) if (now - w.start >= VIEW_REPORT_WINDOW_MS) windows.delete(k);
    // Still full of live windows: the oldest entries go (Map keeps insertion order).
    for (const k of windows.keys()) {
      if (windows.size < MAX_TRACKED) break;
      windows.delete(k);
    }
  }
  windows.delete(key);
  windows.set(key, { start: now, count: 1 });
  return true;
}

/** Forgets every window (tests). */
export function resetViewReportLimiter(): void {
  windows.clear();
}
