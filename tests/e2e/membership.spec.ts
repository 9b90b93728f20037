import { expect, test, type Page } from "@playwright/test";
import { query, signIn, unique } from "./support";

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
  const match = new RegExp(`${path}\\?token=[A-Za-z0-9_-]+`).exec(mail!.body);
  return match![0];
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
}

test("a registrant asks to join by name, confirms the address, and gets access only when the administrator approves", async ({
  page,
}) => {
  test.slow(); // a journey (registration, confirmation and three sign-ins): 90 s, so a busy machine does not time it out
  const email = `thanhvien-${unique()}@congty.vn`;
  const password = "xe đạp điện đi Ba Vì";
  const [org] = await query<{ name: string }>(
    "SELECT o.name FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.email = 'seeker@demo.vn'",
  );

  await page.goto("/register");
  await page.getByLabel("Doanh nghiệp / bên nhận chuyển giao").check();
  await page.getByLabel("Họ và tên").fill("Lưu Văn Xin Vào");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Mật khẩu", exact: true }).fill(password);
  await page.getByLabel("Nhập lại mật khẩu").fill(password);
  await page.getByLabel("Xin tham gia tổ chức đã có").check();
  await page.getByLabel("Tìm tổ chức theo tên").fill(org!.name);
  await page.getByRole("button", { name: "Tìm tổ chức", exact: true }).click();
  await page.getByRole("radio", { name: new RegExp(org!.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).check();
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  // Signed in at once (issue #15): the workspace's checklist names the organization asked.
  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  await expect(
    page.getByText(`Yêu cầu tham gia “${org!.name}” đang chờ quản trị viên của tổ chức duyệt.`),
  ).toBeVisible();

  // The address is confirmed through the e-mailed link (a button: opening the link alone changes nothing).
  await page.goto(await mailedLink(email, "/verify-email"));
  await page.getByRole("button", { name: "Xác nhận email" }).click();
  await expect(page.getByText(`Đã xác nhận địa chỉ ${email}`)).toBeVisible();

  await page.goto("/account/organization");
  await expect(page.getByText(`Yêu cầu tham gia “${org!.name}” đang chờ duyệt.`)).toBeVisible();
  // Until then no listing can be written: the demand page says why instead of showing the form.
  await page.goto("/demands/new");
  await expect(page.getByText("Bạn chưa thuộc tổ chức nào")).toBeVisible();
  await expect(page.getByText(`Yêu cầu tham gia “${org!.name}” của bạn đang chờ quản trị viên`)).toBeVisible();
  await expect(page.getByLabel("Tên nhu cầu (tiếng Việt)")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Đến trang tổ chức" })).toHaveAttribute("href", "/account/organization");
  await signOut(page);

  await signIn(page, "seeker@demo.vn");
  await page.goto("/account/organization/members");
  const request = page.locator("div.rounded-md", { hasText: email });
  await expect(request).toBeVisible();
  await request.getByRole("button", { name: "Chấp thuận" }).click();
  // The page re-renders: the request leaves the list and the requester appears among the members.
  await expect(page.getByRole("row", { name: new RegExp(`${email}.*Thành viên`) })).toBeVisible();
  await expect(request).toHaveCount(0);
  // Leave the shared demo account by dropping this browser's cookies: signing out would end every
  // session of seeker@demo.vn (lib/auth/session-version.ts), those of tests running beside this one.
  await page.context().clearCookies();

  await signIn(page, email, password);
  await page.goto("/account/organization");
  await expect(page.getByRole("heading", { name: "Tổ chức của tôi" })).toBeVisible();
  await expect(page.getByText(org!.name).first()).toBeVisible();
  const [row] = await query<{ org_role: string }>("SELECT org_role::text FROM users WHERE email = $1", [email]);
  expect(row?.org_role).toBe("MEMBER");
});

test("forgot password answers the same for any address, and the e-mailed link sets a new password once", async ({
  page,
}) => {
  test.slow(); // a journey (registration, two reset requests, a reset and a sign-in): 90 s, so a busy machine does not time it out
  const email = `quenmatkhau-${unique()}@vnu.edu.vn`;
  await page.goto("/register");
  await page.getByLabel("Họ và tên").fill("Hồ Thị Hay Quên");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Mật khẩu", exact: true }).fill("mưa phùn tháng hai ở Hồ Tây");
  await page.getByLabel("Nhập lại mật khẩu").fill("mưa phùn tháng hai ở Hồ Tây");
  await page.getByLabel("Tên tổ chức").fill(`Phòng thí nghiệm Quên ${unique()}`);
  await page.getByLabel("Loại hình tổ chức").selectOption("INSTITUTE");
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  // Signed in at once (issue #15); the reset below ends that session like every other.
  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });

  for (const address of [`khongcoai-${unique()}@example.vn`, email]) {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(address);
    await page.getByRole("button", { name: "Gửi liên kết đặt lại" }).click();
    await expect(page.getByText("Nếu địa chỉ này có tài khoản")).toBeVisible();
  }

  const link = await mailedLink(email, "/reset-password");
  await page.goto(link);
  await page.getByRole("textbox", { name: "Mật khẩu mới" }).fill("passwordpassword");
  await page.getByLabel("Nhập lại mật khẩu").fill("passwordpassword");
  await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
  await expect(page.getByText(/Mật khẩu quá dễ đoán/)).toBeVisible();
  await page.getByRole("textbox", { name: "Mật khẩu mới" }).fill("đèn lồng Hội An bên sông Hoài");
  await page.getByLabel("Nhập lại mật khẩu").fill("đèn lồng Hội An bên sông Hoài");
  await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
  await expect(page.getByText("Đã đặt mật khẩu mới.")).toBeVisible();

  await signIn(page, email, "đèn lồng Hội An bên sông Hoài");
  await page.goto(link);
  await expect(page.getByText("Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn.")).toBeVisible();
});
