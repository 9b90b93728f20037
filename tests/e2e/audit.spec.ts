import { expect, test } from "@playwright/test";
import pg from "pg";
import { query, runJob, signIn } from "./support";

/** The schema owner's connection: only the owner may switch the audit table's trigger off. */
async function asOwner(sql: string) {
  const client = new pg.Client({
    connectionString: process.env.E2E_DATABASE_OWNER_URL ?? process.env.E2E_DATABASE_URL,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Issue 13 items 5–6: the auditor's tools in a real browser. This file alters an audit event for a
// moment (and restores it), so it runs in its own project after every other file
// (playwright.config.ts): nobody else verifies the chain while it is broken.
test.describe.configure({ mode: "serial" });

test("the auditor filters the log, opens an entity's history, draws a sample and downloads its archive", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "auditor@demo.vn");
  await page.goto("/admin/audit");
  await page.getByLabel("Loại đối tượng").selectOption({ label: "Giao dịch" });
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/entityType=deal/);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText("Giao dịch");

  await rows.first().getByRole("link").last().click();
  await expect(page).toHaveURL(/\/admin\/audit\/entity\/deal\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Lịch sử");

  await page.goto("/admin/audit/sample");
  await page.getByRole("textbox", { name: "Hạt giống", exact: true }).fill("kiem-toan-2026");
  await page.getByRole("button", { name: "Chọn mẫu" }).click();
  await expect(page.getByText("với hạt giống kiem-toan-2026", { exact: false })).toBeVisible();
  const href = await page.getByRole("link", { name: "Tải gói hồ sơ (ZIP)" }).getAttribute("href");
  const archive = await page.request.get(href!);
  expect(archive.status()).toBe(200);
  expect((await archive.body()).subarray(0, 2).toString()).toBe("PK");
  // Drawing again with the same seed gives the same sample.
  const first = await page.getByRole("table").locator("tbody tr").allTextContents();
  await page.reload();
  expect(await page.getByRole("table").locator("tbody tr").allTextContents()).toEqual(first);
  const [accesses] = await query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE action IN ('audit.browse', 'audit.sample', 'audit.export')",
  );
  expect(accesses!.n).toBeGreaterThanOrEqual(3);
});

test("verification reports intact, then the exact event altered behind the trigger's back, also from a published head", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The nightly job publishes the head; events written after it are what a rewrite would touch.
  await runJob("audit.checkpoint");
  const [head] = await query<{ seq: string }>(
    "SELECT seq::text AS seq FROM audit_checkpoints WHERE source = 'nightly' ORDER BY id DESC LIMIT 1",
  );
  await signIn(page, "auditor@demo.vn");
  await page.goto("/statistics/chain");
  await expect(page.getByText(`${head!.seq}`, { exact: false }).first()).toBeVisible();

  await page.goto("/admin/audit/verify");
  await page.getByRole("button", { name: "Bắt đầu kiểm tra" }).click();
  await expect(page.getByText("Chuỗi nhật ký toàn vẹn", { exact: false })).toBeVisible({ timeout: 60_000 });

  const [victim] = await query<{ seq: string; reason: string | null }>(
    "SELECT seq::text AS seq, reason FROM audit_events WHERE seq > $1::bigint ORDER BY audit_events.seq LIMIT 1",
    [head!.seq],
  );
  expect(victim).toBeDefined();
  // One statement list, so the trigger is never left off: the reason is dollar-quoted, the seq a bigint.
  const alter = (reason: string | null) =>
    asOwner(
      `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
       UPDATE audit_events SET reason = ${reason === null ? "NULL" : `$r$${reason}$r$`} WHERE seq = ${BigInt(victim!.seq)};
       ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;`,
    );
  await alter("viết lại lịch sử");
  try {
    await page.reload();
    await page.getByRole("button", { name: "Bắt đầu kiểm tra" }).click();
    await expect(page.getByText(`Chuỗi nhật ký bị phá vỡ tại sự kiện #${victim!.seq}`)).toBeVisible({
      timeout: 60_000,
    });

    await page.reload();
    await page.getByLabel("Từ một đầu chuỗi đã công bố").check();
    await page.getByRole("button", { name: "Bắt đầu kiểm tra" }).click();
    await expect(page.getByText(`Chuỗi nhật ký bị phá vỡ tại sự kiện #${victim!.seq}`)).toBeVisible({
      timeout: 60_000,
    });
  } finally {
    await alter(victim!.reason);
  }
  await page.reload();
  await page.getByRole("button", { name: "Bắt đầu kiểm tra" }).click();
  await expect(page.getByText("Chuỗi nhật ký toàn vẹn", { exact: false })).toBeVisible({ timeout: 60_000 });
});
