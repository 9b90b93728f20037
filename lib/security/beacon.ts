import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/**
 * What the public beacons share (POST /api/search/miss, POST /api/listings/view): a bounded body and
 * a per-address rate limit that keeps nothing personal.
 */

/**
 * A fixed-window limit per client address, in process memory: addresses are kept only as keyed
 * hashes under a key that never leaves the process, and only for the window. Unknown addresses (a
 * request proxy.ts did not mark, or no trusted proxy; see lib/auth/client-ip.ts) share one bucket.
 * Not in PostgreSQL like the sign-in limiter: a beacon report is not worth a table of addresses, and
 * with several instances the limit only multiplies by their number.
 */
export class WindowLimiter {
  private readonly hashKey = randomBytes(32);
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perWindow: number,
    readonly windowMs: number,
    /** The most addresses tracked at once: a flood of spoofed ones cannot grow memory without bound. */
    private readonly maxTracked = 10_000,
  ) {}

  /** Whether one more report from `ip` is allowed now (counted when it is). */
  allow(ip: string | null, now = Date.now()): boolean {
    const key = createHmac("sha256", this.hashKey)
      .update(ip ?? "unknown")
      .digest("base64url");
    const current = this.windows.get(key);
    if (current && now - current.start < this.windowMs) {
      if (current.count >= this.perWindow) return false;
      current.count += 1;
      return true;
    }
    if (this.windows.size >= this.maxTracked) {
      for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
      // Still full of live windows: the oldest entries go (Map keeps insertion order).
      for (const k of this.windows.keys()) {
        if (this.windows.size < this.maxTracked) break;
        this.windows.delete(k);
      }
    }
    this.windows.delete(key);
    this.windows.set(key, { start: now, count: 1 });
    return true;
  }

  /** Forgets every window (tests). */
  reset(): void {
    this.windows.clear();
  }
}

/** The body as text, or null when it is longer than `maxBytes` (reading stops there). */
export async function boundedText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
