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
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "index, follow");
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

test("a search result shows the organization, badges, TRL and price of its catalog card, and marks whole words only", async ({
  page,
}) => {
  // "tha" is a word being typed: it must mark "thải" whole, never the fragment "thả".
  const q = "xu ly nuoc tha";
  await page.goto(`/search?q=${encodeURIComponent(q)}`);
  const hits = page.getByTestId("search-results").getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  const slugs = (await hits.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))).map(
    (href) => href.split("/").pop()!,
  );
  const offers = await query<{ slug: string; title_vi: string; trl: number; org: string; verification: string }>(
    `SELECT o.slug, o.title_vi, o.trl, g.name AS org, g.verification_status AS verification
       FROM offers o JOIN organizations g ON g.id = o.organization_id WHERE o.slug = ANY($1)`,
    [slugs],
  );
  const offer = slugs.map((slug) => offers.find((o) => o.slug === slug)).find((o) => o?.verification === "VERIFIED");
  expect(offer, "a result from a verified organization").toBeDefined();
  const hit = hits.filter({ has: page.locator(`a[href="/technologies/${offer!.slug}"]`) });
  const shown = {
    badges: await hit.getByTestId("search-hit-badges").locator("span").allTextContents(),
    org: await hit.getByTestId("search-hit-org").textContent(),
    terms: await hit.getByTestId("search-hit-terms").textContent(),
  };
  expect(shown.org).toBe(offer!.org);
  expect(shown.badges).toContain(`TRL ${offer!.trl}`);
  expect(shown.badges).toContain("Đã xác thực");
  expect(shown.terms).toMatch(/^(Giá thỏa thuận|Giá cố định .+₫|.+₫ – .+₫) · Cập nhật /);

  // Each mark is whole words of its text: no letter right before or after it; each word is a query
  // word, or starts with the last one, which may still be being typed ("thải", never "thả").
  const marks = await page
    .getByTestId("search-results")
    .locator("mark")
    .evaluateAll((nodes) =>
      nodes.map((mark) => {
        const range = document.createRange();
        range.selectNodeContents(mark.parentElement!);
        range.setEndBefore(mark);
        const before = range.toString();
        range.selectNodeContents(mark.parentElement!);
        range.setStartAfter(mark);
        return { text: mark.textContent!, before: before.slice(-1), after: range.toString().slice(0, 1) };
      }),
    );
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) {
    expect(mark.before, mark.text).not.toMatch(/[\p{L}\p{N}\p{M}]/u);
    expect(mark.after, mark.text).not.toMatch(/[\p{L}\p{N}\p{M}]/u);
    for (const word of fold(mark.text).split(/\s+/))
      expect(["xu", "ly", "nuoc"].includes(word) || word.startsWith("tha"), mark.text).toBe(true);
  }
  expect(marks.flatMap((m) => fold(m.text).split(/\s+/))).toContain("thai");

  // The catalog card of the same offer shows exactly the same badges, organization and terms.
  await page.goto(`/technologies?q=${encodeURIComponent(offer!.title_vi)}`);
  const card = page
    .getByTestId("catalog-results")
    .locator("article", { has: page.locator(`a[href="/technologies/${offer!.slug}"]`) });
  await expect(card).toBeVisible();
  expect(await card.locator("div").first().locator("span").allTextContents()).toEqual(shown.badges);
  expect(await card.locator("footer p").allTextContents()).toEqual([shown.org, shown.terms]);

  // A confidential demand shows no organization, exactly like its catalog card.
  const [secret] = await query<{ slug: string; title_vi: string; org: string }>(
    `SELECT d.slug, d.title_vi, g.name AS org FROM demands d JOIN organizations g ON g.id = d.organization_id
      WHERE d.confidential AND d.status = 'PUBLISHED' ORDER BY d.published_at LIMIT 1`,
  );
  expect(secret, "a published confidential demand").toBeDefined();
  await page.goto(`/search?q=${encodeURIComponent(secret!.title_vi)}&tab=demands`);
  const demand = page.getByTestId("search-hit").filter({ has: page.locator(`a[href="/demands/${secret!.slug}"]`) });
  await expect(demand.getByTestId("search-hit-org")).toHaveText("Doanh nghiệp (bảo mật danh tính)");
  await expect(demand).not.toContainText(secret!.org);
});
