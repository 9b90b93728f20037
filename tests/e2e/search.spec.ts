import { expect, test, type Page } from "@playwright/test";
import { query, signIn } from "./support";

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();

const BOX = { vi: "Tìm kiếm công nghệ, nhu cầu, tổ chức…", en: "Search technologies, demands, organizations…" };

async function typeInHeader(page: Page, label: string, text: string) {
  const box = page.getByRole("combobox", { name: label });
  await box.fill("");
  await box.pressSequentially(text, { delay: 30 });
  return box;
}

test("a seeker picks a technology from the header suggestions with the keyboard and lands on its page", async ({
  page,
}) => {
  await signIn(page, "seeker@demo.vn");
  const box = await typeInHeader(page, BOX.vi, "xu ly nuoc");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const listbox = page.getByRole("listbox", { name: "Gợi ý tìm kiếm" });
  await expect(listbox).toBeVisible();
  const technologies = listbox.getByRole("group", { name: "Công nghệ" }).getByRole("option");
  await expect(technologies.first()).toBeVisible();
  const label = (await technologies.first().textContent())!;
  expect(label.toLowerCase()).toContain("xử lý nước");

  // Technologies are listed first, so the first arrow press selects the first of them.
  await box.press("ArrowDown");
  await expect(technologies.first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await technologies.first().getAttribute("id"))!);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/technologies\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(label);
});

test("in English a click on a suggestion opens the English page; Escape closes the list; Enter without a choice searches", async ({
  page,
}) => {
  await page.goto("/en");
  const box = await typeInHeader(page, BOX.en, "xu ly nuoc");
  const option = page
    .getByRole("listbox", { name: "Search suggestions" })
    .getByRole("group", { name: "Technology" })
    .getByRole("option")
    .first();
  await expect(option).toBeVisible();
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("listbox")).toBeHidden();
  await box.press("ArrowDown");
  await option.click();
  await expect(page).toHaveURL(/\/en\/technologies\/[^/?]+$/);

  const again = await typeInHeader(page, BOX.en, "nuoc thai");
  await again.press("Enter");
  await expect(page).toHaveURL(/\/en\/search\?q=nuoc(\+|%20)thai$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “nuoc thai”");
});

test("the search page finds the same technology with or without diacritics, in both languages, and marks the words", async ({
  page,
}) => {
  await page.goto(`/search?q=${encodeURIComponent("xử lý nước thải")}`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const results = page.getByTestId("search-results");
  const firstLink = results.getByTestId("search-hit").first().getByRole("link");
  const href = (await firstLink.getAttribute("href"))!;
  expect(href).toMatch(/^\/technologies\/[^/]+$/);
  const [offer] = await query<{ title_vi: string; title_en: string | null; status: string }>(
    "SELECT title_vi, title_en, status FROM offers WHERE slug = $1",
    [href.split("/").pop()],
  );
  expect(offer!.status).toBe("PUBLISHED");
  await expect(firstLink).toHaveText(offer!.title_vi);
  const marks = results.locator("mark");
  await expect(marks.first()).toBeVisible();
  // Each marked word is a query word, or the start of a longer word, accents and case aside.
  const marked = (await marks.allTextContents()).flatMap((text) => fold(text).split(/\s+/));
  for (const word of marked) expect(["xu", "ly", "nuoc", "thai"]).toContain(word);
  expect(marked).toContain("nuoc");
  await expect(page.getByRole("link", { name: /^Công nghệ \(\d+\)$/ })).toHaveAttribute("aria-current", "page");

  await page.goto("/search?q=XU+LY+NUOC+THAI");
  await expect(page.getByTestId("search-results").locator(`a[href="${href}"]`)).toHaveText(offer!.title_vi);
  await expect(page.getByTestId("search-results").locator("mark").first()).toBeVisible();

  for (const q of ["xử lý nước thải", "XU LY NUOC THAI"]) {
    await page.goto(`/en/search?q=${encodeURIComponent(q)}`);
    const link = page.getByTestId("search-results").locator(`a[href="/en${href}"]`);
    await expect(link).toHaveText(offer!.title_en ?? offer!.title_vi);
    await expect(page.getByTestId("search-results").locator("mark").first()).toBeVisible();
    await expect(page.getByRole("link", { name: /^Technologies \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  }
});

test("tabs switch between result types and keep the query; facets link into the catalog", async ({ page }) => {
  await page.goto("/search?q=nuoc+thai");
  const facets = page.getByTestId("search-facets");
  await expect(facets.getByRole("link").first()).toHaveAttribute("href", /^\/technologies\?q=nuoc\+thai&/);

  await page
    .getByRole("navigation", { name: "Loại kết quả" })
    .getByRole("link", { name: /^Nhu cầu \(\d+\)$/ })
    .click();
  await expect(page).toHaveURL(/\/search\?q=nuoc\+thai&tab=demands$/);
  await expect(page.getByRole("link", { name: /^Nhu cầu \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: /^Công nghệ \(\d+\)$/ })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("search-hit").first().getByRole("link")).toHaveAttribute("href", /^\/demands\//);

  await page.getByRole("link", { name: /^Tổ chức \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/tab=organizations$/);
  await expect(page.getByTestId("search-hit").first().getByRole("link")).toHaveAttribute("href", /^\/organizations\//);
  await expect(page.getByTestId("search-facets")).toHaveCount(0);
});

test("a search without results explains what to try, and odd parameters never break the page", async ({ page }) => {
  await page.goto("/search?q=qqzzxxkk");
  await expect(page.getByTestId("search-empty")).toContainText("Không tìm thấy kết quả cho “qqzzxxkk”");
  await expect(page.getByTestId("search-empty")).toContainText("bỏ qua dấu");
  for (const path of [
    "/search?tab=nope&page=abc&q=nuoc",
    "/search?q=nuoc&page=99999",
    "/search?q=%25%27%22%3C",
    "/search",
    `/search?q=${"a".repeat(500)}`,
  ]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
  }
});

test("a question typed in the header box finds the listing that answers it and says the results are approximate", async ({
  page,
}) => {
  await page.goto("/");
  const box = await typeInHeader(page, BOX.vi, "làm sao để số hóa hồ sơ giấy");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const notice = page.getByTestId("search-relaxed");
  await expect(notice).toContainText("Hiển thị kết quả gần đúng cho");
  await expect(notice).toContainText("“số hóa”");
  await expect(notice).toContainText("làm sao");
  const first = page.getByTestId("search-results").getByTestId("search-hit").first();
  await expect(first.getByRole("link")).toContainText("Phần mềm OCR tiếng Việt số hóa hồ sơ");

  // A query that matches every word shows no such notice.
  await page.goto(`/search?q=${encodeURIComponent("xử lý nước thải")}`);
  await expect(page.getByTestId("search-results").getByTestId("search-hit").first()).toBeVisible();
  await expect(page.getByTestId("search-relaxed")).toHaveCount(0);
});

test("hostile questions get a fast, clear page: very long, only question words, only punctuation, mixed scripts", async ({
  page,
}) => {
  const long = "có công nghệ nào xử lý nước thải cho trang trại không ".repeat(100);
  for (const q of [long, "có không nào gì", "?!…;:,.", "IoT nhà kính 温室 теплица"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response!.status(), q.slice(0, 30)).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});
