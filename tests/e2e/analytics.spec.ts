import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { query, signIn } from "./support";

// Issue 15 item 8: listing analytics for owners, in a real browser. The detail pages are cached, so
// the visitor's browser reports the view (components/analytics/view-beacon.tsx); robots — here the
// default headless browser, whose User-Agent says HeadlessChrome — and the owner's own views are
// not counted. A person's browser is one with an ordinary Chrome User-Agent.
const PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36";
const vi = new Intl.NumberFormat("vi");

/**
 * The owner of these tests: a member of provider@demo.vn's organization of its own, because other
 * files sign provider@demo.vn out, and a sign-out ends every session of that user.
 */
let OWNER = "";
let offers: { id: string; slug: string; title: string }[] = [];

test.beforeAll(async () => {
  OWNER = `thong-ke-${Date.now().toString(36)}@members.demo.vn`;
  await query(
    `INSERT INTO users (email, name, password_hash, roles, organization_id, org_role, email_verified_at, updated_at)
     SELECT $1, 'Đặng Văn Thống Kê', password_hash, roles, organization_id, 'MEMBER', now(), now()
       FROM users WHERE email = 'provider@demo.vn'`,
    [OWNER],
  );
  // Two published offers of the organization: the oldest for the view count, the next for the figures.
  offers = await query(
    `SELECT o.id, o.slug, o.title_vi AS title
       FROM offers o JOIN users u ON u.organization_id = o.organization_id
      WHERE u.email = 'provider@demo.vn' AND o.status = 'PUBLISHED'
      ORDER BY o.published_at, o.id LIMIT 2`,
  );
  expect(offers).toHaveLength(2);
});

const viewsOf = async (id: string) =>
  (
    await query<{ n: number }>(
      `SELECT coalesce(sum(views), 0)::int AS n FROM listing_view_days WHERE listing_kind = 'offer' AND listing_id = $1`,
      [id],
    )
  )[0]!.n;

/**
 * What axe (WCAG 2.0 and 2.1, A and AA) finds in the page's main content (these pages' own; the
 * site's header and footer are checked on every page by a11y.spec.ts): one entry per rule.
 */
async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .include("main")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Opens a listing's public page and waits for its view report's answer. */
async function openListing(page: Page, slug: string) {
  const reported = page.waitForResponse(
    (r) => r.url().endsWith("/api/listings/view") && r.request().method() === "POST",
  );
  await page.goto(`/technologies/${slug}`);
  expect((await reported).status()).toBe(204);
}

async function ownerPage(browser: Browser) {
  const context = await browser.newContext({ userAgent: PERSON });
  const page = await context.newPage();
  await signIn(page, OWNER);
  return page;
}

