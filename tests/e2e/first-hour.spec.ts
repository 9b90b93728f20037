import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createDraft, DEMO_PASSWORD, query, runJob, unique } from "./support";

// Issue #15 item 1, "Done when": register → signed in → checklist → the e-mailed link confirms the
// address → the checklist advances; a saved search e-mails a new listing; a deep link to a
// protected page returns there after sign-in. Plus the account settings: a password change keeps
// this session and ends the others.

/**
 * What argon2 and a first render may take on a busy machine: signing up or in hashes a password
 * (19 MiB, on purpose), so the navigation that follows gets more than the default 10 s.
 */
const AFTER_HASHING = { timeout: 30_000 };

/** The single-use link in the newest e-mail to `to` (the e2e app writes mail to the outbox). */
async function mailedLink(to: string, path: string): Promise<string> {
  await expect
    .poll(
      async () =>
        (await query('SELECT 1 FROM email_outbox WHERE "to" = $1 AND body LIKE $2', [to, `%${path}?token=%`])).length,
    )
    .toBeGreaterThan(0);
  const [mail] = await query<{ body: string }>(
    'SELECT body FROM email_outbox WHERE "to" = $1 AND body LIKE $2 ORDER BY created_at DESC LIMIT 1',
    [to, `%${path}?token=%`],
  );
  return new RegExp(`${path}\\?token=[A-Za-z0-9_-]+`).exec(mail!.body)![0];
}

/** A new seeker without an organization, with the demo password (no other test signs it out). */
async function freshSeeker(): Promise<string> {
  const email = `dau-tien-${unique()}@members.demo.vn`;
  await query(
    `INSERT INTO users (email, name, password_hash, roles, email_verified_at, updated_at)
     SELECT $1, 'Đinh Thị Lần Đầu', password_hash, ARRAY['SEEKER']::"Role"[], now(), now()
       FROM users WHERE email = 'seeker@demo.vn'`,
    [email],
  );
  return email;
}

/** Fills the sign-in form already on screen (the page a deep link was sent to). */
async function signInHere(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** Signs in from the sign-in page and waits for the workspace (tests/e2e/support.ts signIn, with more time). */
async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await signInHere(page, email);
  await expect(page).toHaveURL(/\/account$/, AFTER_HASHING);
}

async function expectNoAxeViolations(page: Page) {
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a newcomer is signed in on registering, lands on the checklist, and confirming the e-mail advances it", async ({
  page,
}) => {
  test.slow(); // a journey: registration, sign-in by the form, the mailed link
  const email = `doanh-nghiep-${unique()}@congty.vn`;
  const password = "cà phê trứng phố Hàng Gai lúc bảy giờ";
  await page.goto("/register");
  await page.getByLabel("Doanh nghiệp / bên nhận chuyển giao").check();
  await page.getByLabel("Họ và tên").fill("Đào Văn Khởi Nghiệp");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Mật khẩu", exact: true }).fill(password);
  await page.getByLabel("Nhập lại mật khẩu").fill(password);
  await page.getByLabel("Tên tổ chức").fill("Công ty TNHH Gốm Kỹ thuật Bát Tràng");
  await page.getByLabel("Loại hình tổ chức").selectOption("ENTERPRISE");
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();

  // No second login: the workspace, signed in, with the checklist of a seeker's organization.
  await expect(page).toHaveURL(/\/account$/, AFTER_HASHING);
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
  const checklist = page.getByRole("region", { name: "Bắt đầu trên sàn" });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByTestId("onboarding-progress")).toHaveText("Đã xong 0/5 bước");
  const step = (key: string) => checklist.locator(`[data-step="${key}"]`);
  await expect(step("email")).toHaveAttribute("data-done", "false");
  await expect(step("email")).toContainText(`thư chúng tôi gửi tới ${email}`);
  // Which papers the verification needs, for an enterprise.
  await expect(step("verification")).toContainText("Mã số thuế của doanh nghiệp (10 hoặc 13 chữ số)");
  await expect(step("verification")).toContainText("Bản scan Giấy chứng nhận đăng ký doanh nghiệp");
  await expect(step("listing").getByRole("link", { name: "Đăng nhu cầu" })).toHaveAttribute("href", "/demands/new");
  await expect(step("alerts").getByRole("link", { name: "Lưu tìm kiếm" })).toHaveAttribute(
    "href",
    "/account/saved-searches",
  );
  await expectNoAxeViolations(page);

  // Signed in, the sign-in page sends on.
  await page.goto("/login");
  await expect(page).toHaveURL(/\/account$/);

  // The link from the outbox confirms the address; back in the workspace, the step is done.
  await page.goto(await mailedLink(email, "/verify-email"));
  await page.getByRole("button", { name: "Xác nhận email" }).click();
  await expect(page.getByText(`Đã xác nhận địa chỉ ${email}`)).toBeVisible();
  await page.getByRole("link", { name: "Tiếp tục vào không gian làm việc" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(checklist.getByTestId("onboarding-progress")).toHaveText("Đã xong 1/5 bước");
  await expect(step("email")).toHaveAttribute("data-done", "true");
  await expect(step("email")).toContainText(`Đã xác nhận ${email}.`);
  await expect(step("profile")).toHaveAttribute("data-done", "false");
});

