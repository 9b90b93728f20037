import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { vnDateKey } from "../../lib/calendar/working-days";
import { reviewEta } from "../../lib/listings/review-eta";
import { createDraft, query, signIn, unique } from "./support";

// Issue #15 item 4: after submitting, the owner sees one clear state (what happens next, the
// expected decision date, whom to contact), a read-only preview of what was submitted, no form,
// and no banner left over from an earlier step, in Vietnamese and in English.

/** The expected decision date (YYYY-MM-DD, Vietnam) for the stored submission time. */
async function expectedDate(id: string): Promise<string> {
  const [row] = await query<{ submitted_at: Date | null }>("SELECT submitted_at FROM offers WHERE id = $1", [id]);
  expect(row?.submitted_at).toBeTruthy();
  return vnDateKey(reviewEta(row!.submitted_at!, new Date()).expectedBy);
}

async function expectSubmittedState(
  page: Page,
  texts: { state: string; contact: string; preview: string },
  day: string,
) {
  const panel = page.getByTestId("listing-status");
  // One status panel, in the submitted state, with the expected date and the contact link.
  await expect(panel).toHaveCount(1);
  await expect(panel).toHaveAttribute("data-status", "SUBMITTED");
  await expect(panel.getByRole("heading", { level: 2, name: texts.state })).toBeVisible();
  await expect(page.getByText(texts.state)).toHaveCount(1);
  await expect(panel.getByTestId("review-expected").locator("time")).toHaveAttribute("datetime", day);
  await expect(panel.getByRole("link", { name: texts.contact })).toHaveAttribute("href", /\/contact$/);
  // A read-only preview instead of the form.
  await expect(page.getByRole("region", { name: texts.preview })).toBeVisible();
  await expect(page.locator("form input[name=titleVi], form textarea[name=description]")).toHaveCount(0);
}

test("after submitting, the provider sees one clear state, the expected decision date and a read-only preview", async ({
  page,
}) => {
  test.slow(); // sign-in, create, submit, reload, switch language
  const title = `Màng lọc nano xử lý nước ${unique()}`;
  const description = `Màng lọc gốm phủ nano bạc, công suất 5 m³/giờ, mã thử nghiệm ${unique()}.`;
  await signIn(page, "provider@demo.vn");
  const id = await createDraft(page, title, { description });

  // The "draft saved" notice of the redirect is shown once: a reload does not bring it back.
  await expect(page).not.toHaveURL(/saved=1/);
  await page.reload();
  await expect(page.getByTestId("listing-status")).toHaveAttribute("data-status", "DRAFT");
  await expect(page.getByText("Đã lưu bản nháp")).toHaveCount(0);

  await page.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  const vi = {
    state: "Đã gửi kiểm duyệt.",
    contact: "Liên hệ đơn vị vận hành",
    preview: "Nội dung đã gửi (xem trước, chỉ đọc)",
  };
  await expect(page.getByTestId("listing-status")).toHaveAttribute("data-status", "SUBMITTED");
  const day = await expectedDate(id);
  await expectSubmittedState(page, vi, day);
  // The entered values, read-only.
  const preview = page.getByTestId("listing-preview");
  await expect(preview.getByTestId("preview-titleVi")).toContainText(title);
  await expect(preview.getByTestId("preview-titleEn")).toContainText(`${title} (EN)`);
  await expect(preview.getByTestId("preview-summaryVi")).toContainText("sẵn sàng chuyển giao cho sản xuất");
  await expect(preview.getByText(description)).toBeVisible();
  await expect(preview.getByTestId("preview-keywords")).toContainText("lên men, enzyme");
  await expect(preview.getByTestId("preview-trl")).toContainText("6");
  await expect(preview.getByTestId("preview-sector")).toContainText("209");
  await expect(page.getByRole("button", { name: "Lưu thay đổi" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Gửi kiểm duyệt" })).toHaveCount(0);

  // After a reload: the same single state, and no banner of an earlier step.
  await page.reload();
  await expectSubmittedState(page, vi, day);
  await expect(page.getByText("Đã lưu bản nháp")).toHaveCount(0);
  // Accessible: axe (WCAG 2.0/2.1 A and AA) finds nothing on the submitted state.
  await page.waitForLoadState("networkidle");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The workspace list tells the same expected decision.
  await page.goto("/account/offers");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Dự kiến có quyết định");

  // In English.
  await page.goto(`/en/account/offers/${id}`);
  await expectSubmittedState(
    page,
    {
      state: "Submitted for moderation.",
      contact: "Contact the operator",
      preview: "What you submitted (read-only preview)",
    },
    day,
  );
  await expect(page.getByTestId("listing-status")).toContainText("Expected decision");
  await expect(page.getByTestId("preview-titleVi")).toContainText(title);
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByText("Draft saved")).toHaveCount(0);
});

test("the submitted state panel fits a phone screen", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const title = `Cảm biến độ ẩm đất ${unique()}`;
  await signIn(page, "provider@demo.vn");
  await createDraft(page, title);
  await page.getByRole("button", { name: "Gửi kiểm duyệt" }).click();
  await expect(page.getByTestId("listing-status")).toHaveAttribute("data-status", "SUBMITTED");
  await expect(page.getByTestId("listing-preview")).toBeVisible();
  // Nothing wider than the screen: no horizontal scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
