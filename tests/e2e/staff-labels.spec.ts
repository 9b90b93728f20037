import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import * as PrismaEnums from "../../lib/generated/prisma/enums";
import { fillOffer, query, signIn, unique } from "./support";

// Issue 15 item 3: staff screens speak Vietnamese. The moderation review page shows every field in
// words (no enum code, no true/false), an edit of a published listing side by side, a checklist,
// ready-made rejection reasons, and takes no decision without a confirmation; the other staff
// tables show words too.
test.describe.configure({ mode: "serial" });

/** Every value of every Prisma enum that reads as a code: UPPER_CASE with underscores, 3 characters or more. */
const CODES = [
  ...new Set(
    (Object.values(PrismaEnums) as unknown[])
      .filter((value): value is Record<string, string> => typeof value === "object" && value !== null)
      .flatMap((values) => Object.values(values)),
  ),
].filter((code) => /^[A-Z][A-Z0-9_]{2,}$/.test(code));

/** The codes (and literal true/false) found as whole words in the page's visible text. */
async function rawCodes(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const word = (w: string) => new RegExp(`(?<![A-Za-z0-9_])${w}(?![A-Za-z0-9_])`);
  return [...CODES, "true", "false"].filter((code) => word(code).test(text));
}

async function expectNoRawCodes(page: Page) {
  await expect(page.locator("main h1").first()).toBeVisible();
  expect(await rawCodes(page), page.url()).toEqual([]);
}

/** What axe (WCAG 2.0/2.1 A and AA) finds on the page as it is now: rule and offending nodes. */
async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

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

const title = `Quy trình lên men enzyme nhãn dễ đọc ${unique()}`;
let offerId = "";

test("the enum list the check reads is the schema's", () => {
  // A few that must be there, so an import that read nothing cannot pass the page checks.
  expect(CODES).toEqual(expect.arrayContaining(["PATENT", "KNOW_HOW", "RANGE", "SUBMITTED", "OPERATOR", "EOI_SENT"]));
});

