import { expect, test } from "@playwright/test";
import { query, signIn, unique } from "./support";

/** A fresh account with the demo password, so revoking its sessions disturbs no other test. */
async function freshSeeker() {
  const email = `session-${unique()}@demo.vn`;
  await query(
    `INSERT INTO users (email, name, password_hash, roles, email_verified_at, updated_at)
     SELECT $1, 'Phiên Thử Nghiệm', password_hash, ARRAY['SEEKER']::"Role"[], now(), now() FROM users WHERE email = 'seeker@demo.vn'`,
    [email],
  );
  return email;
}

test("after sign-out, a saved copy of the session cookie no longer opens the workspace", async ({ page, browser }) => {
  test.slow(); // a journey (a sign-in, a sign-out and a second browser context): 90 s, so a busy machine does not time it out
  const email = await freshSeeker();
  await signIn(page, email);
  const saved = await page.context().cookies();
  expect(saved.some((cookie) => cookie.name.includes("next-auth.session-token"))).toBe(true);

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("link", { name: "Đăng nhập" }).first()).toBeVisible();

  // Someone who copied the cookie before sign-out replays it.
  const replay = await browser.newContext();
  await replay.addCookies(saved);
  const stolen = await replay.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  await replay.close();

  const [row] = await query<{ n: number }>(
    "SELECT count(*)::int AS n FROM security_events WHERE kind = 'sign_out' AND email = $1",
    [email],
  );
  expect(row!.n).toBe(1);
});

test("a spoofed X-Forwarded-For or x-request-id does not end up in an audit event", async ({ page }) => {
  const email = await freshSeeker();
  const spoofedId = `spoofed-${unique()}`;
  await page.setExtraHTTPHeaders({
    "x-forwarded-for": "203.0.113.99",
    "x-real-ip": "203.0.113.98",
    "x-request-id": spoofedId,
  });
  await signIn(page, email);
  await query(
    `INSERT INTO notifications (user_id, type, params) SELECT id, 'listing.approved', '{"title":"Thử nghiệm"}'::jsonb FROM users WHERE email = $1`,
    [email],
  );
  await page.goto("/account/notifications");
  await page.getByRole("button", { name: "Đánh dấu tất cả là đã đọc" }).click();

  await expect
    .poll(async () =>
      query<{ ip: string | null; request_id: string | null }>(
        `SELECT e.ip, e.request_id FROM audit_events e JOIN users u ON u.id = e.actor_id
          WHERE u.email = $1 AND e.action = 'notification.read'`,
        [email],
      ),
    )
    .toHaveLength(1);
  const [event] = await query<{ ip: string | null; request_id: string | null }>(
    `SELECT e.ip, e.request_id FROM audit_events e JOIN users u ON u.id = e.actor_id
      WHERE u.email = $1 AND e.action = 'notification.read'`,
    [email],
  );
  expect(event!.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  expect(event!.request_id).toMatch(/^[0-9a-f-]{36}$/);
  const [spoofed] = await query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE ip IN ('203.0.113.99', '203.0.113.98') OR request_id = $1",
    [spoofedId],
  );
  expect(spoofed!.n).toBe(0);
  const [attempt] = await query<{ ip: string }>("SELECT ip FROM login_attempts WHERE email = $1", [email]);
  expect(attempt!.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});
