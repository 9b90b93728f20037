import { expect, test, type Page } from "@playwright/test";
import { createDraft, fillOffer, PDF, PNG, query, signIn, unique } from "./support";

async function decide(page: Page, title: string, decision: "Duyệt và công bố" | "Từ chối", reason?: string) {
  await page.goto("/admin/moderation");
  await page.getByRole("link", { name: title }).click();
  if (reason) await page.getByLabel("Lý do (bắt buộc khi từ chối)").fill(reason);
  await page.getByRole("button", { name: decision, exact: true }).click();
  // The decision is confirmed in a dialog (issue #15 item 3).
  await page
    .getByRole("dialog")
    .getByRole("button", { name: decision === "Từ chối" ? "Xác nhận từ chối" : "Xác nhận duyệt" })
    .click();
  await expect(page).toHaveURL(/\/admin\/moderation\?done=/);
  await expect(page.getByText(decision === "Từ chối" ? "Đã từ chối" : "Đã duyệt")).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
}

test("a provider lists an offer with an image and a PDF; the operator approves it; it is public in both languages", async ({
  browser,
}) => {
  test.slow(); // a journey (three people, two sign-ins, two uploads): 90 s, so a busy machine does not time it out
  const title = `Chế phẩm enzyme thủy phân phụ phẩm ${unique()}`;
  const provider = await browser.newPage();
  await signIn(provider, "provider@demo.vn");
  await createDraft(provider, title);
  await provider.getByLabel("Chọn tệp").setInputFiles({ name: "anh-san-pham.png", mimeType: "image/png", buffer: PNG });
  await provider.getByRole("combobox", { name: "Loại", exact: true }).selectOption("IMAGE");
  await provider.getByRole("button", { name: "Tải lên" }).click();
  await expect(provider.getByRole("link", { name: "anh-san-pham.png" })).toBeVisible();
  await provider
    .getByLabel("Chọn tệp")
    .setInputFiles({ name: "quy-trình.pdf", mimeType: "application/pdf", buffer: PDF });
  await provider.getByRole("combobox", { name: "Loại", exact: true }).selectOption("DOCUMENT");
  await provider.getByRole("button", { name: "Tải lên" }).click();
  await expect(provider.getByRole("link", { name: "quy-trình.pdf" })).toBeVisible();
  await provider.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(provider.getByText("Đã gửi kiểm duyệt.")).toBeVisible();

  const operator = await browser.newPage();
  await signIn(operator, "operator@demo.vn");
  await decide(operator, title, "Duyệt và công bố");

  const [row] = await query<{ slug: string; status: string }>("SELECT slug, status FROM offers WHERE title_vi = $1", [
    title,
  ]);
  expect(row!.status).toBe("PUBLISHED");
  const visitor = await browser.newPage();
  await visitor.goto("/technologies");
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await visitor.goto(`/technologies/${row!.slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByRole("img", { name: "anh-san-pham.png" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: /quy-trình\.pdf/ })).toBeVisible();
  await visitor.goto(`/en/technologies/${row!.slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: `${title} (EN)` })).toBeVisible();
  const pdf = await visitor.request.get(
    (await visitor.getByRole("link", { name: /quy-trình\.pdf/ }).getAttribute("href"))!,
  );
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});

test("a rejected offer shows the operator's reason to its owner", async ({ browser }) => {
  test.slow(); // a journey (two people, two sign-ins): 90 s, so a busy machine does not time it out
  const title = `Công nghệ thiếu hồ sơ ${unique()}`;
  const provider = await browser.newPage();
  await signIn(provider, "provider@demo.vn");
  const id = await createDraft(provider, title);
  await provider.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(provider.getByText("Đã gửi kiểm duyệt.")).toBeVisible();

  const operator = await browser.newPage();
  await signIn(operator, "operator@demo.vn");
  await decide(operator, title, "Từ chối", "Cần bổ sung kết quả thử nghiệm độc lập.");

  await provider.goto(`/account/offers/${id}`);
  await expect(provider.getByText("Tin bị từ chối — lý do từ đơn vị vận hành")).toBeVisible();
  await expect(provider.getByText("Cần bổ sung kết quả thử nghiệm độc lập.")).toBeVisible();
  await provider.goto("/account/notifications");
  await expect(provider.getByText(title).first()).toBeVisible();
});

test("a prohibited technology cannot be submitted, and the reason is shown", async ({ page }) => {
  await signIn(page, "provider@demo.vn");
  const title = `Tấm lợp fibro amiăng giá rẻ ${unique()}`;
  await createDraft(page, title, { sector: "205" });
  await page.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(page.getByText(/Không thể gửi: công nghệ thuộc danh mục cấm chuyển giao/)).toBeVisible();
  await page.reload();
  await expect(page.getByText("Không thể công bố: công nghệ thuộc danh mục cấm chuyển giao")).toBeVisible();
  const [row] = await query<{ status: string }>("SELECT status FROM offers WHERE title_vi = $1", [title]);
  expect(row!.status).toBe("DRAFT");
});