test("the operator reviews a pending offer in words, goes through the checklist, and approves after confirming", async ({
  browser,
}) => {
  test.slow(); // two people, two sign-ins, a form
  const provider = await signedIn(browser, "provider@demo.vn");
  await provider.goto("/technologies/new");
  await fillOffer(provider, title);
  await provider.getByLabel("Khoảng giá (VND)").check();
  await provider.getByLabel("Giá từ (VND)").fill("150.000.000");
  await provider.getByLabel("Giá đến (VND)").fill("300.000.000");
  await provider.getByLabel("Kết quả nghiên cứu sử dụng ngân sách nhà nước").check();
  await provider.getByLabel("Chương trình / nhiệm vụ tài trợ").fill("Nhiệm vụ cấp thành phố");
  await provider.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(provider.getByText("Đã lưu bản nháp")).toBeVisible();
  offerId = provider.url().split("/").pop()!.split("?")[0]!;
  await provider.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(provider.getByText("Đã gửi kiểm duyệt.")).toBeVisible();

  const operator = await signedIn(browser, "operator@demo.vn");
  await operator.goto(`/admin/moderation/offer/${offerId}`);
  await expect(operator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoRawCodes(operator);
  // Codes read as words: IP status, price with ₫ and thousands separators, TRL with its meaning, the
  // district, the sector's name, yes/no.
  const content = operator.getByRole("region", { name: "Nội dung", exact: true });
  await expect(content).toContainText("Bí quyết / bí mật kinh doanh");
  await expect(content).toContainText(/150\.000\.000\s₫\s–\s300\.000\.000\s₫/);
  await expect(content).toContainText("TRL 6 — Được trình diễn trong môi trường liên quan");
  await expect(content).toContainText("Cầu Giấy");
  await expect(content).toContainText("Bí quyết kỹ thuật, bí quyết công nghệ");
  const [sector] = await query<{ name: string }>("SELECT name_vi AS name FROM taxonomy_nodes WHERE code = '209'");
  await expect(content).toContainText(sector!.name);
  await expect(content.locator("dd").filter({ hasText: /^Có$/ })).toHaveCount(1);
  await expect(operator.getByRole("region", { name: "Thông tin hồ sơ", exact: true })).toContainText("Chờ kiểm duyệt");
  expect(await axeViolations(operator)).toEqual([]);

  // The checklist, with what the page knows: each point ticked.
  const checklist = operator.getByRole("group", { name: "Danh sách kiểm tra" });
  await expect(checklist.getByTestId("check-fact-price")).toContainText("150.000.000");
  const checks = checklist.getByRole("checkbox");
  const total = await checks.count();
  expect(total).toBeGreaterThanOrEqual(6);
  await expect(checklist).toContainText(`Đã kiểm tra 0/${total} mục`);
  for (let i = 0; i < total; i++) await checks.nth(i).check();
  await expect(checklist).toContainText(`Đã kiểm tra ${total}/${total} mục`);

  // A ready-made reason fills the reason, which stays editable; rejecting asks first, and "back" sends nothing.
  const reasonText = "Thông tin chưa đầy đủ: cần bổ sung mô tả, thông số kỹ thuật hoặc kết quả thử nghiệm.";
  const reasons = operator.getByRole("group", { name: "Lý do từ chối soạn sẵn" });
  const reasonBox = operator.getByLabel("Lý do (bắt buộc khi từ chối)");
  await reasons.getByRole("checkbox", { name: reasonText }).check();
  await expect(reasonBox).toHaveValue(reasonText);
  await reasonBox.press("End");
  await reasonBox.pressSequentially(" Xin bổ sung.");
  await expect(reasons.getByRole("checkbox", { name: reasonText })).not.toBeChecked();
  await reasonBox.fill(reasonText);
  await expect(reasons.getByRole("checkbox", { name: reasonText })).toBeChecked();
  await operator.getByRole("button", { name: "Từ chối", exact: true }).click();
  const rejectDialog = operator.getByRole("dialog", { name: "Từ chối tin này?" });
  await expect(rejectDialog).toBeVisible();
  await expect(rejectDialog).toContainText(reasonText);
  await rejectDialog.getByRole("button", { name: "Quay lại" }).click();
  await expect(rejectDialog).toBeHidden();
  await reasons.getByRole("checkbox", { name: reasonText }).uncheck();
  await expect(reasonBox).toHaveValue("");

  // One click on "approve" only opens the confirmation.
  await operator.getByRole("button", { name: "Duyệt và công bố" }).click();
  const approveDialog = operator.getByRole("dialog", { name: "Duyệt và công bố tin này?" });
  await expect(approveDialog).toBeVisible();
  await expect(approveDialog).toContainText(`Đã kiểm tra ${total}/${total} mục`);
  await expect(approveDialog.getByRole("button", { name: "Quay lại" })).toBeFocused();
  await expectNoRawCodes(operator);
  expect(await axeViolations(operator)).toEqual([]);
  const [waiting] = await query<{ status: string }>("SELECT status FROM offers WHERE id = $1", [offerId]);
  expect(waiting!.status).toBe("SUBMITTED");
  await approveDialog.getByRole("button", { name: "Xác nhận duyệt" }).click();
  await expect(operator).toHaveURL(/\/admin\/moderation\?done=approved/);
  await expect(operator.getByText("Đã duyệt")).toBeVisible();

  const [row] = await query<{ status: string }>("SELECT status FROM offers WHERE id = $1", [offerId]);
  expect(row!.status).toBe("PUBLISHED");
  // The server action and its audit event are the same as before: one approval, by the operator.
  const events = await query<{ action: string; actor_role: string }>(
    "SELECT action, actor_role FROM audit_events WHERE entity_id = $1 AND action = 'offer.approve'",
    [offerId],
  );
  expect(events).toEqual([{ action: "offer.approve", actor_role: "OPERATOR" }]);
});

test("an edit of a published offer is reviewed side by side, in words, stacked on a phone", async ({ browser }) => {
  test.slow();
  // Serial: the previous test published this offer (a failure there stops the file before this one).
  expect(offerId, "the offer published by the previous test").not.toBe("");
  const provider = await signedIn(browser, "provider@demo.vn");
  await provider.goto(`/account/offers/${offerId}`);
  await provider.getByRole("combobox", { name: "Tình trạng sở hữu trí tuệ", exact: true }).selectOption("PATENT");
  await provider.getByLabel("Số văn bằng / số đơn").fill("1-0031234");
  await provider.getByRole("combobox", { name: "Địa bàn", exact: true }).selectOption("HN-HOANKIEM");
  await provider.getByLabel("Cử chuyên gia tư vấn kỹ thuật").check();
  await provider.getByRole("button", { name: "Gửi bản chỉnh sửa để kiểm duyệt" }).click();
  await expect(provider.getByText("Đã gửi bản chỉnh sửa để kiểm duyệt")).toBeVisible();

  const operator = await signedIn(browser, "operator@demo.vn");
  await operator.goto(`/admin/moderation/offer/${offerId}`);
  const diff = operator.getByTestId("revision-diff");
  await expect(diff).toBeVisible();
  await expectNoRawCodes(operator);
  await expect(diff.getByTestId("diff-ipStatus")).toContainText("Bí quyết / bí mật kinh doanh");
  await expect(diff.getByTestId("diff-ipStatus")).toContainText("Bằng độc quyền sáng chế");
  await expect(diff.getByTestId("diff-location")).toContainText("Cầu Giấy");
  await expect(diff.getByTestId("diff-location")).toContainText("Hoàn Kiếm");
  await expect(diff.getByTestId("diff-transferMethods")).toContainText("Cử chuyên gia tư vấn kỹ thuật (thêm mới)");
  // Unchanged fields are not in the comparison.
  await expect(diff.getByTestId("diff-description")).toHaveCount(0);
  await expect(diff.getByTestId("diff-price")).toHaveCount(0);
  expect(await axeViolations(operator)).toEqual([]);

  // Side by side on a desktop, stacked under 640 px.
  const cells = diff.getByTestId("diff-location").locator(":scope > div > div");
  await operator.setViewportSize({ width: 1280, height: 900 });
  let [before, after] = [(await cells.nth(0).boundingBox())!, (await cells.nth(1).boundingBox())!];
  expect(Math.abs(before.y - after.y)).toBeLessThan(2);
  expect(after.x).toBeGreaterThan(before.x + before.width - 1);
  await operator.setViewportSize({ width: 390, height: 800 });
  [before, after] = [(await cells.nth(0).boundingBox())!, (await cells.nth(1).boundingBox())!];
  expect(after.y).toBeGreaterThanOrEqual(before.y + before.height - 1);
  await expect(cells.nth(0)).toContainText("Đang công bố");
  await expect(cells.nth(1)).toContainText("Đề xuất thay đổi");
  await operator.setViewportSize({ width: 1280, height: 900 });

  await operator.getByRole("button", { name: "Duyệt và công bố" }).click();
  const dialog = operator.getByRole("dialog", { name: "Duyệt và công bố tin này?" });
  await expect(dialog).toContainText("Bản chỉnh sửa sẽ thay thế phiên bản đang công bố");
  await dialog.getByRole("button", { name: "Xác nhận duyệt" }).click();
  await expect(operator).toHaveURL(/\/admin\/moderation\?done=approved/);
  const [row] = await query<{ location: string; ip_status: string; pending: unknown }>(
    "SELECT location, ip_status, pending_revision AS pending FROM offers WHERE id = $1",
    [offerId],
  );
  expect(row).toEqual({ location: "HN-HOANKIEM", ip_status: "PATENT", pending: null });
});

test("the audit log's history of the edited offer names every field and value in words", async ({ browser }) => {
  // Serial: the offer created, published and edited by the tests above.
  expect(offerId, "the offer edited by the previous test").not.toBe("");
  const auditor = await signedIn(browser, "auditor@demo.vn");
  await auditor.goto(`/admin/audit/entity/offer/${offerId}`);
  await expect(auditor.getByRole("heading", { level: 1 })).toContainText("Lịch sử");
  const events = auditor.locator("main ol > li");
  await expect(events.first()).toBeVisible();
  expect(await events.count()).toBeGreaterThanOrEqual(4); // created, submitted, approved, edited…
  await expectNoRawCodes(auditor);
  // Field labels of the owner's form and the log, never a column name (the fallback for a field
  // nothing names is its key in a <code>).
  const main = auditor.locator("main");
  await expect(main.locator("td code")).toHaveCount(0);
  const text = await main.innerText();
  for (const key of ["ipStatus", "sectorCode", "priceMin", "transferMethods", "stateFunded", "screening"]) {
    expect(text).not.toMatch(new RegExp(`\\b${key}\\b`));
  }
  await expect(main).toContainText("Tình trạng sở hữu trí tuệ");
  await expect(main).toContainText("Phương thức chuyển giao");
  // Values in words: the edit's IP status and district, the price in đồng, the sector by name, yes/no.
  // The edit's row: its old value, then its new one (the creation and the approval have one side each).
  const edit = main
    .getByRole("row")
    .filter({ hasText: "Tình trạng sở hữu trí tuệ" })
    .filter({ hasText: "Bí quyết / bí mật kinh doanh" })
    .filter({ hasText: "Bằng độc quyền sáng chế" });
  await expect(edit).toHaveCount(1);
  await expect(main).toContainText("Hoàn Kiếm");
  await expect(main).toContainText(/150\.000\.000\s₫/);
  const [sector] = await query<{ name: string }>("SELECT name_vi AS name FROM taxonomy_nodes WHERE code = '209'");
  await expect(main).toContainText(sector!.name);
  await expect(main).toContainText("Đang công bố");
  // What the log holds stays at hand for the auditor.
  await expect(edit.getByTitle(/PATENT/)).toHaveText("Bằng độc quyền sáng chế");
  expect(await axeViolations(auditor)).toEqual([]);

  await auditor.goto(`/en/admin/audit/entity/offer/${offerId}`);
  await expectNoRawCodes(auditor);
  await expect(auditor.locator("main")).toContainText("Intellectual property status");
});

test("review pages of other pending listings, in Vietnamese and English, show no codes", async ({ browser }) => {
  const operator = await signedIn(browser, "operator@demo.vn");
  const pending = await query<{ kind: string; id: string }>(
    `(SELECT 'offer' AS kind, id FROM offers WHERE status = 'SUBMITTED' ORDER BY submitted_at LIMIT 2)
     UNION ALL (SELECT 'demand', id FROM demands WHERE status = 'SUBMITTED' ORDER BY submitted_at LIMIT 2)`,
  );
  expect(pending.some((p) => p.kind === "demand")).toBe(true);
  for (const { kind, id } of pending) {
    for (const prefix of ["", "/en"]) {
      await operator.goto(`${prefix}/admin/moderation/${kind}/${id}`);
      await expectNoRawCodes(operator);
    }
  }
  await operator.goto("/en/admin/moderation");
  await expectNoRawCodes(operator);
});

test("the other staff tables show words, not codes", async ({ browser }) => {
  test.slow(); // three roles, a dozen pages
  const [deal] = await query<{ reference: string }>(
    "SELECT reference FROM deals WHERE state = 'REGISTRATION' ORDER BY created_at LIMIT 1",
  );
  const pages: Record<string, string[]> = {
    "operator@demo.vn": [
      "/admin/moderation",
      "/admin/organizations",
      "/admin/deals",
      `/admin/deals/${deal!.reference}`,
      "/admin/registrations",
      "/admin/flags",
      "/admin/flags?state=all",
      "/admin/screening",
      "/en/admin/screening",
    ],
    "auditor@demo.vn": ["/admin/audit", "/en/admin/audit"],
    "admin@demo.vn": ["/admin/users", "/en/admin/users"],
    "officer@demo.vn": ["/admin/performance?breakdown=orgType", "/admin/performance/review", "/en/admin/performance"],
  };
  const failures: string[] = [];
  for (const [email, paths] of Object.entries(pages)) {
    const page = await signedIn(browser, email);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      const found = await rawCodes(page);
      if (found.length) failures.push(`${email} ${path}: ${found.join(", ")}`);
    }
    if (email === "operator@demo.vn") {
      // A list entry names its sectors, not their codes.
      await page.goto("/admin/screening");
      const entry = page.getByRole("article").filter({ hasText: "[Mẫu] Công nghệ mật mã dân sự" });
      const names = await query<{ name: string }>(
        "SELECT name_vi AS name FROM taxonomy_nodes WHERE code IN ('102', '202') ORDER BY code",
      );
      expect(names).toHaveLength(2);
      await expect(entry).toContainText(`${names[0]!.name}, ${names[1]!.name}`);
      await expect(entry).not.toContainText("102, 202");
    }
  }
  expect(failures).toEqual([]);
});
