import { expect, test } from "@playwright/test";
import { createDraft, PDF, PNG, query, signIn, unique } from "./support";

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
