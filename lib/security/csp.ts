import { routing } from "@/lib/i18n/routing";

/** The Content-Security-Policy of pages, set by proxy.ts (API and file responses: next.config.ts). */

/**
 * The areas that keep a per-request nonce: everything a signed-in user works in (with the pages
 * where a listing is written, `/technologies/new` and `/demands/new`: public, but the form once
 * signed in), and the pages that take passwords. They are rendered per request anyway (never cached). Every other page is public
 * and served from Next's cache (README "Caching"), where a per-request nonce cannot be: the cached
 * HTML's scripts were written once for everybody.
 */
const NONCE_AREAS = new RegExp(
  `^/(?:(?:${routing.locales.join("|")})/)?(?:account|admin|login|register|forgot-password|reset-password|verify-email|invite|welcome|technologies/new|demands/new)(?:/|$)`,
);

/** True for a page of the signed-in or sign-in areas (nonce CSP), false for a public, cacheable page. */
export function usesNonce(pathname: string): boolean {
  return NONCE_AREAS.test(pathname);
}

/**
 * The page CSP. With a nonce (signed-in and sign-in areas): scripts run only with this request's
 * nonce (Next.js reads it from the request's CSP header and puts it on its own scripts);
 * 'strict-dynamic' lets those load their chunks. Without (public, cached pages): scripts only from
 * this origin, plus inline ones — Next's bootstrap and its page data (`self.__next_f.push(…)`)
 * are inline, differ per page and per revision, and are written before any request, so neither a
 * nonce nor a hash list in this header can name them (SECURITY.md, "Content Security Policy").
 * Styles allow 'unsafe-inline' because style *attributes* (React `style` props, Next's route
 * announcer) cannot carry a nonce, and a nonce in style-src would disable 'unsafe-inline'; injected
 * CSS cannot run code. JSON-LD blocks (type="application/ld+json") are data, never executed, so
 * script-src does not apply to them.
 */
export function contentSecurityPolicy(nonce: string | null, dev = process.env.NODE_ENV === "development") {
  // React uses eval only in development, for its error overlays.
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
