import { expect, test, type Page } from "@playwright/test";
import { CONTACTS } from "../../lib/legal/contacts";
import { effectiveDate, LEGAL_DOCUMENTS, type LegalDocumentId } from "../../lib/legal/documents";

// Issue 15 item 2: the pages about the exchange and its rules, in both languages, on a phone-sized
// screen: one h1, headings in order, the documents' version line, a working table of contents, the
// footer's links, and nothing wider than the screen.

type Locale = "vi" | "en";

const PAGES: { path: string; h1: Record<Locale, string>; document?: LegalDocumentId }[] = [
  {
    path: "/about",
    h1: { vi: "Giới thiệu Sàn Giao dịch Công nghệ Hà Nội", en: "About the Hanoi Technology Exchange" },
  },
  { path: "/terms", h1: { vi: "Quy chế hoạt động", en: "Terms of use" }, document: "terms" },
  {
    path: "/privacy",
    h1: { vi: "Chính sách bảo vệ dữ liệu cá nhân", en: "Personal data protection policy" },
    document: "privacy",
  },
  { path: "/contact", h1: { vi: "Liên hệ", en: "Contact" } },
];

const FOOTER_LINKS: Record<Locale, [string, string][]> = {
  vi: [
    ["Giới thiệu", "/about"],
    ["Quy chế hoạt động", "/terms"],
    ["Bảo vệ dữ liệu cá nhân", "/privacy"],
    ["Liên hệ", "/contact"],
  ],
  en: [
    ["About", "/en/about"],
    ["Terms of use", "/en/terms"],
    ["Personal data protection", "/en/privacy"],
    ["Contact", "/en/contact"],
  ],
};

const url = (locale: Locale, path: string) => (locale === "vi" ? path : `/en${path}`);

/** "Phiên bản 2026-11-24 · Hiệu lực từ 24 tháng 11, 2026", as the app formats it (the "long" date format). */
function versionLine(locale: Locale, id: LegalDocumentId) {
  const date = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(effectiveDate(id));
  const version = LEGAL_DOCUMENTS[id].version;
  return locale === "vi" ? `Phiên bản ${version} · Hiệu lực từ ${date}` : `Version ${version} · In effect from ${date}`;
}

/** The levels of every heading of the page, in document order. */
const headingLevels = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1])));

for (const locale of ["vi", "en"] as const) {
  for (const { path, h1, document: doc } of PAGES) {
    test(`${url(locale, path)}: one h1, ordered headings, ${doc ? "version line, contents, " : ""}footer links, no sideways scrolling at 390 px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const response = await page.goto(url(locale, path));
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);

      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(h1[locale]);
      await expect(page).toHaveTitle(new RegExp(`^${h1[locale]} · `));
      const levels = await headingLevels(page);
      expect(levels[0]).toBe(1);
      // No level is skipped going down (h1 → h3 would be).
      expect(levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1)).toEqual([]);

      if (doc) {
        const line = page.getByTestId("legal-version");
        await expect(line).toHaveText(versionLine(locale, doc));
        await expect(line.locator("time")).toHaveAttribute("datetime", LEGAL_DOCUMENTS[doc].effectiveFrom);

        // The table of contents lists every section, and its links lead to them.
        const contents = page.getByRole("navigation", { name: locale === "vi" ? "Mục lục" : "Contents" });
        const entries = contents.getByRole("link");
        const sections = page.locator("article > section");
        expect(await entries.count()).toBeGreaterThan(5);
        await expect(entries).toHaveCount(await sections.count());
        const third = entries.nth(2);
        const title = (await third.textContent())!;
        const anchor = (await third.getAttribute("href"))!;
        await third.click();
        await expect(page).toHaveURL(new RegExp(`${anchor}$`));
        await expect(page.locator(anchor).getByRole("heading", { level: 2 })).toHaveText(title);
        await expect(page.locator(anchor).getByRole("heading", { level: 2 })).toBeInViewport();
      } else {
        await expect(page.getByTestId("legal-version")).toHaveCount(0);
      }

      const footer = page.getByRole("contentinfo");
      for (const [name, href] of FOOTER_LINKS[locale]) {
        await expect(footer.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
      }

      // Nothing wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
}

test("the footer leads to the terms and the contact page, which gives the operator's and the Department's contacts", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Quy chế hoạt động", exact: true }).click();
  await expect(page).toHaveURL(/\/terms$/);
  await expect(
    page.getByRole("heading", { level: 2, name: "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Điều 17. Hiệu lực" })).toBeAttached();

  await page.goto("/en");
  await page.getByRole("contentinfo").getByRole("link", { name: "Contact", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/contact$/);
  const support = page.getByRole("region", { name: "User support" });
  await expect(support.getByRole("link", { name: CONTACTS.operator.email })).toHaveAttribute(
    "href",
    `mailto:${CONTACTS.operator.email}`,
  );
  await expect(support.getByRole("link", { name: CONTACTS.operator.phone })).toHaveAttribute(
    "href",
    `tel:${CONTACTS.operator.phoneE164}`,
  );
  await expect(support).toContainText("Monday to Friday, 08:00–17:00");
  await expect(support).toContainText(CONTACTS.operator.address.en);
  const department = page.getByRole("region", { name: "Complaints about the operator" });
  await expect(department.getByRole("link", { name: CONTACTS.department.email })).toBeVisible();
  // The placeholders say they are placeholders.
  expect(CONTACTS.demo).toBe(true);
  await expect(page.getByText("Demonstration: the addresses, phone numbers and mailboxes")).toBeVisible();

  // The privacy notice names its contact point, as a link.
  await page.getByRole("link", { name: "Personal data protection policy" }).first().click();
  await expect(page).toHaveURL(/\/en\/privacy$/);
  await expect(page.getByRole("link", { name: CONTACTS.dataProtection.email }).first()).toHaveAttribute(
    "href",
    `mailto:${CONTACTS.dataProtection.email}`,
  );
  // A Vietnamese name quoted in the English text is marked as Vietnamese.
  await page.goto("/en/about");
  await expect(page.locator('span[lang="vi"]', { hasText: "Sở Khoa học và Công nghệ thành phố Hà Nội" })).toBeVisible();
});

test("the sitemap lists the four pages in both languages, the documents with their effective dates", async ({
  request,
}) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  // Each <url> block by the path of its <loc>.
  const blocks = new Map(
    [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, block]) => [
      new URL(/<loc>([^<]+)<\/loc>/.exec(block!)![1]!).pathname,
      block!,
    ]),
  );
  for (const { path, document: doc } of PAGES) {
    for (const locale of ["vi", "en"] as const) {
      const block = blocks.get(url(locale, path));
      expect(block, url(locale, path)).toBeDefined();
      expect(block).toContain(`hreflang="en"`);
      const lastmod = /<lastmod>([^<]+)<\/lastmod>/.exec(block!)?.[1];
      if (doc) expect(new Date(lastmod!).getTime()).toBe(effectiveDate(doc).getTime());
      else expect(lastmod).toBeUndefined();
    }
  }
});

test("the four pages are the same for everybody and served from the cache", async ({ request }) => {
  for (const { path } of PAGES) {
    for (const locale of ["vi", "en"] as const) {
      const target = url(locale, path);
      const cached = async () => {
        const response = await request.get(target, { maxRedirects: 0 });
        expect(response.status(), target).toBe(200);
        return response.headers()["x-nextjs-cache"];
      };
      await expect.poll(cached, { message: target, intervals: [200, 500, 1000] }).toBe("HIT");
    }
  }
});
