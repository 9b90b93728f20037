import { allowViewReport, VIEW_REPORT_WINDOW_MS } from "@/lib/analytics/rate-limit";
import { isBotUserAgent, ViewReportSchema } from "@/lib/analytics/schemas";
import { viewerFromCookies } from "@/lib/analytics/viewer";
import { recordListingView } from "@/lib/analytics/views";
import { proxyMark, requestMetaFrom } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { boundedText } from "@/lib/security/beacon";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `{"kind":"demand","id":"<uuid>"}` is 60 bytes; anything much longer is not a view report. */
const MAX_BODY_BYTES = 1024;

const NO_STORE = { "Cache-Control": "no-store" };

const refuse = (status: number, error: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error, message }, { status, headers: { ...NO_STORE, ...headers } });

const done = () => new Response(null, { status: 204, headers: NO_STORE });

/**
 * A listing page opened in a browser (components/analytics/view-beacon.tsx: the detail pages are
 * cached, so they cannot count their own views). Body: JSON `{ "kind": "offer" | "demand", "id":
 * "<uuid>" }`. Counted only for a published listing, from a script-running browser (the beacon),
 * whose User-Agent is not a robot's (lib/analytics/schemas.ts lists them), sent from the site's own
 * pages (`Sec-Fetch-Site`, when the browser sends it), and not by a signed-in member of the owning
 * organization (the session cookie is decrypted here, never stored). What is stored is one more view
 * on the listing's day (lib/analytics/views.ts); the address only feeds the rate limit, as a keyed
 * hash, for a minute (lib/analytics/rate-limit.ts). Answers 204 (counted or not: a sender learns
 * nothing), 400 for a bad body, 429 past the limit.
 */
export async function POST(request: Request) {
  const text = await boundedText(request, MAX_BODY_BYTES);
  if (text === null) return refuse(400, "invalid_body", `The body must be at most ${MAX_BODY_BYTES} bytes of JSON.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, "invalid_body", 'The body must be JSON: { "kind": "offer" | "demand", "id": "<uuid>" }.');
  }
  const parsed = ViewReportSchema.safeParse(body);
  if (!parsed.success) return refuse(400, "invalid_body", parsed.error.issues[0]?.message ?? "Invalid body.");

  // Robots and other sites' pages are answered like anyone, but neither counted nor rate limited.
  if (isBotUserAgent(request.headers.get("user-agent"))) return done();
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return done();

  const { ip } = requestMetaFrom(request.headers, {
    hops: env().TRUST_PROXY_HOPS,
    mark: proxyMark(env().AUTH_SECRET),
  });
  if (!allowViewReport(ip))
    return refuse(429, "rate_limited", "Too many reports; try again in a minute.", {
      "Retry-After": String(VIEW_REPORT_WINDOW_MS / 1000),
    });

  const viewer = await viewerFromCookies(request.headers.get("cookie"), env().AUTH_SECRET);
  await recordListingView(parsed.data.kind, parsed.data.id, viewer);
  return done();
}
