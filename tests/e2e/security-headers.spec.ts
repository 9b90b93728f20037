import { expect, test, type Page } from "@playwright/test";
import { query, unique } from "./support";

/** Collects CSP violations the page reports (blocked scripts would show up here). */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

function directive(csp: string, name: string) {
  return csp
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));
}

test("signed-in and sign-in pages carry a per-request nonce CSP without 'unsafe-inline' scripts, and still hydrate", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const first = await page.goto("/en/login");
  const csp = first!.headers()["content-security-policy"] ?? "";
  const scriptSrc = directive(csp, "script-src") ?? "";
  expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  for (const rule of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect(csp).toContain(rule);
  }
  expect(first!.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(first!.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  // Every executable script the server rendered carries this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  const scripts = await page.evaluate(() =>
    [...document.scripts].filter((s) => s.type !== "application/ld+json").map((s) => s.nonce),
  );
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  // Hydrated: the form's client-side validation answers (without React the browser would submit).
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Please enter your email.")).toBeVisible();
  expect(await violations()).toEqual([]);

  // A fresh nonce for every request.
  const second = await page.request.get("/en/login");
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test("cached public pages carry one static CSP (no nonce, no 'strict-dynamic'), hydrate, and report no violation", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const [offer] = await query<{ slug: string }>(
    "SELECT slug FROM offers WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1",
  );
  for (const path of [
    "/",
    "/en/statistics",
    `/technologies/${offer!.slug}`,
    "/technologies?sort=newest",
    "/search?q=nước",
  ]) {
    const response = await page.goto(path);
    const csp = response!.headers()["content-security-policy"] ?? "";
    expect(directive(csp, "script-src"), path).toBe("script-src 'self' 'unsafe-inline'");
    for (const rule of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(csp, path).toContain(rule);
    }
    // The same policy for everybody: a cached page cannot carry one visitor's nonce.
    expect((await page.request.get(path)).headers()["content-security-policy"], path).toBe(csp);
  }
  // Hydrated: the header's account menu is filled in by the browser (GET /api/me).
  await expect(page.getByRole("link", { name: "Đăng nhập", exact: true })).toBeVisible();
  // And the language switcher, a client component, keeps the query string once hydrated.
  await expect(
    page.getByRole("link", { name: "Switch to English" }).or(page.locator('a[hreflang="en"]')),
  ).toHaveAttribute("href", /q=/);
  expect(await violations()).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
});

test("JSON-LD on a detail page is not blocked by the CSP (a data block, not a script)", async ({ page }) => {
  const violations = await watchViolations(page);
  const [offer] = await query<{ slug: string }>(
    "SELECT slug FROM offers WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1",
  );
  await page.goto(`/en/technologies/${offer!.slug}`);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(ld["@type"]).toBeTruthy();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("API responses and files carry their own strict headers", async ({ request }) => {
  for (const path of ["/api/health", "/api/v1/offers?pageSize=1", "/api/files/00000000-0000-4000-8000-000000000000"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("default-src 'none'");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
  }
});

test("a 5 MB anonymous POST to a page is refused with 413, not read and not a 500", async ({ request }) => {
  const big = Buffer.alloc(5 * 1024 * 1024, "a");
  const boundary = `----e2e${unique()}`;
  const multipart = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="1_file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    big,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const attempts: { path: string; headers: Record<string, string>; data: Buffer }[] = [
    { path: "/", headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, data: multipart },
    {
      path: "/en/login",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "next-action": "0".repeat(42) },
      data: multipart,
    },
    { path: "/technologies", headers: { "content-type": "application/x-www-form-urlencoded" }, data: big },
  ];
  for (const attempt of attempts) {
    const response = await request.post(attempt.path, { headers: attempt.headers, data: attempt.data });
    expect(response.status(), attempt.path).toBe(413);
  }
  // The sign-in route is behind the same limit.
  const signIn = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: big,
  });
  expect(signIn.status()).toBe(413);
  // The app is still there.
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a spoofed X-Forwarded-For or x-request-id reaches neither the sign-in limiter nor the security log", async ({
  request,
}) => {
  const email = `spoof-${unique()}@demo.vn`;
  const spoofed = {
    "x-forwarded-for": "203.0.113.77",
    "x-real-ip": "203.0.113.78",
    "x-request-id": `spoofed-${unique()}`,
  };
  const csrf = await request.get("/api/auth/csrf", { headers: spoofed });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers: spoofed,
    form: { csrfToken, email, password: "wrong-password-1", json: "true" },
  });
  expect(response.status()).toBeLessThan(500);

  const attempts = await query<{ ip: string }>("SELECT ip FROM login_attempts WHERE email = $1", [email]);
  expect(attempts).toHaveLength(1);
  expect(attempts[0]!.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  const events = await query<{ ip: string; detail: unknown }>(
    "SELECT ip, detail FROM security_events WHERE email = $1",
    [email],
  );
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) expect(event.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});
