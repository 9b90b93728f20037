import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { query, signIn, unique } from "./support";

// The operator's decisions on an organization (/admin/organizations): its first verification, and
// a verified organization's pending change of legal fields. Each is confirmed in a dialog before
// anything is sent (components/moderation/use-confirmed-decision.ts). Every test works on
// organizations of its own, so the files running beside this one see nothing change.

type Org = { id: string; slug: string; name: string };

/** A fresh organization in `status`, with a tax code (what a verification checks). */
async function freshOrganization(status: "PENDING" | "VERIFIED", label: string): Promise<Org> {
  const key = unique();
  const name = `${label} ${key}`;
  const [org] = await query<Org>(
    `INSERT INTO organizations (slug, name, type, tax_code, location, verification_status, verified_at, updated_at)
     VALUES ($1, $2, 'ENTERPRISE', $3, 'HN-CAUGIAY', $4::"VerificationStatus",
             CASE WHEN $4 = 'VERIFIED' THEN now() END, now())
     RETURNING id, slug, name`,
    [`to-chuc-quyet-dinh-${key}`, name, String(Date.now()).slice(-10), status],
  );
  return org!;
}

/** A fresh administrator of `organizationId`, with the demo password (no other test signs it out). */
async function freshAdmin(organizationId: string): Promise<string> {
  const email = `quan-tri-${unique()}@members.demo.vn`;
  await query(
    `INSERT INTO users (email, name, password_hash, roles, organization_id, org_role, email_verified_at, updated_at)
     SELECT $1, 'Phan Văn Quản Trị', password_hash, ARRAY['PROVIDER']::"Role"[], $2, 'ADMIN', now(), now()
       FROM users WHERE email = 'provider@demo.vn'`,
    [email, organizationId],
  );
  return email;
}

/** What a decision would change: the organization's row and its audit trail. */
async function stored(id: string) {
  const [row] = await query<{
    name: string;
    status: string;
    note: string | null;
    verified: boolean;
    pending: { name?: string } | null;
    version: number;
    events: number;
  }>(
    `SELECT name, verification_status::text AS status, verification_note AS note, verified_at IS NOT NULL AS verified,
            pending_legal AS pending, version,
            (SELECT count(*)::int FROM audit_events WHERE entity_type = 'organization' AND entity_id = $1) AS events
       FROM organizations WHERE id = $1::uuid`,
    [id],
  );
  return row!;
}

/** The server actions the page posts (a Next server action is a POST carrying `next-action`). */
function recordActions(page: Page) {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) posts.push(request.url());
  });
  return posts;
}

/** The organization's card in the operator's queue. */
async function openCard(page: Page, name: string) {
  await page.goto("/admin/organizations");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name }) });
  await expect(card).toBeVisible();
  return card;
}

