import "server-only";
import { decode } from "next-auth/jwt";

/** Who sent a view report, as far as the owner's-views rule needs: never stored. */
export interface Viewer {
  userId: string;
  /** The session version the token was issued for (lib/auth/session-version.ts). */
  sessionVersion: number;
}

/**
 * next-auth's session cookie: `__Secure-` on https, plain on http (lib/auth/options.ts leaves the
 * names to next-auth). Either is accepted: a browser only sends the prefixed one over https.
 */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** The token under `name`, whole or in next-auth's chunks (`name.0`, `name.1`, … for large tokens). */
function tokenOf(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

/**
 * The signed-in user behind a request's session cookie, or null (no cookie, or one that does not
 * decrypt with the secret, is expired or malformed). Cheap: the session token is a JWT encrypted
 * with AUTH_SECRET, so this is one decryption and no database read; whether the session is still
 * current (its version) and which organization the user is in are checked by the statement that
 * counts the view (./views.ts), in the same round trip.
 */
export async function viewerFromCookies(
  cookieHeader: string | null,
  secret: string | undefined,
): Promise<Viewer | null> {
  if (!cookieHeader || !secret) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    const token = tokenOf(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      const userId = payload?.uid;
      const sessionVersion = payload?.sv;
      if (typeof userId === "string" && UUID.test(userId) && Number.isSafeInteger(sessionVersion)) {
        return { userId, sessionVersion: sessionVersion as number };
      }
    } catch {
      // A token from another secret, tampered with or expired: not signed in.
    }
  }
  return null;
}
