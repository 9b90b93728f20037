import { expect, test } from "@playwright/test";
import { query, signIn } from "./support";

test("the home page figures equal the database counts, in both languages", async ({ page }) => {
  const [counts] = await query<{ offers: number; demands: number; orgs: number; contracts: number }>(`
    SELECT (SELECT count(*) FROM offers WHERE status = 'PUBLISHED')::int AS offers,
           (SELECT count(*) FROM demands WHERE status = 'PUBLISHED')::int AS demands,
           (SELECT count(*) FROM organizations WHERE verification_status = 'VERIFIED')::int AS orgs,
           (SELECT count(*) FROM contracts WHERE signed_at IS NOT NULL)::int AS contracts`);
  expect(counts!.offers).toBeGreaterThanOrEqual(40);

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  const figures = page.getByTestId("home-figures");
  await expect(figures.getByRole("definition").first()).toHaveText(String(counts!.offers));
  await expect(figures).toContainText(`Công nghệ đang chào bán${counts!.offers}`);
  await expect(figures).toContainText(`Nhu cầu công nghệ${counts!.demands}`);
  await expect(figures).toContainText(`Tổ chức đã xác thực${counts!.orgs}`);
  await expect(figures).toContainText(`Hợp đồng đã ký${counts!.contracts}`);
  await expect(page.getByRole("heading", { name: "Công nghệ mới đăng" })).toBeVisible();

  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("home-figures")).toContainText(`Technologies on offer${counts!.offers}`);
  await expect(page.getByRole("heading", { name: "Newest technologies" })).toBeVisible();
});

const ROLES = [
  { email: "provider@demo.vn", sees: ["Không gian làm việc"], hidden: ["Quản trị"], heading: "Công nghệ của tôi" },
  { email: "seeker@demo.vn", sees: ["Không gian làm việc"], hidden: ["Quản trị"], heading: "Nhu cầu của tôi" },
  { email: "intermediary@demo.vn", sees: ["Không gian làm việc"], hidden: ["Quản trị"], heading: "Tổ chức của bạn" },
  { email: "operator@demo.vn", sees: ["Quản trị"], hidden: ["Không gian làm việc"], heading: "Việc đang chờ" },
  { email: "officer@demo.vn", sees: ["Quản trị"], hidden: ["Không gian làm việc"], heading: "Thị trường" },
  { email: "auditor@demo.vn", sees: ["Quản trị"], hidden: ["Không gian làm việc"], heading: "Nhật ký kiểm toán" },
  { email: "admin@demo.vn", sees: ["Quản trị"], hidden: ["Không gian làm việc"], heading: /Người dùng \(\d+\)/ },
];

for (const role of ROLES) {
  test(`${role.email} sees the navigation of their role`, async ({ page }) => {
    await signIn(page, role.email);
    const userNav = page.getByRole("navigation", { name: "Tài khoản" });
    for (const label of role.sees) await expect(userNav.getByRole("link", { name: label })).toBeVisible();
    for (const label of role.hidden) await expect(userNav.getByRole("link", { name: label })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: role.heading })).toBeVisible();
  });
}

test("staff pages answer not found to other roles, and sign-in to visitors", async ({ page }) => {
  await page.goto("/admin");
  // Signing in brings the visitor back to the page that asked for it.
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin$/);
  await signIn(page, "provider@demo.vn");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
});

test("the auditor verifies the audit chain", async ({ page }) => {
  await signIn(page, "auditor@demo.vn");
  await page.getByRole("button", { name: "Kiểm tra toàn vẹn chuỗi nhật ký" }).click();
  await expect(page.getByText(/Chuỗi nhật ký toàn vẹn: đã kiểm tra \d+ sự kiện/)).toBeVisible();
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("the public statistics page shows the published figures by field", async ({ page }) => {
  const [counts] = await query<{ offers: number }>(
    "SELECT count(*)::int AS offers FROM offers WHERE status = 'PUBLISHED'",
  );
  await page.goto("/en/statistics");
  await expect(page.getByRole("heading", { level: 1, name: "Public statistics" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`Technologies on offer${counts!.offers}`);
  await expect(page.getByRole("region", { name: "By field of science and technology" }).getByRole("row")).toHaveCount(
    7,
  );
});
