import { expect, test, type APIResponse } from "@playwright/test";
import { query } from "./support";

// scripts/e2e.ts configures the public URL (NEXTAUTH_URL) as the address it serves the app on.
const SITE = (process.env.BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");

type Statuses = Map<string, string>;
const offerStatuses = async (): Promise<Statuses> =>
  new Map(
    (
      await query<{ slug: string; status: string }>(
        `SELECT slug, status FROM offers WHERE status IN ('PUBLISHED', 'DRAFT', 'WITHDRAWN')`,
      )
    ).map((r) => [r.slug, r.status]),
  );

/** Served as it is: the proxy leaves paths with an extension alone, so there is no locale redirect. */
function expectServedDirectly(response: APIResponse, path: string, type: RegExp) {
  expect(response.status()).toBe(200);
  expect(new URL(response.url()).pathname).toBe(path);
  expect(response.headers()["content-type"]).toMatch(type);
}

/** `<loc>` → its hreflang alternates, from the sitemap's XML. */
function parseSitemap(xml: string) {
  const entries = new Map<string, Record<string, string>>();
  for (const [, block] of xml.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
    const loc = /<loc>([^<]+)<\/loc>/.exec(block!)![1]!;
    const languages = Object.fromEntries(
      [...block!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    entries.set(loc, languages);
  }
  return entries;
}

test("sitemap.xml lists published offers in both languages, and no draft or withdrawn one", async ({ request }) => {
  const before = await offerStatuses();
  const response = await request.get("/sitemap.xml", { maxRedirects: 0 });
  expectServedDirectly(response, "/sitemap.xml", /xml/);
  const entries = parseSitemap(await response.text());
  const after = await offerStatuses();
  // Other journeys run in parallel: judge only offers whose status did not change meanwhile.
  const stable = [...before].filter(([slug, status]) => after.get(slug) === status);
  const published = stable.filter(([, status]) => status === "PUBLISHED").map(([slug]) => slug);
  const hidden = stable.filter(([, status]) => status !== "PUBLISHED").map(([slug]) => slug);
  expect(published.length).toBeGreaterThan(0);
  expect(stable.some(([, status]) => status === "DRAFT")).toBe(true);
  expect(stable.some(([, status]) => status === "WITHDRAWN")).toBe(true);

  for (const slug of published) {
    const languages = {
      vi: `${SITE}/technologies/${slug}`,
      en: `${SITE}/en/technologies/${slug}`,
      "x-default": `${SITE}/technologies/${slug}`,
    };
    expect(entries.get(languages.vi)).toEqual(languages);
    expect(entries.get(languages.en)).toEqual(languages);
  }
  const locs = [...entries.keys()];
  for (const slug of hidden) expect(locs.filter((loc) => loc.endsWith(`/technologies/${slug}`))).toEqual([]);
  expect(entries.has(`${SITE}/`) && entries.has(`${SITE}/en`)).toBe(true);
  expect(locs.filter((loc) => /\/(account|admin|api)(\/|$)/.test(loc))).toEqual([]);
});

test("robots.txt disallows the workspace, administration and private API, and points to the sitemap", async ({
  request,
}) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expectServedDirectly(response, "/robots.txt", /text\/plain/);
  const lines = (await response.text()).split("\n").map((line) => line.trim());
  for (const line of [
    "User-Agent: *",
    "Allow: /",
    "Allow: /api/v1/",
    "Disallow: /admin",
    "Disallow: /en/admin",
    "Disallow: /account",
    "Disallow: /api/",
  ]) {
    expect(lines).toContain(line);
  }
  expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
});

test("every page links the exchange's icon, served as SVG", async ({ page, request }) => {
  const icon = await request.get("/icon.svg", { maxRedirects: 0 });
  expectServedDirectly(icon, "/icon.svg", /image\/svg\+xml/);
  expect(await icon.text()).toContain("<svg");
  expectServedDirectly(await request.get("/favicon.ico", { maxRedirects: 0 }), "/favicon.ico", /image\/x-icon/);
  expectServedDirectly(await request.get("/apple-icon.png", { maxRedirects: 0 }), "/apple-icon.png", /image\/png/);
  await page.goto("/en/technologies");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg(\?|$)/);
});

test("canonical and hreflang links are absolute on the configured public URL", async ({ page }) => {
  const [offer] = await query<{ slug: string }>(
    `SELECT slug FROM offers WHERE status = 'PUBLISHED' ORDER BY published_at DESC LIMIT 1`,
  );
  // Absolute as written (a relative href would make `new URL` throw), compared in normal form: Next
  // writes the root URL without its trailing slash, which is the same URL.
  const links = async () =>
    page.evaluate(() => {
      const absolute = (href: string | null) => (href === null ? null : new URL(href).href);
      return {
        canonical: absolute(document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null),
        languages: Object.fromEntries(
          [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [
            l.getAttribute("hreflang"),
            absolute(l.getAttribute("href")),
          ]),
        ),
      };
    });

  await page.goto(`/en/technologies/${offer!.slug}`);
  expect(await links()).toEqual({
    canonical: `${SITE}/en/technologies/${offer!.slug}`,
    languages: {
      vi: `${SITE}/technologies/${offer!.slug}`,
      en: `${SITE}/en/technologies/${offer!.slug}`,
      "x-default": `${SITE}/technologies/${offer!.slug}`,
    },
  });

  await page.goto("/");
  expect(await links()).toEqual({
    canonical: `${SITE}/`,
    languages: { vi: `${SITE}/`, en: `${SITE}/en`, "x-default": `${SITE}/` },
  });

  await page.goto("/en/statistics");
  expect((await links()).canonical).toBe(`${SITE}/en/statistics`);

  // A page that declares no translations inherits none (it used to claim the home page as its English version).
  await page.goto("/en/login");
  expect((await links()).languages).toEqual({});
});

test("search pages: indexable with their query as canonical only when something matches every word", async ({
  page,
}) => {
  const head = async () =>
    page.evaluate(() => ({
      robots: document.querySelector('meta[name="robots"]')?.getAttribute("content") ?? null,
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null,
    }));
  const canonical = (prefix: string, q: string) => `${SITE}${prefix}/search?${new URLSearchParams({ q })}`;

  // The landing page.
  await page.goto("/search");
  expect(await head()).toEqual({ robots: "index, follow", canonical: `${SITE}/search` });

  // Literal matches: indexed under the normalized query alone (no tab, no page), in the page's language.
  await page.goto(`/search?q=${encodeURIComponent("xử lý nước thải")}`);
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  expect(await head()).toEqual({ robots: "index, follow", canonical: canonical("", "xử lý nước thải") });
  await page.goto(`/en/search?q=${encodeURIComponent("xử lý nước thải")}&tab=demands`);
  expect(await head()).toEqual({ robots: "index, follow", canonical: canonical("/en", "xử lý nước thải") });

  // Nothing matches every word: an empty page, and a misspelling the page corrects, stay out of the index.
  for (const q of ["zqxv wkyj", "xu ly nuocc thai"]) {
    await page.goto(`/search?${new URLSearchParams({ q })}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(q);
    expect(await head(), q).toEqual({ robots: "noindex, follow", canonical: null });
  }
});
