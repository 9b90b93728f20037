import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, fillOffer, query, signIn, unique } from "./support";

// "Đăng công nghệ" / "Đăng nhu cầu": one public page per kind that explains listing to anybody and
// is the form once signed in (components/listings/post-listing-page.tsx).

test("a visitor reads how listing works, signs in from the page, comes back to the form and saves a draft", async ({
  page,
}) => {
  test.slow(); // a journey: sign-in (argon2) and a saved draft
  const response = await page.goto("/technologies/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng công nghệ chuyển giao");
  // Rendered per request, like the workspace: a nonce CSP, every script carrying it (the form below
  // hydrates under it: it is filled and saved).
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{16,})' 'strict-dynamic'/.exec(
    response!.headers()["content-security-policy"] ?? "",
  )?.[1];
  expect(nonce).toBeDefined();
  const scripts = await page.evaluate(() =>
    [...document.scripts].filter((s) => s.type !== "application/ld+json").map((s) => s.nonce),
  );
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await expect(page.getByRole("heading", { name: "Các bước đăng tin" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Chuẩn bị trước" })).toBeVisible();
  // Public and indexable, with its own canonical address; no form before signing in.
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/technologies\/new$/);
  await expect(page.getByLabel("Tên công nghệ (tiếng Việt)")).toHaveCount(0);
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  expect(sitemap).toMatch(/<loc>[^<]*\/technologies\/new<\/loc>/);
  expect(sitemap).toMatch(/<loc>[^<]*\/en\/demands\/new<\/loc>/);
  await expect(page.getByRole("link", { name: "Tạo tài khoản để đăng" })).toHaveAttribute(
    "href",
    "/register?role=PROVIDER&callbackUrl=%2Ftechnologies%2Fnew",
  );

  await page.getByRole("link", { name: "Đã có tài khoản? Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftechnologies%2Fnew$/);
  await page.getByLabel("Email").fill("provider@demo.vn");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();

  // Back on the same page, now the form, with what happens after saving and a way to the workspace.
  await expect(page).toHaveURL(/\/technologies\/new$/);
  await expect(page.getByLabel("Tên công nghệ (tiếng Việt)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sau khi lưu nháp" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Các bước đăng tin" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "← Công nghệ của tôi" })).toHaveAttribute("href", "/account/offers");
  await expect(page.getByRole("link", { name: "Tạo tài khoản để đăng" })).toHaveCount(0);

  const title = `Màng lọc gốm xốp ${unique()}`;
  await fillOffer(page, title);
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp")).toBeVisible();
  await expect(page).toHaveURL(/\/account\/offers\/[0-9a-f-]{36}/);
  const id = page.url().split("/").pop()!.split("?")[0]!;
  const rows = await query<{ status: string; email: string }>(
    `SELECT o.status, u.email FROM offers o JOIN users u ON u.organization_id = o.organization_id
      WHERE o.id = $1 AND o.title_vi = $2 AND u.email = 'provider@demo.vn'`,
    [id, title],
  );
  expect(rows).toEqual([{ status: "DRAFT", email: "provider@demo.vn" }]);
});

test("a seeker is pointed from the technology page to the demand form; the catalog and the old addresses lead there", async ({
  page,
}) => {
  await signIn(page, "seeker@demo.vn");
  await page.goto("/technologies/new");
  await expect(page.getByText("Tài khoản này không đăng được công nghệ")).toBeVisible();
  await expect(page.getByLabel("Tên công nghệ (tiếng Việt)")).toHaveCount(0);
  await page.getByRole("link", { name: "Đăng nhu cầu công nghệ" }).click();
  await expect(page).toHaveURL(/\/demands\/new$/);
  await expect(page.getByLabel("Tên nhu cầu (tiếng Việt)")).toBeVisible();

  // The workspace's former address of the form, and the catalog's link.
  await page.goto("/account/demands/new");
  await expect(page).toHaveURL(/\/demands\/new$/);
  await expect(page.getByLabel("Tên nhu cầu (tiếng Việt)")).toBeVisible();
  await page.goto("/demands");
  await page.getByRole("link", { name: "Đăng nhu cầu của bạn →" }).click();
  await expect(page).toHaveURL(/\/demands\/new$/);
  await expect(page.getByLabel("Tên nhu cầu (tiếng Việt)")).toBeVisible();
});

test("in English, registering from the demand page starts as a technology seeker and keeps the way back", async ({
  page,
}) => {
  await page.goto("/en/demands/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Post a technology demand");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/en\/demands\/new$/);
  await page.getByRole("link", { name: "Create an account to list" }).click();
  await expect(page).toHaveURL(/\/en\/register\?role=SEEKER&callbackUrl=%2Fdemands%2Fnew$/);
  await expect(page.getByRole("radio", { name: /Business \/ technology seeker/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /Researcher \/ technology provider/ })).not.toBeChecked();
  // Without a role in the address, the form starts as before (provider)…
  await page.goto("/en/register?role=ADMIN");
  await expect(page.getByRole("radio", { name: /Researcher \/ technology provider/ })).toBeChecked();
  // …unless it comes back to the demand form, as by way of the sign-in page (which keeps only that).
  await page.goto("/en/demands/new");
  await page.getByRole("link", { name: "Already have an account? Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/login\?callbackUrl=%2Fdemands%2Fnew$/);
  await page.getByRole("main").getByRole("link", { name: "Register", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/register\?callbackUrl=%2Fdemands%2Fnew$/);
  await expect(page.getByRole("radio", { name: /Business \/ technology seeker/ })).toBeChecked();
});
