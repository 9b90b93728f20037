import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { query, signIn, unique } from "./support";

// Issue 15, "Done when": axe (WCAG 2.0 and 2.1, levels A and AA) finds nothing on every public page,
// in Vietnamese and in English, and on every role's main pages signed in. Each page is checked once
// it has loaded and its scripts have settled (charts drawn, the header's account menu filled in).

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** What axe found on the page: one line per rule, with the selectors of the offending nodes. */
async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

/** Opens `path`, waits until the page is quiet, and expects axe to find nothing on it. */
async function expectNoViolations(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBeLessThan(400);
  await expect(page.getByRole("main")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const violations = await axeViolations(page);
  if (violations.length > 0) console.log(`[axe] ${path} ${JSON.stringify(violations)}`);
  expect.soft(violations, `axe violations on ${path}`).toEqual([]);
}

const slugOf = async (sql: string) => {
  const [row] = await query<{ slug: string }>(sql);
  if (!row) throw new Error(`no row for: ${sql}`);
  return encodeURIComponent(row.slug);
};

/** The public pages; detail pages name a published record of the seeded data. */
const PUBLIC_PAGES: { name: string; path: () => Promise<string> }[] = [
  { name: "home", path: async () => "/" },
  { name: "technologies", path: async () => "/technologies" },
  {
    name: "technology detail",
    path: async () =>
      `/technologies/${await slugOf("SELECT slug FROM offers WHERE status = 'PUBLISHED' ORDER BY published_at, slug LIMIT 1")}`,
  },
  { name: "demands", path: async () => "/demands" },
  {
    name: "demand detail",
    path: async () =>
      `/demands/${await slugOf("SELECT slug FROM demands WHERE status = 'PUBLISHED' ORDER BY published_at, slug LIMIT 1")}`,
  },
  { name: "organizations", path: async () => "/organizations" },
  {
    name: "organization detail",
    path: async () =>
      `/organizations/${await slugOf("SELECT slug FROM organizations WHERE verification_status = 'VERIFIED' ORDER BY slug LIMIT 1")}`,
  },
  { name: "experts", path: async () => "/experts" },
  {
    name: "expert detail",
    path: async () => `/experts/${await slugOf("SELECT slug FROM experts ORDER BY slug LIMIT 1")}`,
  },
  { name: "search", path: async () => `/search?${new URLSearchParams({ q: "xử lý nước thải" })}` },
  { name: "statistics", path: async () => "/statistics" },
  { name: "audit chain heads", path: async () => "/statistics/chain" },
  { name: "open data", path: async () => "/open-data" },
  { name: "developers", path: async () => "/developers" },
  { name: "list a technology (signed out)", path: async () => "/technologies/new" },
  { name: "post a demand (signed out)", path: async () => "/demands/new" },
  { name: "about", path: async () => "/about" },
  { name: "terms", path: async () => "/terms" },
  { name: "privacy", path: async () => "/privacy" },
  { name: "contact", path: async () => "/contact" },
  { name: "login", path: async () => "/login" },
  { name: "register", path: async () => "/register" },
  { name: "forgot password", path: async () => "/forgot-password" },
];

for (const locale of ["vi", "en"] as const) {
  for (const { name, path } of PUBLIC_PAGES) {
    test(`axe finds nothing on the ${name} page (${locale})`, async ({ page }) => {
      const target = await path();
      await expectNoViolations(page, locale === "vi" ? target : `/en${target === "/" ? "" : target}`);
    });
  }
}

// On a phone (390 × 844) the header, the filters and the tables take other shapes: the public
// pages once more there, in Vietnamese.
test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const { name, path } of PUBLIC_PAGES) {
    test(`axe finds nothing on the ${name} page at 390 px (vi)`, async ({ page }) => {
      await expectNoViolations(page, await path());
    });
  }
});

/** Every role's main pages, signed in. */
const ROLE_PAGES: { role: string; demo: string; paths: string[] }[] = [
  { role: "provider", demo: "provider@demo.vn", paths: ["/account", "/account/offers", "/technologies/new"] },
  { role: "seeker", demo: "seeker@demo.vn", paths: ["/account/demands", "/demands/new", "/account/deals"] },
  { role: "operator", demo: "operator@demo.vn", paths: ["/admin", "/admin/moderation"] },
  { role: "officer", demo: "officer@demo.vn", paths: ["/admin/performance", "/admin/flags"] },
  { role: "auditor", demo: "auditor@demo.vn", paths: ["/admin/audit"] },
  { role: "admin", demo: "admin@demo.vn", paths: ["/admin/users"] },
];

/**
 * A new account with the demo account's roles, organization and password: other files sign the
 * demo accounts out (membership.spec.ts), which ends every session of that user, mid-test here.
 */
async function twinOf(demo: string, role: string): Promise<string> {
  const email = `a11y-${role}-${unique()}@members.demo.vn`;
  await query(
    `INSERT INTO users (email, name, password_hash, roles, status, locale, organization_id, org_role,
                        email_verified_at, terms_version, privacy_version, consented_at, updated_at)
     SELECT $1, name, password_hash, roles, status, locale, organization_id, org_role,
            now(), terms_version, privacy_version, consented_at, now()
       FROM users WHERE email = $2`,
    [email, demo],
  );
  return email;
}

for (const { role, demo, paths } of ROLE_PAGES) {
  test(`axe finds nothing on the ${role}'s main pages`, async ({ page }) => {
    test.slow(); // a sign-in and up to three pages, each analysed
    await signIn(page, await twinOf(demo, role));
    for (const path of paths) await expectNoViolations(page, path);
  });
}
