import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { query } from "./support";

// Issue 13 item 8: the public statistics with the deal funnel and its table, the open data
// downloads and the developer documentation, in a real browser.

/** Offers and demands first published this month (Vietnam time): the funnel's first stage. */
async function listingsPublishedThisMonth(): Promise<number> {
  const month = `date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh'`;
  const [row] = await query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM offers WHERE published_at >= ${month} AND published_at < ${month} + interval '1 month')
           + (SELECT count(*) FROM demands WHERE published_at >= ${month} AND published_at < ${month} + interval '1 month'))::int AS n`,
  );
  return row!.n;
}

/**
 * Whether the funnel table's first stage reads what the database holds now. Other tests publish
 * meanwhile (a publication expires the cached page at once), so a caller polls: reload and read
 * both again until they agree.
 */
async function funnelShowsDatabase(page: Page) {
  const expected = (await listingsPublishedThisMonth()).toLocaleString("en-GB");
  const cell = page
    .getByRole("region", { name: "Deal funnel" })
    .getByRole("row", { name: /^Listings published/ })
    .getByRole("cell")
    .first();
  if ((await cell.textContent())?.trim() === expected) return true;
  await page.reload();
  return false;
}

test("the public statistics show the deal funnel with its data table, by period, without sideways scrolling on a phone", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/en/statistics");
  await expect(page.getByRole("heading", { level: 1, name: "Public statistics" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Deal funnel" })).toBeVisible();
  const funnel = page.getByRole("region", { name: "Deal funnel" });
  // The header and the seven stages, in order.
  await expect(funnel.getByRole("row")).toHaveCount(8);
  const stages = [
    "Listings published",
    "Matches suggested",
    "Transfer requests",
    "Non-disclosure agreements",
    "Contracts signed",
    "Contracts registered",
  ];
  for (const [i, stage] of stages.entries()) {
    await expect(funnel.getByRole("row").nth(i + 1)).toContainText(stage);
  }
  await expect(funnel.getByRole("columnheader", { name: "Conversion" })).toBeVisible();
  await expect.poll(() => funnelShowsDatabase(page), { intervals: [500, 1000, 2000] }).toBe(true);

  // The other charts have their tables too.
  await expect(page.getByRole("region", { name: "By technology readiness level (TRL)" }).getByRole("row")).toHaveCount(
    10,
  );
  await expect(page.getByRole("heading", { level: 2, name: "Contracts and their value by quarter" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "The operator's on-time rates" })).toBeVisible();

  // Nothing wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The period is chosen by URL: this quarter, then the year, each its own page.
  const [quarter] = await query<{ key: string }>(
    `SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q') AS key`,
  );
  await page.getByRole("link", { name: "Quarter", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/en/statistics/${quarter!.key}$`));
  await expect(page.getByTestId("statistics-period")).toHaveText(
    `Q${quarter!.key.slice(-1)} ${quarter!.key.slice(0, 4)}`,
  );
  await expect(page.getByRole("region", { name: "Deal funnel" }).getByRole("row")).toHaveCount(8);
  await page.getByRole("link", { name: "Year", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/en/statistics/${quarter!.key.slice(0, 4)}$`));
  // A period that has not started is not a page.
  expect((await page.request.get("/en/statistics/2999")).status()).toBe(404);
});

test("the open data page names the licence and downloads a CSV that Excel reads as UTF-8", async ({ page }) => {
  await page.goto("/open-data");
  await expect(page.getByRole("heading", { level: 1, name: "Dữ liệu mở" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Creative Commons Attribution 4\.0/ })).toBeVisible();
  await expect(page.getByText("Đề xuất — chờ Sở Khoa học và Công nghệ xác nhận.")).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải Công nghệ chào bán – CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("offers.csv");
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0]!.startsWith("id,slug,url,titleVi,titleEn")).toBe(true);
  const [published] = await query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE status = 'PUBLISHED'");
  // Every published offer is a record (other tests may publish meanwhile; titles may hold line breaks only when quoted).
  expect(lines.filter((l) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(l)).length).toBeGreaterThanOrEqual(published!.n - 5);
  // No user's e-mail in the file.
  const emails = await query<{ email: string }>("SELECT email FROM users");
  const text = bytes.toString("utf8");
  for (const { email } of emails) expect(text).not.toContain(email);

  // The audit-chain heads are listed as a dataset with their own links.
  await expect(page.getByRole("link", { name: "Tải Đầu chuỗi nhật ký kiểm toán – CSV" })).toHaveAttribute(
    "href",
    "/api/v1/audit-heads?format=csv",
  );
});

test("the developer page lists the statistics endpoint from the OpenAPI document", async ({ page, request }) => {
  await page.goto("/en/developers");
  await expect(page.getByRole("heading", { level: 1, name: "API for developers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "GET /api/v1/statistics" })).toBeVisible();
  const section = page.getByRole("region", { name: "GET /api/v1/statistics" });
  await expect(section.getByRole("rowheader", { name: "period" })).toBeVisible();
  await expect(section.getByText('curl "', { exact: false })).toContainText("/api/v1/statistics?period=");
  await expect(section.getByText("Example response")).toBeVisible();

  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  const body = (await document.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(body.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(body.paths)).toContain("/api/v1/statistics");

  await page.goto("/developers");
  await expect(page.getByRole("heading", { level: 1, name: "API cho nhà phát triển" })).toBeVisible();
  await expect(page.getByText("Thống kê công khai của một kỳ").first()).toBeVisible();
});
