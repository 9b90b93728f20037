import { proxyMark, requestMetaFrom } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { allowMissReport, MISS_REPORT_WINDOW_MS, missKey, recordMiss } from "@/lib/search/misses";
import { countListings } from "@/lib/search/queries";
import { MissReportSchema } from "@/lib/search/thesaurus-schemas";
import { boundedText } from "@/lib/security/beacon";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Enough for 500 characters however they are encoded (JSON escapes included); anything longer is refused. */
const MAX_BODY_BYTES = 8 * 1024;

const NO_STORE = { "Cache-Control": "no-store" };

const refuse = (status: number, error: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error, message }, { status, headers: { ...NO_STORE, ...headers } });

/**
 * A search that found nothing, reported by the browser (components/search/miss-beacon.tsx: result
 * pages are cached, so they cannot count it themselves). Body: JSON `{ "q": "…" }`, at most 500
 * characters. The server searches again and counts the miss only when neither offers nor demands
 * answer it, so a report cannot plant a query that has results. Nothing about the sender is kept:
 * the address only feeds the rate limit, as a keyed hash, for a minute (lib/search/misses.ts).
 * Answers 204 (recorded or not), 400 for a bad body, 429 past the limit.
 */
export async function POST(request: Request) {
  const { ip } = requestMetaFrom(request.headers, {
    hops: env().TRUST_PROXY_HOPS,
    mark: proxyMark(env().AUTH_SECRET),
  });
  if (!allowMissReport(ip))
    return refuse(429, "rate_limited", "Too many reports; try again in a minute.", {
      "Retry-After": String(MISS_REPORT_WINDOW_MS / 1000),
    });

  const text = await boundedText(request, MAX_BODY_BYTES);
  if (text === null) return refuse(400, "invalid_body", "The body must be at most 8 KiB of JSON.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, "invalid_body", 'The body must be JSON: { "q": "…" }.');
  }
  const parsed = MissReportSchema.safeParse(body);
  if (!parsed.success) return refuse(400, "invalid_body", parsed.error.issues[0]?.message ?? "Invalid body.");

  const { q } = parsed.data;
  if (missKey(q)) {
    const [offers, demands] = await Promise.all([countListings("offers", q), countListings("demands", q)]);
    if (offers === 0 && demands === 0) await recordMiss(q);
  }
  return new Response(null, { status: 204, headers: NO_STORE });
}