test("a restricted technology waits for a department officer, who can approve it", async ({ browser }) => {
  test.slow(); // a journey (three sign-ins): 90 s, so a busy machine does not time it out
  const title = `Thiết bị gây nhiễu sóng bảo vệ sân bay ${unique()}`;
  const provider = await browser.newPage();
  await signIn(provider, "provider@demo.vn");
  await createDraft(provider, title, { sector: "202" });
  await provider.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(
    provider.getByText("Tin thuộc danh mục hạn chế chuyển giao và đang chờ cán bộ Sở quyết định."),
  ).toBeVisible();

  const operator = await browser.newPage();
  await signIn(operator, "operator@demo.vn");
  await operator.goto("/admin/moderation");
  await operator.getByRole("link", { name: title }).click();
  await expect(operator.getByText("cán bộ Sở quyết định")).toBeVisible();
  await expect(operator.getByRole("button", { name: "Duyệt và công bố" })).toHaveCount(0);

  const officer = await browser.newPage();
  await signIn(officer, "officer@demo.vn");
  await decide(officer, title, "Duyệt và công bố");
  const [row] = await query<{ status: string }>("SELECT status FROM offers WHERE title_vi = $1", [title]);
  expect(row!.status).toBe("PUBLISHED");
});

test("an account whose e-mail is not confirmed can save a draft but not submit it, and is told why", async ({
  page,
}) => {
  // A member of the provider's organization who never opened the confirmation link.
  const email = `chua-xac-nhan-${unique()}@demo.vn`;
  await query(
    `INSERT INTO users (email, name, password_hash, roles, organization_id, org_role, email_verified_at, updated_at)
     SELECT $1, 'Người Chưa Xác Nhận', password_hash, roles, organization_id, 'MEMBER', NULL, now() FROM users WHERE email = 'provider@demo.vn'`,
    [email],
  );
  await signIn(page, email);
  const title = `Công nghệ của người chưa xác nhận email ${unique()}`;
  await createDraft(page, title);
  await page.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(
    page.getByText("Bạn cần xác nhận địa chỉ email trước khi gửi kiểm duyệt hoặc gia hạn tin."),
  ).toBeVisible();
  const [row] = await query<{ status: string }>("SELECT status FROM offers WHERE title_vi = $1", [title]);
  expect(row!.status).toBe("DRAFT");
});

test("bad listing input gets clear errors and saves nothing", async ({ page }) => {
  await signIn(page, "provider@demo.vn");
  await page.goto("/technologies/new");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText(/mục cần sửa/)).toBeVisible();
  await expect(page.getByLabel("Tên công nghệ (tiếng Việt)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Chọn ít nhất một mục.").first()).toBeVisible();

  const title = `Kiểm tra dữ liệu xấu ${unique()}`;
  await fillOffer(page, title);
  // A hostile client can post values the form never offers.
  await page.locator("select[name=trl]").evaluate((el: HTMLSelectElement) => {
    el.add(new Option("10", "10"));
    el.value = "10";
  });
  await page.getByLabel("Khoảng giá (VND)").check();
  await page.getByLabel("Giá từ (VND)").fill("-5");
  await page.getByLabel("Giá đến (VND)").fill("100");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText("TRL phải từ 1 đến 9.")).toBeVisible();
  await expect(page.getByText("Không được là số âm.")).toBeVisible();
  await expect(page.getByLabel("Tên công nghệ (tiếng Việt)")).toHaveValue(title); // nothing typed is lost

  await page.getByRole("combobox", { name: "Mức độ sẵn sàng công nghệ (TRL)", exact: true }).selectOption("6");
  await page.getByLabel("Giá từ (VND)").fill("900.000.000");
  await page.getByLabel("Giá đến (VND)").fill("100.000.000");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText("Giá trị tối thiểu lớn hơn giá trị tối đa.")).toBeVisible();
  expect((await query("SELECT 1 FROM offers WHERE title_vi = $1", [title])).length).toBe(0);
});

test("a script in the description is shown as text, and bad files are refused", async ({ page }) => {
  test.slow(); // a journey (an 11 MB upload): 90 s, so a busy machine does not time it out
  await signIn(page, "provider@demo.vn");
  const title = `Mô tả có thẻ script ${unique()}`;
  const id = await createDraft(page, title, {
    description: 'Mô tả <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2"> đủ dài để hợp lệ.',
  });
  await page.reload();
  await expect(page.getByLabel("Mô tả chi tiết")).toHaveValue(/<script>window.__pwned = 1<\/script>/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await page.getByLabel("Chọn tệp").setInputFiles({
    name: "tai-lieu.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByText(/Định dạng không được chấp nhận/)).toBeVisible();
  await page.getByLabel("Chọn tệp").setInputFiles({
    name: "qua-lon.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024)]),
  });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByText(/Tệp vượt quá 10 MB/)).toBeVisible();
  expect((await query("SELECT 1 FROM attachments WHERE offer_id = $1", [id])).length).toBe(0);
});