test("a visitor opens a listing and its owner sees the view counted; robots and the owner's own views are not", async ({
  browser,
}) => {
  const offer = offers[0]!;
  const before = await viewsOf(offer.id);

  const robot = await browser.newContext();
  await openListing(await robot.newPage(), offer.slug);
  await robot.close();
  expect(await viewsOf(offer.id)).toBe(before);

  const visitor = await browser.newContext({ userAgent: PERSON });
  await openListing(await visitor.newPage(), offer.slug);
  await visitor.close();
  expect(await viewsOf(offer.id)).toBe(before + 1);

  const page = await ownerPage(browser);
  await openListing(page, offer.slug);
  expect(await viewsOf(offer.id)).toBe(before + 1);

  await page.goto("/account/analytics");
  await expect(page.getByRole("heading", { level: 1, name: "Thống kê tin đăng" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: offer.title, exact: true }) });
  await expect(row.getByRole("cell").first()).toHaveText(vi.format(before + 1));
  await row.getByRole("link", { name: offer.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: offer.title })).toBeVisible();
  const thisWeek = page
    .getByRole("region", { name: "Bảng số liệu theo tuần: Lượt xem theo tuần" })
    .getByRole("row", { name: /tuần này/ });
  const [week] = await query<{ n: number }>(
    `SELECT coalesce(sum(views), 0)::int AS n FROM listing_view_days
      WHERE listing_kind = 'offer' AND listing_id = $1
        AND day >= date_trunc('week', now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
    [offer.id],
  );
  expect(week!.n).toBeGreaterThanOrEqual(1);
  await expect(thisWeek.getByRole("cell")).toHaveText(vi.format(week!.n));
});

test("the owner's pages show each listing's views, interest and matches as stored, on a phone too", async ({
  browser,
}) => {
  const offer = offers[1]!;
  // Views from earlier days, as the beacon would have counted them.
  await query(
    `INSERT INTO listing_view_days (listing_kind, listing_id, day, views)
     VALUES ('offer', $1, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 3, 4),
            ('offer', $1, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 45, 2)
     ON CONFLICT (listing_kind, listing_id, day) DO UPDATE SET views = listing_view_days.views + EXCLUDED.views`,
    [offer.id],
  );
  const [stored] = await query<{ views: number; recent: number; interest: number; matches: number }>(
    `SELECT (SELECT coalesce(sum(views), 0) FROM listing_view_days WHERE listing_kind = 'offer' AND listing_id = $1)::int AS views,
            (SELECT coalesce(sum(views), 0) FROM listing_view_days WHERE listing_kind = 'offer' AND listing_id = $1
                AND day >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 29)::int AS recent,
            (SELECT count(*) FROM deals WHERE offer_id = $1 AND origin <> 'PROPOSAL')::int AS interest,
            (SELECT count(*) FROM matches m JOIN demands d ON d.id = m.demand_id AND d.status = 'PUBLISHED'
              WHERE m.offer_id = $1)::int AS matches`,
    [offer.id],
  );
  expect(stored!.views).toBeGreaterThanOrEqual(6);

  const page = await ownerPage(browser);
  await page.goto("/account/analytics");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: offer.title, exact: true }) });
  await expect(row.getByRole("cell")).toHaveText([
    vi.format(stored!.views),
    vi.format(stored!.recent),
    vi.format(stored!.interest),
    vi.format(stored!.matches),
    "",
  ]);
  await expect(row.getByRole("img", { name: /Lượt xem theo tuần trong 12 tuần gần nhất/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await row.getByRole("link", { name: offer.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/account/analytics/offer/${offer.id}$`));
  const totals = page.getByTestId("analytics-totals");
  for (const [label, value] of [
    ["Tổng lượt xem", stored!.views],
    ["Lượt xem 30 ngày qua", stored!.recent],
    ["Quan tâm nhận được", stored!.interest],
    ["Gợi ý kết nối", stored!.matches],
  ] as const) {
    await expect(totals.locator("dl", { hasText: label }).locator("dd").first()).toHaveText(vi.format(value));
  }
  await expect(
    page.getByRole("region", { name: "Bảng số liệu theo tuần: Lượt xem theo tuần" }).getByRole("row"),
  ).toHaveCount(13);
  await expect(
    page.getByRole("region", { name: "Bảng số liệu theo tuần: Quan tâm và gợi ý kết nối theo tuần" }).getByRole("row"),
  ).toHaveCount(13);
  await expect(page.locator(".recharts-wrapper")).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);

  // At 390 px: cards instead of the table, and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [`/account/analytics/offer/${offer.id}`, "/account/analytics"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  }
  await expect(page.getByRole("table")).toBeHidden();
  await expect(page.getByRole("listitem").filter({ hasText: offer.title })).toBeVisible();

  // Someone else's listing is not found.
  const [foreign] = await query<{ id: string }>(
    `SELECT o.id FROM offers o JOIN users u ON u.email = 'provider@demo.vn'
      WHERE o.organization_id <> u.organization_id AND o.status = 'PUBLISHED' LIMIT 1`,
  );
  const response = await page.goto(`/account/analytics/offer/${foreign!.id}`);
  expect(response?.status()).toBe(404);
});