/** The public profile as an anonymous visitor gets it (no cookies: a fresh browser context's requests). */
async function publicProfile(request: APIRequestContext, slug: string) {
  const response = await request.get(`/organizations/${slug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  return response.text();
}

test("a rejection needs a reason before anything is sent, and is sent only once confirmed", async ({ page }) => {
  test.slow(); // a sign-in and a decision
  const org = await freshOrganization("PENDING", "Công ty Cơ khí Bị Từ Chối");
  const before = await stored(org.id);
  expect(before.status).toBe("PENDING");
  await signIn(page, "operator@demo.vn");
  const card = await openCard(page, org.name);
  const posts = recordActions(page);
  const reason = card.getByLabel("Lý do (bắt buộc khi từ chối)");

  // Without a reason: no dialog, the reason field takes the focus and says why, nothing is sent.
  await card.getByRole("button", { name: "Từ chối", exact: true }).click();
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAccessibleDescription("Vui lòng nêu lý do từ chối.");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(posts).toEqual([]);
  expect(await stored(org.id)).toEqual(before);

  // Typing clears the error; rejecting now asks first, naming the organization and quoting the reason.
  const why = "Mã số thuế không khớp với giấy chứng nhận đăng ký doanh nghiệp đã tải lên.";
  await reason.fill(why);
  await expect(reason).not.toHaveAttribute("aria-invalid", "true");
  await card.getByRole("button", { name: "Từ chối", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Từ chối yêu cầu xác thực?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(org.name);
  await expect(confirm.getByRole("blockquote")).toHaveText(why);
  // Focus starts on "back", so an Enter pressed by habit does not decide.
  await expect(confirm.getByRole("button", { name: "Quay lại" })).toBeFocused();
  expect(posts).toEqual([]);
  expect(await stored(org.id)).toEqual(before);

  await confirm.getByRole("button", { name: "Xác nhận từ chối" }).click();
  await expect.poll(async () => (await stored(org.id)).status).toBe("REJECTED");
  const after = await stored(org.id);
  expect(after.note).toBe(why);
  expect(after.verified).toBe(false);
  expect(after.version).toBe(before.version + 1);
  expect(after.events).toBe(before.events + 1);
  expect(posts).toHaveLength(1);
  // The rejected organization leaves the queue; the answer stays above it (?done=, not in the card,
  // where it was on screen for some 20 ms before the card went).
  await expect(page).toHaveURL(/\/admin\/organizations\?done=verificationRejected$/);
  await expect(page.getByText("Đã từ chối yêu cầu xác thực. Lý do đã được gửi tới tổ chức.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: org.name })).toHaveCount(0);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("cancelling the verification dialog sends nothing; confirming it verifies the organization", async ({ page }) => {
  test.slow(); // a sign-in and a decision
  const org = await freshOrganization("PENDING", "Viện Thử Nghiệm Được Xác Thực");
  const before = await stored(org.id);
  await signIn(page, "operator@demo.vn");
  const card = await openCard(page, org.name);
  const posts = recordActions(page);

  await card.getByRole("button", { name: "Xác thực", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Xác thực tổ chức này?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(org.name);
  await confirm.getByRole("button", { name: "Quay lại" }).click();
  await expect(confirm).toBeHidden();
  // Still in the queue, still waiting, nothing posted.
  await expect(card.getByRole("button", { name: "Xác thực", exact: true })).toBeEnabled();
  expect(posts).toEqual([]);
  expect(await stored(org.id)).toEqual(before);

  await card.getByRole("button", { name: "Xác thực", exact: true }).click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Xác nhận xác thực" }).click();
  await expect.poll(async () => (await stored(org.id)).status).toBe("VERIFIED");
  const after = await stored(org.id);
  expect(after.verified).toBe(true);
  expect(after.note).toBeNull();
  expect(after.events).toBe(before.events + 1);
  expect(posts).toHaveLength(1);
  await expect(page).toHaveURL(/\/admin\/organizations\?done=verified$/);
  await expect(page.getByText("Đã xác thực tổ chức. Tổ chức đã được thông báo.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: org.name })).toHaveCount(0);
});

/**
 * The organization's administrator renames it from its own page; verified, the new name waits for
 * the operator and the public profile keeps the old one. Answers the new name.
 */
async function proposeNewName(page: Page, org: Org, visitor: APIRequestContext) {
  const admin = await freshAdmin(org.id);
  await signIn(page, admin);
  await page.goto("/account/organization");
  const newName = `Tên Mới Sau Sáp Nhập ${unique()}`;
  await page.getByLabel("Tên tổ chức").fill(newName);
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByText("Thông tin pháp lý mới đang chờ đơn vị vận hành xác thực")).toBeVisible();
  const waiting = await stored(org.id);
  expect(waiting.name).toBe(org.name);
  expect(waiting.pending?.name).toBe(newName);
  const html = await publicProfile(visitor, org.slug);
  expect(html).toContain(org.name);
  expect(html).not.toContain(newName);
  await page.context().clearCookies();
  return newName;
}

test("the operator accepts a verified organization's new name, and its public profile shows it", async ({
  page,
  browser,
}) => {
  test.slow(); // two people, two sign-ins
  const org = await freshOrganization("VERIFIED", "Công ty Đổi Tên Được Chấp Nhận");
  const visitor = await browser.newContext();
  const newName = await proposeNewName(page, org, visitor.request);

  await signIn(page, "operator@demo.vn");
  const card = await openCard(page, org.name);
  await expect(card.getByRole("heading", { level: 2 })).toContainText("Thay đổi thông tin pháp lý");
  await expect(card.getByRole("row", { name: /Tên tổ chức/ })).toContainText(newName);
  const before = await stored(org.id);
  const posts = recordActions(page);
  await card.getByRole("button", { name: "Chấp nhận thay đổi" }).click();
  const confirm = page.getByRole("dialog", { name: "Chấp nhận thông tin pháp lý mới?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(org.name);
  expect(posts).toEqual([]);
  expect(await stored(org.id)).toEqual(before);
  await confirm.getByRole("button", { name: "Xác nhận chấp nhận" }).click();

  await expect.poll(async () => (await stored(org.id)).name).toBe(newName);
  const after = await stored(org.id);
  expect(after.pending).toBeNull();
  expect(after.status).toBe("VERIFIED");
  expect(posts).toHaveLength(1);
  await expect(page).toHaveURL(/\/admin\/organizations\?done=legalAccepted$/);
  await expect(page.getByText("Đã chấp nhận thông tin pháp lý mới.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: org.name })).toHaveCount(0);
  // The page was cached with the old name above; Next expires it when the action answers, a moment
  // after the row committed: allowed 5 seconds (see caching.spec.ts), against the 60-second lifetime.
  await expect.poll(async () => publicProfile(visitor.request, org.slug), { timeout: 5_000 }).toContain(newName);
  await visitor.close();
});

test("the operator discards a verified organization's new name, with a reason, and its public profile keeps the old one", async ({
  page,
  browser,
}) => {
  test.slow(); // two people, two sign-ins
  const org = await freshOrganization("VERIFIED", "Trường Giữ Tên Đã Xác Thực");
  const visitor = await browser.newContext();
  const newName = await proposeNewName(page, org, visitor.request);

  await signIn(page, "operator@demo.vn");
  const card = await openCard(page, org.name);
  const before = await stored(org.id);
  const posts = recordActions(page);
  const why = "Tên mới chưa có quyết định đổi tên của cơ quan chủ quản.";
  await card.getByLabel("Lý do (bắt buộc khi từ chối)").fill(why);
  await card.getByRole("button", { name: "Từ chối thay đổi" }).click();
  const confirm = page.getByRole("dialog", { name: "Từ chối thay đổi thông tin pháp lý?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("blockquote")).toHaveText(why);
  expect(posts).toEqual([]);
  expect(await stored(org.id)).toEqual(before);
  await confirm.getByRole("button", { name: "Xác nhận từ chối" }).click();

  await expect.poll(async () => (await stored(org.id)).pending).toBeNull();
  const after = await stored(org.id);
  expect(after.name).toBe(org.name);
  expect(after.status).toBe("VERIFIED");
  expect(after.note).toBe(why);
  expect(posts).toHaveLength(1);
  await expect(page).toHaveURL(/\/admin\/organizations\?done=legalDiscarded$/);
  await expect(page.getByText("Đã từ chối thay đổi; giữ thông tin đã xác thực.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: org.name })).toHaveCount(0);
  const html = await publicProfile(visitor.request, org.slug);
  expect(html).toContain(org.name);
  expect(html).not.toContain(newName);
  await visitor.close();
});