test("a saved search e-mails the listing published after it, once", async ({ browser }) => {
  test.slow(); // two people, a job run twice
  const email = await freshSeeker();
  const word = `gomxop${unique()}`;
  const seeker = await (await browser.newContext()).newPage();
  await signIn(seeker, email);
  await seeker.goto("/account/saved-searches");
  await seeker.getByLabel("Công nghệ chào bán").check();
  await seeker.getByLabel("Từ khóa").fill(word);
  await seeker.getByLabel("Tên gợi nhớ (không bắt buộc)").fill("Gốm xốp lọc nước");
  await seeker.getByRole("button", { name: "Lưu tìm kiếm" }).click();
  await expect(seeker.getByText("Đã lưu tìm kiếm.")).toBeVisible();
  const list = seeker.getByRole("region", { name: "Các tìm kiếm đã lưu" });
  await expect(list.getByText("Gốm xốp lọc nước")).toBeVisible();
  await expect(list.getByRole("link", { name: "Xem kết quả của “Gốm xốp lọc nước”" })).toHaveAttribute(
    "href",
    `/technologies?q=${word}`,
  );
  await expectNoAxeViolations(seeker);
  // The checklist counts it.
  await seeker.goto("/account");
  await expect(seeker.locator('[data-step="alerts"]')).toHaveAttribute("data-done", "true");

  // A provider lists a matching technology; it is published (set here, as the operator's approval
  // would: the moderation screens are another test's subject) a few minutes after the search was
  // saved — the job leaves the last minute's publications for its next run.
  const provider = await (await browser.newContext()).newPage();
  await signIn(provider, "provider@demo.vn");
  const title = `Gốm xốp lọc nước giếng khoan ${word}`;
  const id = await createDraft(provider, title, { sector: "401" });
  await query("UPDATE saved_searches SET checked_at = now() - interval '1 hour' WHERE query = $1", [word]);
  await query(
    `UPDATE offers SET status = 'PUBLISHED', published_at = now() - interval '5 minutes',
            expires_at = now() + interval '365 days' WHERE id = $1`,
    [id],
  );
  const [offer] = await query<{ slug: string }>("SELECT slug FROM offers WHERE id = $1", [id]);

  const run = (await runJob("saved-searches.weekly")) as { sent: number };
  expect(run.sent).toBeGreaterThanOrEqual(1);
  const mails = await query<{ subject: string; body: string }>(
    'SELECT subject, body FROM email_outbox WHERE "to" = $1 ORDER BY created_at',
    [email],
  );
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe("Tin mới cho tìm kiếm “Gốm xốp lọc nước”");
  expect(mails[0]!.body).toContain(`- ${title}`);
  const link = new RegExp(`https?://[^\\s]+(/technologies/${offer!.slug})`).exec(mails[0]!.body);
  expect(link).not.toBeNull();

  // The e-mailed link opens the listing; a second run sends nothing new.
  await seeker.goto(link![1]!);
  await expect(seeker.getByRole("heading", { level: 1 })).toHaveText(title);
  await runJob("saved-searches.weekly");
  expect(await query('SELECT 1 FROM email_outbox WHERE "to" = $1', [email])).toHaveLength(1);
  await seeker.goto("/account/saved-searches");
  await expect(seeker.getByRole("region", { name: "Các tìm kiếm đã lưu" })).not.toContainText("Chưa có email nào");
});

