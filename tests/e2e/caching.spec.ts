import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createDraft, query, signIn, unique } from "./support";

// Public pages are served from Next's cache (README "Caching"). These tests prove that a write shows
// at once on the pages it changes, and that nothing of a signed-in visitor ever enters that cache.

async function approve(page: Page, title: string) {
  await page.goto("/admin/moderation");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Duyệt và công bố" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Xác nhận duyệt" }).click();
  await expect(page.getByText("Đã duyệt")).toBeVisible();
}

/** Status and body of an anonymous GET (no cookies: the request context of a fresh browser context). */
async function anonymous(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), html: await response.text() };
}

// In order, one worker: each test publishes or polls for pages served from the one shared page cache,
// and a publication in one expires what another is waiting to see cached (run alone, with the four
// in parallel, the search page could stay a MISS for the whole poll).
test.describe.configure({ mode: "default" });

test("publishing shows an offer at once on the home page, the catalog and its page; withdrawing removes it at once", async ({
  browser,
}) => {
  test.slow(); // three people, two sign-ins
  const title = `Màng lọc sinh học bộ nhớ đệm ${unique()}`;
  const provider = await browser.newPage();
  await signIn(provider, "provider@demo.vn");
  // Agriculture (401), outside the engineering filter catalog.spec.ts counts while this runs.
  const id = await createDraft(provider, title, { sector: "401" });
  await provider.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(provider.getByText("Đã gửi kiểm duyệt.")).toBeVisible();
  const [row] = await query<{ slug: string }>("SELECT slug FROM offers WHERE id = $1", [id]);
  const detail = `/technologies/${row!.slug}`;

  // Visited before publication: the cache now holds a 404 for the page and a home page without it.
  const visitor = await browser.newContext();
  expect((await anonymous(visitor.request, detail)).status).toBe(404);
  expect((await anonymous(visitor.request, "/")).html).not.toContain(title);
  expect((await anonymous(visitor.request, "/")).html).not.toContain(title); // a cache hit now

  const operator = await browser.newPage();
  await signIn(operator, "operator@demo.vn");
  await approve(operator, title);

  const published = await anonymous(visitor.request, detail);
  expect(published.status).toBe(200);
  expect(published.html).toContain(title);
  expect((await anonymous(visitor.request, "/")).html).toContain(title);
  expect((await anonymous(visitor.request, "/technologies")).html).toContain(title);
  expect((await anonymous(visitor.request, `/api/v1/offers/${id}`)).status).toBe(200);
  expect((await anonymous(visitor.request, detail)).status).toBe(200); // cached now

  await provider.goto(`/account/offers/${id}`);
  provider.once("dialog", (dialog) => void dialog.accept());
  await provider.getByRole("button", { name: "Rút tin" }).click();
  // Wait for the action's answer, as its user does: the row is committed before the action has
  // expired the cached pages (Next applies the expiry when the action ends), so a request racing the
  // action may still get the old page (CI saw it). After the answer, nothing stale may be served.
  await expect(provider.getByText("Đã rút tin.")).toBeVisible();
  await expect
    .poll(async () => (await query<{ status: string }>("SELECT status FROM offers WHERE id = $1", [id]))[0]!.status)
    .toBe("WITHDRAWN");

  // Alone, the first request after the answer already gets 404 (a MISS). With other files writing
  // listings of the same organization at the same time, CI saw one more old 200 first: allowed up to
  // 5 seconds here (the documented bound is the 60-second page lifetime; see the issue #11 note).
  await expect.poll(async () => (await anonymous(visitor.request, detail)).status, { timeout: 5_000 }).toBe(404);
  await expect
    .poll(async () => (await anonymous(visitor.request, `/en${detail}`)).status, { timeout: 5_000 })
    .toBe(404);
  expect((await anonymous(visitor.request, "/")).html).not.toContain(title);
  expect((await anonymous(visitor.request, "/technologies")).html).not.toContain(title);
  expect((await anonymous(visitor.request, `/api/v1/offers/${id}`)).status).toBe(404);
  await visitor.close();
});

