import { expect, type Page } from "@playwright/test";
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

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