test("a deep link to a protected page comes back after sign-in, only to this site", async ({ page }) => {
  test.slow(); // three sign-ins
  const email = await freshSeeker();
  await page.goto("/account/saved-searches?from=email");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Fsaved-searches%3Ffrom%3Demail$/);
  await signInHere(page, email);
  await expect(page).toHaveURL(/\/account\/saved-searches\?from=email$/, AFTER_HASHING);
  await expect(page.getByRole("heading", { level: 1, name: "Tìm kiếm đã lưu" })).toBeVisible();

  // Signed in, the sign-in page goes straight on to where it was asked to.
  await page.goto("/login?callbackUrl=%2Faccount%2Fsettings");
  await expect(page).toHaveURL(/\/account\/settings$/);
  await page.context().clearCookies();

  // In English, the same; and an address of another site is never followed.
  await page.goto("/en/account/settings");
  await expect(page).toHaveURL(/\/en\/login\?callbackUrl=%2Faccount%2Fsettings$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/account\/settings$/, AFTER_HASHING);
  await page.context().clearCookies();

  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2Faccount");
  await signInHere(page, email);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/account$/, AFTER_HASHING);
});

test("settings: a new name shows at once; a new password keeps this session and ends the others", async ({
  browser,
}) => {
  test.slow(); // two browsers, two sign-ins
  const email = await freshSeeker();
  const here = await (await browser.newContext()).newPage();
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(here, email);
  await signIn(elsewhere, email);

  await here.goto("/account/settings");
  await expectNoAxeViolations(here);
  const profile = here.getByRole("region", { name: "Thông tin cá nhân" });
  await profile.getByLabel("Họ và tên").fill("Đinh Thị Đã Đổi Tên");
  await profile.getByRole("button", { name: "Lưu tên" }).click();
  await expect(profile.getByText("Đã lưu tên.")).toBeVisible();
  await here.reload();
  await expect(here.getByTestId("signed-in-as")).toContainText("Đinh Thị Đã Đổi Tên");

  const password = here.getByRole("region", { name: "Đổi mật khẩu" });
  await password.getByLabel("Mật khẩu hiện tại").fill("not-the-password");
  await password.getByLabel(/^Mật khẩu mới/).fill("gió mùa đông bắc về Hà Nội");
  await password.getByLabel("Nhập lại mật khẩu mới").fill("gió mùa đông bắc về Hà Nội");
  await password.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(password.getByText("Mật khẩu hiện tại không đúng.")).toBeVisible(AFTER_HASHING);
  // What was typed stays for the correction.
  await expect(password.getByLabel(/^Mật khẩu mới/)).toHaveValue("gió mùa đông bắc về Hà Nội");
  await password.getByLabel("Mật khẩu hiện tại").fill(DEMO_PASSWORD);
  await password.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(password.getByText("Đã đổi mật khẩu.", { exact: false })).toBeVisible(AFTER_HASHING);

  // This browser is still signed in; the other one is not.
  await here.goto("/account/settings");
  await expect(here).toHaveURL(/\/account\/settings$/);
  await elsewhere.goto("/account/settings");
  await expect(elsewhere).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Fsettings$/);
  await signInHere(elsewhere, email, "gió mùa đông bắc về Hà Nội");
  await expect(elsewhere).toHaveURL(/\/account\/settings$/, AFTER_HASHING);

  // Fewer e-mails: unticking a kind of notification is kept.
  const emails = here.getByRole("region", { name: "Thông báo qua email" });
  await emails.getByLabel("Kết nối cung – cầu mới").uncheck();
  await emails.getByRole("button", { name: "Lưu lựa chọn" }).click();
  await expect(emails.getByText("Đã lưu lựa chọn nhận email.")).toBeVisible();
  const [row] = await query<{ opt_out: string[] }>("SELECT email_opt_out AS opt_out FROM users WHERE email = $1", [
    email,
  ]);
  expect(row!.opt_out).toEqual(["match.new"]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the workspace home, the settings and the saved searches fit 390 px and axe finds nothing", async ({ page }) => {
    test.slow(); // a sign-in and three pages, each analysed
    const email = await freshSeeker();
    await signIn(page, email);
    for (const path of ["/account", "/account/settings", "/account/saved-searches"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(page);
    }
  });
});
