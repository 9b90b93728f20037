/**
 * Signs a member in over HTTP exactly as the sign-in form does (next-auth's credentials flow):
 * fetch a CSRF token with its cookie, post the credentials with both, keep the cookies the answer
 * sets. The result is proven by opening the workspace: a redirect to the sign-in page would make
 * every signed-in request of the benchmark a non-2xx.
 */

/** Cookies by name, as a browser keeps them for one site. */
type Jar = Map<string, string>;

function absorb(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = "", ...attributes] = line.split(";");
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (value === "" || expired) jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** The `Cookie` header of a signed-in browser; throws when the sign-in or the check fails. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  absorb(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error(`no CSRF token from ${baseUrl}/api/auth/csrf`);

  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/account`, json: "true" }),
    redirect: "manual",
  });
  absorb(jar, answer);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    const detail = answer.headers.get("location") ?? (await answer.text()).slice(0, 300);
    throw new Error(`signing in ${email} failed: ${answer.status} ${detail}`);
  }

  const cookie = cookieHeader(jar);
  const workspace = await fetch(`${baseUrl}/account`, { headers: { cookie }, redirect: "manual" });
  if (workspace.status !== 200) {
    throw new Error(
      `${email} is not signed in after all: /account answered ${workspace.status} ${workspace.headers.get("location") ?? ""}`,
    );
  }
  return cookie;
}
