import { expect, test, type Page } from "@playwright/test";
import { query, signIn, unique } from "./support";

// A 1×1 PNG and a one-page PDF, built here so the test needs no fixture files.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A fresh draft offer of the provider's organization, saved through the real form. */
async function createDraft(page: Page, title: string): Promise<string> {
  await page.goto("/account/offers/new");
  await page.getByLabel("Tên công nghệ (tiếng Việt)").fill(title);
  await page.getByLabel("Tên công nghệ (tiếng Anh)").fill(`${title} (EN)`);
  await page
    .getByLabel("Tóm tắt (tiếng Việt)")
    .fill("Công nghệ đã thử nghiệm tại doanh nghiệp, sẵn sàng chuyển giao cho sản xuất.");
  await page
    .getByLabel("Mô tả chi tiết")
    .fill("Quy trình gồm ba bước: tiền xử lý, lên men, tinh chế. Hiệu suất thu hồi trên 85%, chi phí thấp.");
  await page.getByRole("combobox", { name: "Lĩnh vực", exact: true }).selectOption("209");
  await page.getByLabel("Từ khóa").fill("lên men, enzyme");
  await page.getByRole("combobox", { name: "Mức độ sẵn sàng công nghệ (TRL)", exact: true }).selectOption("6");
  await page.getByRole("combobox", { name: "Tình trạng sở hữu trí tuệ", exact: true }).selectOption("KNOW_HOW");
  await page.getByLabel("Bí quyết kỹ thuật, bí quyết công nghệ").check();
  await page.getByLabel("Chuyển giao độc lập").check();
  await page.getByLabel("Đào tạo cho bên nhận").check();
  await page.getByRole("combobox", { name: "Địa bàn", exact: true }).selectOption("HN-CAUGIAY");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp")).toBeVisible();
  return page.url().split("/").pop()!.split("?")[0]!;
}

test("a provider uploads files through the streaming upload route; bad files get a clear message", async ({ page }) => {
  test.slow(); // a journey (a draft, four uploads and an 11 MB request): 90 s, so a busy machine does not time it out
  await signIn(page, "provider@demo.vn");
  const id = await createDraft(page, `Tệp đính kèm qua luồng tải lên ${unique()}`);

  // The form posts to /api/uploads (not to a server action) and the list refreshes by itself.
  const posted = page.waitForRequest(
    (r) => r.method() === "POST" && r.url().includes(`/api/uploads?for=offer&id=${id}&kind=IMAGE`),
  );
  await page.getByLabel("Chọn tệp").setInputFiles({ name: "sơ đồ.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("combobox", { name: "Loại", exact: true }).selectOption("IMAGE");
  await page.getByRole("button", { name: "Tải lên" }).click();
  await posted;
  await expect(page.getByText("Đã tải tệp lên.")).toBeVisible();
  await expect(page.getByRole("link", { name: "sơ đồ.png" })).toBeVisible();
  const [row] = await query<{ id: string; kind: string; mime_type: string }>(
    "SELECT id, kind, mime_type FROM attachments WHERE offer_id = $1",
    [id],
  );
  expect(row).toMatchObject({ kind: "IMAGE", mime_type: "image/png" });
  const served = await page.request.get(`/api/files/${row!.id}`);
  expect(served.status()).toBe(200);
  expect(Buffer.from(await served.body()).equals(PNG)).toBe(true);

  // Refused by content, by name, and before sending (too large): the message sits under the field.
  await page.getByRole("combobox", { name: "Loại", exact: true }).selectOption("DOCUMENT");
  await page.getByLabel("Chọn tệp").setInputFiles({
    name: "tai-lieu.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByText(/Định dạng không được chấp nhận/)).toBeVisible();
  await page
    .getByLabel("Chọn tệp")
    .setInputFiles({ name: "bao\u0001cao.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByText(/Tên tệp chứa ký tự điều khiển/)).toBeVisible();
  await page.getByLabel("Chọn tệp").setInputFiles({
    name: "qua-lon.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]),
  });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByText(/Tệp vượt quá 10 MB/)).toBeVisible();
  expect((await query("SELECT 1 FROM attachments WHERE offer_id = $1", [id])).length).toBe(1);

  // The route itself: an oversized body is refused by its declared length, as JSON.
  const tooBig = await page.request.post(`/api/uploads?for=offer&id=${id}&kind=DOCUMENT`, {
    multipart: {
      file: {
        name: "lon.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]),
      },
    },
  });
  expect(tooBig.status()).toBe(413);
  expect(await tooBig.json()).toMatchObject({ ok: false, code: "too_large", message: "errors.too_large" });
});

test("the upload route answers 401 to a signed-out request", async ({ request }) => {
  const response = await request.post("/api/uploads?for=organization", {
    multipart: { file: { name: "x.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ ok: false, code: "unauthenticated" });
});
