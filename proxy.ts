import { randomBytes, randomUUID } from "node:crypto";
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { PROXY_MARK_HEADER, proxyMark, proxyRequestId, REQUEST_ID_HEADER } from "@/lib/auth/client-ip";
import { REQUEST_PATH_HEADER } from "@/lib/auth/callback";
import { decodeListKey, type ListQuery } from "@/lib/cache/list-key";
import { canonicalCatalogQuery } from "@/lib/catalog/schemas";
import { env } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";
import { canonicalSearchQuery } from "@/lib/search/page-params";
import { contentSecurityPolicy, usesNonce } from "@/lib/security/csp";

// Locale routing, request identity, body size and the page CSP. Authorization is enforced in every
// page, action and query, never here.
const intl = createMiddleware(routing);

/** Largest body a page or server action accepts (uploads stream through /api/uploads instead). */
const PAGE_BODY_LIMIT_BYTES = 1024 * 1024;

/** 413 for a declared body over the limit, 411 for a body of unknown length (read in full otherwise). */
function refuseLargeBody(request: NextRequest): NextResponse | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const length = request.headers.get("content-length");
  if (length === null) {
    return request.headers.has("transfer-encoding") ? new NextResponse("Length Required", { status: 411 }) : null;
  }
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return new NextResponse("Bad Request", { status: 400 });
  return bytes > PAGE_BODY_LIMIT_BYTES ? new NextResponse("Payload Too Large", { status: 413 }) : null;
}

/**
 * The headers the app will see. With no trusted proxy, X-Forwarded-For and X-Real-IP are dropped so
 * that Next.js writes the connection's own address (see lib/auth/client-ip.ts); the request id is
 * always ours (a trusted proxy's is adopted); the mark tells the app these headers were cleaned.
 */
function appRequestHeaders(request: NextRequest, nonce: string | null) {
  const headers = new Headers(request.headers);
  const hops = env().TRUST_PROXY_HOPS;
  if (hops === 0) {
    headers.delete("x-forwarded-for");
    headers.delete("x-real-ip");
  }
  const requestId = (hops > 0 ? proxyRequestId(request.headers) : null) ?? randomUUID();
  headers.set(REQUEST_ID_HEADER, requestId);
  const mark = proxyMark(env().AUTH_SECRET);
  if (mark) headers.set(PROXY_MARK_HEADER, mark);
  else headers.delete(PROXY_MARK_HEADER);
  // Signed-in pages send a visitor to sign in and back here (lib/auth/session.ts requireUser).
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  if (nonce) {
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", contentSecurityPolicy(nonce));
  }
  return { headers, requestId };
}

/** Makes Next.js forward `headers` as the request's headers (what NextResponse.next({ request }) does). */
function forwardHeaders(response: NextResponse, headers: Headers) {
  if (response.headers.has("x-middleware-override-headers")) return;
  if (!response.headers.has("x-middleware-next") && !response.headers.has("x-middleware-rewrite")) return;
  const names: string[] = [];
  headers.forEach((value, name) => {
    names.push(name);
    response.headers.set(`x-middleware-request-${name}`, value);
  });
  response.headers.set("x-middleware-override-headers", names.join(","));
}

/**
 * The list pages served from Next's cache by their canonical query (README "Caching"): the
 * catalogs and the search. Each decides from the URL alone whether a query is canonical (cached
 * under its key), another spelling of one (redirected) or one to render per request.
 */
const LISTS: Record<string, (query: URLSearchParams) => ListQuery> = {
  technologies: (query) => canonicalCatalogQuery("offer", query),
  demands: (query) => canonicalCatalogQuery("demand", query),
  search: canonicalSearchQuery,
};

/** `/technologies`, `/en/search`, and their internal cached form `/technologies/q/<key>`. */
const LIST_PATH = new RegExp(
  `^(/(?:${routing.locales.filter((l) => l !== routing.defaultLocale).join("|")}))?/(${Object.keys(LISTS).join("|")})(?:/q/([^/]*))?/?$`,
);

type ListRoute = { redirect: URL } | { rewrite: URL } | null;

/**
 * A list page with a canonical query is rewritten to its internal cached route
 * (`/<locale>/technologies/q/<key>`; the visible URL stays); another spelling of a valid query is
 * redirected to the canonical URL, so junk variants never make cache entries; anything else goes
 * on to the page rendered per request. The internal path itself is never served to a visitor (a
 * cached page's HTML can link to it before hydration, as the language switcher does): it redirects
 * to its public URL, so nobody can fill the cache with keys of their own.
 */
function listRoute(request: NextRequest): ListRoute {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const match = LIST_PATH.exec(request.nextUrl.pathname);
  if (!match) return null;
  const [, prefix = "", list = "", key] = match;
  const canonical = LISTS[list];
  if (!canonical) return null;
  const publicUrl = (search: string) => new URL(`${prefix}/${list}${search}`, request.url);
  if (key !== undefined) {
    const explicit = decodeListKey(key);
    const found = explicit === null ? null : canonical(new URLSearchParams(explicit));
    return { redirect: publicUrl(found?.status === "redirect" ? found.search : "") };
  }
  const found = canonical(request.nextUrl.searchParams);
  if (found.status === "redirect") return { redirect: publicUrl(found.search) };
  if (found.status === "uncached") return null;
  const locale = prefix ? prefix.slice(1) : routing.defaultLocale;
  return { rewrite: new URL(`/${locale}/${list}/q/${found.key}`, request.url) };
}

/** Points a rewrite or pass-through of next-intl at `target` instead (its redirects stay as they are). */
function rewriteTo(response: NextResponse, target: URL) {
  if (!response.headers.has("x-middleware-next") && !response.headers.has("x-middleware-rewrite")) return;
  response.headers.delete("x-middleware-next");
  response.headers.set("x-middleware-rewrite", target.toString());
}

export default function proxy(request: NextRequest) {
  const refused = refuseLargeBody(request);
  if (refused) return refused;

  if (request.nextUrl.pathname.startsWith("/api/")) {
    // Only the sign-in routes and the beacons (see the matcher): identity headers, no page CSP (next.config.ts sets the API's).
    const { headers, requestId } = appRequestHeaders(request, null);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }

  const nonce = usesNonce(request.nextUrl.pathname) ? randomBytes(16).toString("base64") : null;
  const { headers, requestId } = appRequestHeaders(request, nonce);
  const list = listRoute(request);
  const response =
    list && "redirect" in list
      ? NextResponse.redirect(list.redirect, 307)
      : intl(new NextRequest(request.url, { method: request.method, headers }));
  if (list && "rewrite" in list) rewriteTo(response, list.rewrite);
  forwardHeaders(response, headers);
  response.headers.set("content-security-policy", contentSecurityPolicy(nonce));
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: [
    // Pages: everything except API routes, Next internals and files with an extension (the upload
    // route must not be buffered by the proxy).
    "/((?!api|_next|_vercel|.*\\..*).*)",
    // Sign-in and sign-out: small bodies, and the limiter needs the cleaned client address.
    "/api/auth/:path*",
    // The zero-result beacon: a small body, and its limiter needs the cleaned client address.
    "/api/search/miss",
    // The listing view beacon: a small body, and its limiter needs the cleaned client address.
    "/api/listings/view",
  ],
};