test("an organization the operator verifies shows as verified on its public page at once", async ({ browser }) => {
  test.slow();
  const [org] = await query<{ name: string; slug: string }>(
    `SELECT name, slug FROM organizations WHERE verification_status = 'PENDING' AND pending_legal IS NULL
      ORDER BY name DESC LIMIT 1`,
  );
  const visitor = await browser.newContext();
  const before = await anonymous(visitor.request, `/organizations/${org!.slug}`);
  expect(before.html).toContain("Đang chờ xác thực");
  expect((await anonymous(visitor.request, `/organizations/${org!.slug}`)).html).toContain("Đang chờ xác thực");

  const operator = await browser.newPage();
  await signIn(operator, "operator@demo.vn");
  await operator.goto("/admin/organizations");
  const card = operator.locator("section").filter({ has: operator.getByText(org!.name, { exact: true }) });
  await card.getByRole("button", { name: "Xác thực", exact: true }).click();
  // The decision is confirmed first: nothing is sent before.
  const confirm = operator.getByRole("dialog", { name: "Xác thực tổ chức này?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(org!.name);
  const [waiting] = await query<{ status: string }>(
    "SELECT verification_status AS status FROM organizations WHERE slug = $1",
    [org!.slug],
  );
  expect(waiting!.status).toBe("PENDING");
  await confirm.getByRole("button", { name: "Xác nhận xác thực" }).click();
  await expect
    .poll(
      async () =>
        (
          await query<{ status: string }>("SELECT verification_status AS status FROM organizations WHERE slug = $1", [
            org!.slug,
          ])
        )[0]!.status,
    )
    .toBe("VERIFIED");
  // Next expires the cached page when the action returns, a moment after the row committed:
  // allowed 5 seconds,
  // against the 60-second page lifetime a missed invalidation would take.
  await expect
    .poll(async () => (await anonymous(visitor.request, `/organizations/${org!.slug}`)).html, { timeout: 5_000 })
    .toContain("Đã xác thực");

  const after = await anonymous(visitor.request, `/organizations/${org!.slug}`);
  expect(after.html).toContain("Đã xác thực");
  expect(after.html).not.toContain("Đang chờ xác thực");
  await visitor.close();
});

const ROLES = [
  "provider@demo.vn",
  "seeker@demo.vn",
  "intermediary@demo.vn",
  "operator@demo.vn",
  "officer@demo.vn",
  "auditor@demo.vn",
  "admin@demo.vn",
];

test("nothing of a signed-in visitor enters the cached public pages, which are the same for everybody", async ({
  browser,
}) => {
  test.setTimeout(180_000); // seven sign-ins, five pages each
  const [offer] = await query<{ slug: string }>(
    "SELECT slug FROM offers WHERE status = 'PUBLISHED' ORDER BY published_at LIMIT 1",
  );
  const [organization] = await query<{ slug: string }>(
    "SELECT slug FROM organizations WHERE verification_status = 'VERIFIED' ORDER BY slug LIMIT 1",
  );
  const [expert] = await query<{ slug: string }>("SELECT slug FROM experts ORDER BY slug LIMIT 1");
  const pages = [
    "/",
    "/statistics",
    `/en/technologies/${offer!.slug}`,
    `/organizations/${organization!.slug}`,
    "/technologies",
  ];
  const anonymousContext = await browser.newContext();
  for (const email of ROLES) {
    const [user] = await query<{ name: string }>("SELECT name FROM users WHERE email = $1", [email]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    for (const path of pages) {
      // Signed in, in the browser: the header shows who it is (filled in from /api/me)...
      await page.goto(path);
      await expect(page.getByTestId("signed-in-as")).toContainText(user!.name);
      // ...but the HTML the server sends, to this user and to anybody, holds nothing of them.
      const signedIn = (await context.request.get(path)).text();
      const anon = await anonymous(anonymousContext.request, path);
      for (const html of [await signedIn, anon.html]) {
        expect(html, `${email} ${path}`).not.toContain(email);
        expect(html, `${email} ${path}`).not.toContain(user!.name);
        expect(html, `${email} ${path}`).not.toContain("signed-in-as");
        expect(html, `${email} ${path}`).not.toContain("notification-bell");
      }
    }
    // The account menu's answer is the only place the user appears, and it is never cached.
    const me = await context.request.get("/api/me");
    expect(me.headers()["cache-control"]).toBe("private, no-store");
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe(user!.name);
    await context.close();
  }

  // A cached page is byte for byte the same for a signed-in and an anonymous visitor (retried once,
  // in case a concurrent test's write re-rendered it between the two requests).
  const provider = await browser.newContext();
  await signIn(await provider.newPage(), "provider@demo.vn");
  for (const path of [`/technologies/${offer!.slug}`, `/experts/${expert!.slug}`, "/statistics"]) {
    await expect
      .poll(
        async () => {
          const [a, b] = [
            await (await provider.request.get(path)).text(),
            (await anonymous(anonymousContext.request, path)).html,
          ];
          return a === b;
        },
        { message: path, intervals: [500, 1000] },
      )
      .toBe(true);
  }
  expect(((await (await anonymousContext.request.get("/api/me")).json()) as { user: unknown }).user).toBeNull();
  await provider.close();
  await anonymousContext.close();
});

test("a filtered catalog page and a search are served from the cache by their canonical query, and show a publication at once", async ({
  browser,
}) => {
  test.slow(); // two people, two sign-ins
  const word = unique();
  const title = `Chế phẩm vi sinh ủ phân ${word}`;
  const visitor = await browser.newContext();
  // Agriculture (4 → 401), outside the engineering filter catalog.spec.ts counts while this runs.
  const catalog = "/technologies?sector=4&trlMin=1";
  const search = `/search?q=${word}`;
  /** Whether `path` comes from Next's cache (polled: a concurrent test's publication may expire it in between). */
  const servedFromCache = async (path: string) => {
    const response = await visitor.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    return response.headers()["x-nextjs-cache"];
  };
  for (const path of [catalog, `/en${catalog}`, search]) {
    await expect.poll(() => servedFromCache(path), { message: path, intervals: [200, 500, 1000] }).toBe("HIT");
  }
  const hit = 'data-testid="search-hit"'; // the title of a hit has its matched words marked up
  expect((await anonymous(visitor.request, catalog)).html).not.toContain(title);
  expect((await anonymous(visitor.request, search)).html).not.toContain(hit);

  // Another spelling of the same query is redirected to the canonical URL (one cache entry per query)...
  const respelled = await visitor.request.get("/technologies?trlMin=1&trlMax=&sector=4&page=1", { maxRedirects: 0 });
  expect(respelled.status()).toBe(307);
  expect(respelled.headers()["location"]).toBe(catalog);
  // ...a query with a value the page drops is rendered per request, with its notice, never cached...
  const invalid = await visitor.request.get("/technologies?sector=4&trlMin=0");
  expect(invalid.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(await invalid.text()).toContain("param-notice");
  // ...and the internal path of a cached query is no address of its own.
  const internal = await visitor.request.get(
    `/technologies/q/${Buffer.from("page=1&sort=newest&verified=0").toString("base64url")}`,
    {
      maxRedirects: 0,
    },
  );
  expect(internal.status()).toBe(307);
  expect(internal.headers()["location"]).toBe("/technologies");

  const provider = await browser.newPage();
  await signIn(provider, "provider@demo.vn");
  await createDraft(provider, title, { sector: "401" });
  await provider.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(provider.getByText("Đã gửi kiểm duyệt.")).toBeVisible();
  const operator = await browser.newPage();
  await signIn(operator, "operator@demo.vn");
  await approve(operator, title);

  expect((await anonymous(visitor.request, catalog)).html).toContain(title);
  expect((await anonymous(visitor.request, search)).html).toContain(hit);
  expect((await anonymous(visitor.request, `/en${search}`)).html).toContain(hit);
  await visitor.close();
});
