import { expect, type Page } from "@playwright/test";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

export { DEMO_PASSWORD } from "../../prisma/data/demo-password";
import { DEMO_PASSWORD } from "../../prisma/data/demo-password";

/** Signs in through the real form (Vietnamese unless `locale` is "en") and waits for the landing page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, locale: "vi" | "en" = "vi") {
  await page.goto(locale === "vi" ? "/login" : "/en/login");
  await page.getByLabel(locale === "vi" ? "Email" : "Email").fill(email);
  await page.getByLabel(locale === "vi" ? "Mật khẩu" : "Password").fill(password);
  await page.getByRole("button", { name: locale === "vi" ? "Đăng nhập" : "Sign in" }).click();
  await expect(page).toHaveURL(/\/(en\/)?(account|admin)$/);
}

/** Reads the e2e database directly, to compare what the UI shows with what is stored. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Runs one background job now, as an operator would (`npm run job -- <name>`), against the e2e
 * database and with the app's audit key, and answers what it printed: the job itself, not a stub.
 */
export async function runJob(name: string): Promise<unknown> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const { stdout } = await promisify(execFile)(tsx, ["--conditions=react-server", "scripts/job.ts", name], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    timeout: 60_000,
  });
  const last = stdout.trim().split("\n").at(-1) ?? "null";
  return (JSON.parse(last) as { result: unknown }).result;
}

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// A 1×1 PNG and a one-page PDF, built here so the test needs no fixture files.
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** Fills the new-offer form with a valid offer (Vietnamese UI). */
export async function fillOffer(page: Page, title: string, extra: { description?: string; sector?: string } = {}) {
  await page.getByLabel("Tên công nghệ (tiếng Việt)").fill(title);
  await page.getByLabel("Tên công nghệ (tiếng Anh)").fill(`${title} (EN)`);
  await page
    .getByLabel("Tóm tắt (tiếng Việt)")
    .fill("Công nghệ đã thử nghiệm tại doanh nghiệp, sẵn sàng chuyển giao cho sản xuất.");
  await page
    .getByLabel("Mô tả chi tiết")
    .fill(
      extra.description ??
        "Quy trình gồm ba bước: tiền xử lý, lên men, tinh chế. Hiệu suất thu hồi trên 85%, chi phí thấp.",
    );
  await page.getByRole("combobox", { name: "Lĩnh vực", exact: true }).selectOption(extra.sector ?? "209");
  await page.getByLabel("Từ khóa").fill("lên men, enzyme");
  await page.getByRole("combobox", { name: "Mức độ sẵn sàng công nghệ (TRL)", exact: true }).selectOption("6");
  await page.getByRole("combobox", { name: "Tình trạng sở hữu trí tuệ", exact: true }).selectOption("KNOW_HOW");
  await page.getByLabel("Bí quyết kỹ thuật, bí quyết công nghệ").check();
  await page.getByLabel("Chuyển giao độc lập").check();
  await page.getByLabel("Đào tạo cho bên nhận").check();
  await page.getByRole("combobox", { name: "Địa bàn", exact: true }).selectOption("HN-CAUGIAY");
}

/** A fresh draft offer of the signed-in provider's organization, saved through the real form; its id. */
export async function createDraft(page: Page, title: string, extra: { description?: string; sector?: string } = {}) {
  await page.goto("/technologies/new");
  await fillOffer(page, title, extra);
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp")).toBeVisible();
  return page.url().split("/").pop()!.split("?")[0]!;
}
