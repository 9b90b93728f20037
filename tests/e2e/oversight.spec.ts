import ExcelJS from "exceljs";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { query, signIn } from "./support";

// Issue 13: the Department's console in a real browser — a target set and judged against the
// seeded activity, the review's downloads carrying the page's numbers, a figure's records, a flag.
test.describe.configure({ mode: "serial" });

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Last month in Vietnam ("2026-10"): a finished period, so a target there is met or missed. */
function lastMonth(): string {
  const vn = new Date(Date.now() + 7 * 3600_000);
  const index = vn.getUTCFullYear() * 12 + vn.getUTCMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** "1.234" (Vietnamese grouping) → 1234. */
const number = (text: string | null) => Number((text ?? "").replace(/[^\d,-]/g, "").replace(",", "."));

test("an officer sets targets; the review shows them met and missed; XLSX and CSV carry the page's numbers", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const period = lastMonth();
  await query("DELETE FROM kpi_targets WHERE period = $1", [period]);
  const officer = await signedIn(browser, "officer@demo.vn");
  await officer.goto(`/admin/targets?period=${period}`);
  const row = officer.locator('[data-testid="target-row"][data-metric="offers_new"]');
  await row.getByRole("textbox").first().fill("100000");
  await row.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(row.getByText("Đã lưu chỉ tiêu.")).toBeVisible();
  const verified = officer.locator('[data-testid="target-row"][data-metric="organizations_verified"]');
  await verified.getByRole("textbox").first().fill("1");
  await verified.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(verified.getByText("Đã lưu chỉ tiêu.")).toBeVisible();

  await officer.goto(`/admin/performance/review?period=${period}`);
  const reviewRow = (metric: string) => officer.locator(`[data-testid="review-table"] tr[data-metric="${metric}"]`);
  await expect(reviewRow("offers_new")).toContainText("Không đạt");
  await expect(reviewRow("organizations_verified")).toContainText("Đạt");
  const pageValue = number(await reviewRow("offers_new").getByTestId("review-value").textContent());
  const pageVerified = number(await reviewRow("organizations_verified").getByTestId("review-value").textContent());

  const csv = await officer.request.get(`/api/admin/performance/review?period=${period}&format=csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
  const csvRow = (label: string) => lines.find((l) => l.startsWith(label))!.split(",");
  expect(Number(csvRow("Công nghệ mới đăng trong kỳ")[2])).toBe(pageValue);
  expect(Number(csvRow("Tổ chức đã xác thực")[2])).toBe(pageVerified);

  const xlsx = await officer.request.get(`/api/admin/performance/review?period=${period}&format=xlsx`);
  expect(xlsx.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const values = new Map<string, unknown>();
  book.worksheets[0]!.eachRow((r) => values.set(String(r.getCell(1).value), r.getCell(3).value));
  expect(values.get("Công nghệ mới đăng trong kỳ")).toBe(pageValue);
  expect(values.get("Tổ chức đã xác thực")).toBe(pageVerified);

  // Nobody outside the Department's staff gets the export.
  const seeker = await signedIn(browser, "seeker@demo.vn");
  expect((await seeker.request.get(`/api/admin/performance/review?period=${period}&format=csv`)).status()).toBe(404);
});

test("a figure of the dashboard opens exactly the records it counts", async ({ browser }) => {
  test.setTimeout(90_000);
  const officer = await signedIn(browser, "officer@demo.vn");
  // A finished month: its figures do not move while other tests publish and withdraw.
  await officer.goto(`/admin/performance?period=${lastMonth()}`);
  const cell = officer.locator('tr[data-metric="offers_published"]').getByTestId("kpi-value");
  const shown = number(await cell.textContent());
  await cell.click();
  await expect(officer).toHaveURL(/\/admin\/performance\/records\?/);
  await expect(officer.getByTestId("records-total")).toContainText(`${shown} bản ghi`);
  await expect(officer.getByTestId("kpi-records").locator("tbody tr")).toHaveCount(Math.min(shown, 50));
});

test("the dashboard's breakdowns and trend name fields, districts, organization types and periods in words", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const officer = await signedIn(browser, "officer@demo.vn");
  /** The row headers of a table: what each row is about. */
  const rowNames = async (testId: string) =>
    (await officer.getByTestId(testId).locator("tbody th").allTextContents()).map((text) => text.trim());
  // A code reads as upper case, digits, "-" and "_" ("ENTERPRISE", "HN-CAUGIAY", "202", "2026-10").
  const code = /^[A-Z0-9]+([-_][A-Z0-9]+)*$/;
  // Two years to today: every seeded record counts (the seed is at most 500 days old).
  const day = (ago: number) => new Date(Date.now() + 7 * 3600_000 - ago * 86_400_000).toISOString().slice(0, 10);
  for (const [dimension, expected] of [
    ["orgType", "Doanh nghiệp"],
    ["district", null],
    ["field", null],
  ] as const) {
    await officer.goto(`/admin/performance?from=${day(730)}&to=${day(0)}&breakdown=${dimension}`);
    const names = await rowNames("breakdown-table");
    expect(names.length, dimension).toBeGreaterThan(0);
    expect(
      names.filter((name) => code.test(name)),
      dimension,
    ).toEqual([]);
    if (expected) expect(names).toContain(expected);
  }
  // The trend's periods (of the current month's page) are months in words, the estimate labelled as such.
  await officer.goto("/admin/performance");
  const periods = await rowNames("trend-table");
  expect(periods.length).toBeGreaterThan(1);
  for (const period of periods) expect(period).toMatch(/^(Tháng \d{1,2}\/\d{4}|Dự báo kỳ sau \(ước tính\))$/);
});

test("an officer flags a deal; the operator answers; the officer closes the flag", async ({ browser }) => {
  test.setTimeout(90_000);
  const [deal] = await query<{ reference: string }>(
    "SELECT reference FROM deals WHERE state = 'REGISTRATION' ORDER BY created_at LIMIT 1",
  );
  const officer = await signedIn(browser, "officer@demo.vn");
  await officer.goto(`/admin/deals/${deal!.reference}`);
  const note = `Đề nghị kiểm tra hồ sơ đăng ký ${Date.now()}`;
  await officer.getByLabel("Ghi chú cho đơn vị vận hành").fill(note);
  await officer.getByRole("button", { name: "Gắn cờ giám sát" }).click();
  await expect(officer.getByText("Đã gắn cờ. Đơn vị vận hành đã được thông báo.")).toBeVisible();

  const operator = await signedIn(browser, "operator@demo.vn");
  await operator.goto("/admin/flags");
  const flag = operator.getByTestId("flag").filter({ hasText: note });
  await flag.getByLabel("Câu trả lời của đơn vị vận hành").fill("Đã liên hệ hai bên, hồ sơ đang được bổ sung.");
  await flag.getByRole("button", { name: "Trả lời" }).click();
  // The flag stays in the operator's view, answered.
  await expect(flag).toContainText("Đã trả lời");
  await expect(flag).toContainText("hồ sơ đang được bổ sung");

  await officer.goto("/admin/flags");
  const answered = officer.getByTestId("flag").filter({ hasText: note });
  await expect(answered).toContainText("hồ sơ đang được bổ sung");
  officer.once("dialog", (dialog) => void dialog.accept());
  await answered.getByRole("button", { name: "Đóng cờ" }).click();
  // A closed flag leaves the active list and is found among the closed ones.
  await expect(officer.getByTestId("flag").filter({ hasText: note })).toHaveCount(0);
  await officer.goto("/admin/flags?state=CLOSED");
  await expect(officer.getByTestId("flag").filter({ hasText: note })).toContainText("Đã đóng");
  const [stored] = await query<{ state: string }>("SELECT state FROM flags WHERE note = $1", [note]);
  expect(stored?.state).toBe("CLOSED");
});
