/**
 * Where sign-in sends a visitor back to (`callbackUrl`): only a path of this site, so that a link
 * such as /login?callbackUrl=https://evil.example cannot turn the sign-in page into a redirector.
 * Client-safe: the login form applies the same rule to what it reads.
 */

/** The request header proxy.ts sets on signed-in pages: the path and query the browser asked for. */
export const REQUEST_PATH_HEADER = "x-techex-path";

const MAX_LENGTH = 1_000;

/**
 * `value` when it is a same-site path ("/account/deals/new?offer=x"), without a locale prefix
 * ("/en/account" → "/account": the sign-in page adds the visitor's own); null otherwise — absolute
 * and protocol-relative URLs ("//evil.example"), backslashes (browsers read "/\\evil" as "//evil"),
 * control characters, and the sign-in pages themselves (no loop).
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, "http://same.site");
  } catch {
    return null;
  }
  if (url.host !== "same.site") return null;
  const path = url.pathname.replace(/^\/en(?=\/|$)/, "") || "/";
  if (/^\/(login|register|logout)(\/|$)/.test(path)) return null;
  return `${path}${url.search}`;
}
