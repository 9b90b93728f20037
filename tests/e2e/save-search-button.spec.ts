import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support";

// "Save this search" on the catalog and search pages (components/saved-searches/save-search.tsx).
// The pages are cached and the same for everyone: the control learns in the browser who is signed in.
// Each test saves as its own demo user, so what one saves never meets another's.

const SAVE = "Lưu tìm kiếm này";
const SIGN_IN = "Đăng nhập để lưu tìm kiếm";
const SAVED = "Đã lưu tìm kiếm. Bạn sẽ nhận email khi có tin mới.";
const ALREADY = "Tìm kiếm này đã được lưu.";
const AFTER_HASHING = { timeout: 30_000 };

const savedList = (page: Page) => page.getByRole("region", { name: "Các tìm kiếm đã lưu" });

test("signed out, the control offers to sign in and comes back to the same query, ready to save", async ({ page }) => {
  await page.goto(`/demands?q=${encodeURIComponent("nông sản")}&verified=1`);
  await expect(page.getByRole("button", { name: SAVE })).toHaveCount(0);
  const signInLink = page.getByRole("link", { name: SIGN_IN });
  await expect(signInLink).toBeVisible();
  const callback = new URL((await signInLink.getAttribute("href"))!, "http://same.site").searchParams.get(
    "callbackUrl",
  );
  expect(callback).not.toBeNull();
  const back = new URL(callback!, "http://same.site");
  expect(back.pathname).toBe("/demands");
  expect(Object.fromEntries(back.searchParams)).toEqual({ q: "nông sản", verified: "1" });

  await signInLink.click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill("provider@demo.vn");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/demands\?/, AFTER_HASHING);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: "nông sản", verified: "1" });
  await expect(page.getByLabel("Chỉ tổ chức đã xác thực")).toBeChecked();
  await expect(page.getByRole("link", { name: SIGN_IN })).toHaveCount(0);
  await page.getByRole("button", { name: SAVE }).click();
  await expect(page.getByRole("status").filter({ hasText: SAVED })).toBeVisible();

  // On the search page, a visitor comes back to the very search (tab included), in their language.
  await page.context().clearCookies();
  await page.goto(`/en/search?q=${encodeURIComponent("nước thải")}&tab=demands`);
  const english = page.getByRole("link", { name: "Sign in to save this search" });
  await expect(english).toBeVisible();
  const href = new URL((await english.getAttribute("href"))!, "http://same.site");
  expect(href.pathname).toBe("/en/login");
  expect(href.searchParams.get("callbackUrl")).toBe(
    `/search?q=${encodeURIComponent("nước thải").replace(/%20/g, "+")}&tab=demands`,
  );
});

test("a seeker saves a catalog query with a filter; it is listed with the same query; saving again says so", async ({
  page,
}) => {
  await signIn(page, "seeker@demo.vn");
  await page.goto(`/technologies?q=${encodeURIComponent("xử lý nước")}`);
  await page.getByLabel("TRL từ", { exact: true }).selectOption("5");
  await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
  await expect(page).toHaveURL(/trlMin=5/);
  await page.getByRole("button", { name: SAVE }).click();
  const status = page.getByRole("status").filter({ hasText: SAVED });
  await expect(status).toBeVisible();

  await status.getByRole("link", { name: "Quản lý tìm kiếm đã lưu" }).click();
  await expect(page).toHaveURL(/\/account\/saved-searches$/);
  const item = savedList(page).getByRole("listitem").filter({ hasText: "xử lý nước (+1 bộ lọc)" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Từ khóa: xử lý nước");
  const open = item.getByRole("link", { name: "Xem kết quả của “xử lý nước (+1 bộ lọc)”" });
  const saved = new URL((await open.getAttribute("href"))!, "http://same.site");
  expect(saved.pathname).toBe("/technologies");
  expect(Object.fromEntries(saved.searchParams)).toEqual({ q: "xử lý nước", trlMin: "5" });

  // The saved search opens the catalog as it was; saving it from there again finds it saved.
  await open.click();
  await expect(page).toHaveURL(/\/technologies\?/);
  await expect(page.getByLabel("TRL từ", { exact: true })).toHaveValue("5");
  await page.getByRole("button", { name: SAVE }).click();
  await expect(page.getByRole("status").filter({ hasText: ALREADY })).toBeVisible();
  await page.goto("/account/saved-searches");
  await expect(savedList(page).getByRole("listitem").filter({ hasText: "xử lý nước (+1 bộ lọc)" })).toHaveCount(1);
});

test("an intermediary saves a search from /search (demands tab); it is listed with the same words", async ({
  page,
}) => {
  await signIn(page, "intermediary@demo.vn");
  await page.goto(`/search?q=${encodeURIComponent("nước thải")}&tab=demands`);
  await expect(page.getByRole("link", { name: /^Nhu cầu \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: SAVE }).click();
  await expect(page.getByRole("status").filter({ hasText: SAVED })).toBeVisible();
  // The directory tabs have nothing to save.
  await page.getByRole("link", { name: /^Tổ chức \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/tab=organizations$/);
  await expect(page.getByRole("button", { name: SAVE })).toHaveCount(0);

  await page.goto("/account/saved-searches");
  const item = savedList(page).getByRole("listitem").filter({ hasText: "nước thải" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Nhu cầu");
  const saved = new URL(
    (await item.getByRole("link", { name: /^Xem kết quả/ }).getAttribute("href"))!,
    "http://same.site",
  );
  expect(saved.pathname).toBe("/demands");
  expect(Object.fromEntries(saved.searchParams)).toEqual({ q: "nước thải" });

  // Saved twice: the second time says it already is, and the list still holds one.
  await page.goto(`/search?q=${encodeURIComponent("nước thải")}&tab=demands`);
  await page.getByRole("button", { name: SAVE }).click();
  await expect(page.getByRole("status").filter({ hasText: ALREADY })).toBeVisible();
  await page.goto("/account/saved-searches");
  await expect(savedList(page).getByRole("listitem").filter({ hasText: "nước thải" })).toHaveCount(1);
});
