/**
 * One browser for the tests that call server actions and route handlers as a signed-in user
 * (tests/integration/auditor-mutations.test.ts): its cookies and request headers stand in for the
 * Next request those run in. They reach the app two ways, both answered from here:
 *  - the app's own modules import `next/headers` (lib/auth/session.ts, lib/auth/options.ts): the
 *    test replaces that module with `nextHeaders()` (`vi.mock`);
 *  - next-auth, which vitest loads natively, `require`s `next/headers` at call time: `patchNextHeaders`
 *    swaps the two functions on that CommonJS module (and gives the originals back).
 * So the user signs in through the real next-auth route (CSRF token, credentials, argon2, the
 * sign-in throttle and security log), and every later call finds the session the way production
 * does: next-auth's getServerSession decodes the cookie, lib/auth/session-version.ts re-reads the
 * account. Nothing of the session is stubbed; only the request it travels in is made up.
 *
 *   vi.mock("next/headers", async () => (await import("../support/auditor-browser")).nextHeaders());
 */
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { PROXY_MARK_HEADER, proxyMark, REQUEST_ID_HEADER } from "@/lib/auth/client-ip";

const ORIGIN = "http://localhost:3000";

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => unknown;

/** The cookie jar and the address of one client. */
export class Browser {
  readonly cookies = new Map<string, string>();
  private requests = 0;

  constructor(
    readonly name: string,
    readonly ip: string,
  ) {}

  /**
   * What a request from this browser carries once proxy.ts has handled it: the proxy's mark (so
   * lib/auth/client-ip.ts believes X-Forwarded-For and the request id), the address, the cookies.
   */
  headers(): Headers {
    const headers = new Headers({
      host: "localhost:3000",
      "user-agent": `techex-test (${this.name})`,
      "x-forwarded-for": this.ip,
      [REQUEST_ID_HEADER]: `${this.name}-${++this.requests}`,
    });
    const mark = proxyMark(process.env.AUTH_SECRET);
    if (mark) headers.set(PROXY_MARK_HEADER, mark);
    if (this.cookies.size > 0)
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; "));
    return headers;
  }

  /** Keeps the cookies a response sets (and drops the ones it expires). */
  absorb(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      // Stored decoded, as Next's request cookies hand them to the app (next-auth's callback URL is encoded).
      const value = decodeURIComponent(pair.slice(eq + 1));
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** A request to `path` as this browser sends it (a NextRequest: next-auth reads `nextUrl`). */
  request(path: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}) {
    const headers = this.headers();
    for (const [key, value] of Object.entries(init.headers ?? {})) headers.set(key, value);
    return new NextRequest(`${ORIGIN}${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body,
      ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as ConstructorParameters<typeof NextRequest>[1]);
  }
}

/** The browser whose request the app sees now (`actAs` switches it). */
let current: Browser | null = null;

export function actAs(browser: Browser | null): void {
  current = browser;
}

/** The cookie store `cookies()` answers with (the subset of Next's ReadonlyRequestCookies the app uses). */
function cookieStore(browser: Browser | null) {
  const all = () => [...(browser?.cookies ?? new Map<string, string>())].map(([name, value]) => ({ name, value }));
  return {
    get: (name: string) => all().find((c) => c.name === name),
    getAll: () => all(),
    has: (name: string) => all().some((c) => c.name === name),
    get size() {
      return all().length;
    },
  };
}

const headersNow = async () => (current ? current.headers() : new Headers());
const cookiesNow = async () => cookieStore(current);

/** The `next/headers` module for `vi.mock`. */
export function nextHeaders() {
  return {
    headers: headersNow,
    cookies: cookiesNow,
    draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
  };
}

/** Points next-auth's `require("next/headers")` at the current browser; returns the undo. */
export function patchNextHeaders(): () => void {
  const cjs = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
  const original = { headers: cjs.headers, cookies: cjs.cookies };
  cjs.headers = headersNow;
  cjs.cookies = cookiesNow;
  return () => Object.assign(cjs, original);
}

/** Calls a route handler as `browser` and keeps the cookies it sets. */
export async function send(
  browser: Browser,
  handler: RouteHandler,
  path: string,
  init: {
    method?: string;
    body?: BodyInit;
    headers?: Record<string, string>;
    params?: Record<string, string | string[]>;
  } = {},
): Promise<Response> {
  actAs(browser);
  const response = (await handler(browser.request(path, init), {
    params: Promise.resolve(init.params ?? {}),
  })) as Response;
  browser.absorb(response);
  return response;
}

/** The next-auth route (app/api/auth/[...nextauth]/route.ts), loaded once the mocks are in place. */
async function authRoute() {
  const route = await import("@/app/api/auth/[...nextauth]/route");
  return { GET: route.GET as unknown as RouteHandler, POST: route.POST as unknown as RouteHandler };
}

const urlEncoded = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

/** A CSRF token from the next-auth route, as the sign-in page fetches it (its cookie goes in the jar). */
export async function csrfToken(browser: Browser): Promise<string> {
  const { GET } = await authRoute();
  const response = await send(browser, GET, "/api/auth/csrf", { params: { nextauth: ["csrf"] } });
  const body = (await response.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error(`no CSRF token (HTTP ${response.status})`);
  return body.csrfToken;
}

/** A POST to the next-auth route with the CSRF token, as next-auth's client sends it (`json: "true"`). */
export async function authPost(
  browser: Browser,
  segments: string[],
  fields: Record<string, string> = {},
): Promise<Response> {
  const { POST } = await authRoute();
  const token = await csrfToken(browser);
  return send(browser, POST, `/api/auth/${segments.join("/")}`, {
    method: "POST",
    ...urlEncoded({ csrfToken: token, json: "true", ...fields }),
    params: { nextauth: segments },
  });
}

/** Signs `browser` in with e-mail and password through the credentials provider; throws if refused. */
export async function signIn(browser: Browser, email: string, password: string): Promise<void> {
  const response = await authPost(browser, ["callback", "credentials"], { email, password });
  const body = (await response.json()) as { url?: string };
  if (response.status !== 200 || !body.url || body.url.includes("error=") || !browser.cookies.has(SESSION_COOKIE)) {
    throw new Error(`sign-in of ${email} refused (HTTP ${response.status}, ${JSON.stringify(body)})`);
  }
}

/** next-auth's session cookie over plain HTTP (the test's origin). */
export const SESSION_COOKIE = "next-auth.session-token";
