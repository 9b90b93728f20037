import { expect, test } from "@playwright/test";
import { query, unique } from "./support";

test("a researcher registers in Vietnamese, is signed in at once and signs out", async ({ page }) => {
  test.slow(); // a journey (registration with its sign-in, and sign-out): 90 s, so a busy machine does not time it out
  const email = `nhakhoahoc-${unique()}@vnu.edu.vn`;
  await page.goto("/register");
  await expect(page.getByRole("heading", { name: "Đăng ký tài khoản" })).toBeVisible();
  await page.getByLabel("Nhà khoa học / bên chuyển giao").check();
  await page.getByLabel("Họ và tên").fill("Nguyễn Thị Nghiên Cứu");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Mật khẩu", exact: true }).fill("bánh cuốn Thanh Trì lúc 6 giờ");
  await page.getByLabel("Nhập lại mật khẩu").fill("bánh cuốn Thanh Trì lúc 6 giờ");
  await page.getByLabel("Tên tổ chức").fill("Phòng thí nghiệm Cảm biến Sinh học");
  await page.getByLabel("Loại hình tổ chức").selectOption("INSTITUTE");
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();

  // No second login (issue #15): the form signs in with what was typed, then the workspace.
  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Không gian làm việc" })).toBeVisible();
  await expect(page.getByText("Phòng thí nghiệm Cảm biến Sinh học")).toBeVisible();
  await expect(page.getByText("Chưa xác thực")).toBeVisible();

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);

  const rows = await query<{ roles: string; org_role: string }>(
    "SELECT roles::text, org_role::text FROM users WHERE email = $1",
    [email],
  );
  expect(rows[0]?.roles).toBe("{PROVIDER}");
  // The first registrant of a new organization administers it.
  expect(rows[0]?.org_role).toBe("ADMIN");
});

test("a business registers in English asking to join an organization found by name, without becoming a member", async ({
  page,
}) => {
  const email = `buyer-${unique()}@company.vn`;
  const [org] = await query<{ id: string; name: string }>(
    "SELECT id, name FROM organizations WHERE type = 'ENTERPRISE' AND verification_status <> 'REJECTED' ORDER BY name LIMIT 1",
  );
  await page.goto("/en/register");
  await expect(page.locator("select[name=organizationId]")).toHaveCount(0);
  await page.getByLabel("Business / technology seeker").check();
  await page.getByLabel("Full name").fill("Pham Van Business");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("ferry to Bat Trang at dawn");
  await page.getByLabel("Repeat password").fill("ferry to Bat Trang at dawn");
  await page.getByLabel("Ask to join an existing organization").check();
  await page.getByLabel("Find an organization by name").fill(org!.name);
  await page.getByRole("button", { name: "Find organizations", exact: true }).click();
  await page.getByRole("radio", { name: new RegExp(org!.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).check();
  await page.getByLabel(/I accept/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/en\/account$/, { timeout: 30_000 });
  await expect(page.getByText(`Your request to join “${org!.name}” awaits its administrator.`)).toBeVisible();

  const rows = await query<{ organization_id: string | null; status: string }>(
    "SELECT u.organization_id, r.status::text FROM users u JOIN membership_requests r ON r.user_id = u.id WHERE u.email = $1",
    [email],
  );
  expect(rows).toEqual([{ organization_id: null, status: "PENDING" }]);
});

test("bad registration input shows every error, keeps what was typed and writes nothing", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Họ và tên").fill("Tên\u202Egiả mạo");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("textbox", { name: "Mật khẩu", exact: true }).fill("ngắn quá");
  await page.getByLabel("Nhập lại mật khẩu").fill("khác hẳn");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();

  await expect(page.getByText(/mục cần sửa/)).toBeVisible();
  await expect(page.getByText("Email không hợp lệ.")).toBeVisible();
  await expect(page.getByText("Mật khẩu phải có ít nhất 10 ký tự.")).toBeVisible();
  await expect(page.getByText("Hai mật khẩu không khớp.")).toBeVisible();
  await expect(page.getByText("Có ký tự ẩn hoặc ký tự điều khiển không được phép.")).toBeVisible();
  await expect(page.getByText("Bạn cần đồng ý để tiếp tục.")).toBeVisible();
  // Errors are tied to their fields for screen readers, and the input is still there.
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByRole("textbox", { name: "Mật khẩu", exact: true })).toHaveValue("ngắn quá");

  const stored = await query<{ n: number }>(
    "SELECT count(*)::int AS n FROM users WHERE email = 'not-an-email' OR name LIKE '%giả mạo%'",
  );
  expect(stored[0]!.n).toBe(0);
});

test("a wrong password shows a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("seeker@demo.vn");
  await page.getByLabel("Mật khẩu").fill("definitely-not-it");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.locator("#login-error")).toHaveText("Email hoặc mật khẩu không đúng.");
  await expect(page.locator("#login-error")).toHaveAttribute("role", "alert");
  await expect(page).toHaveURL(/\/login$/);
});

test("the sixth rapid failure is rate-limited with a clear message", async ({ page }) => {
  const email = `ratelimit-${unique()}@demo.vn`;
  await page.goto("/en/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#login-error")).toHaveText("Wrong email or password.");
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText(/Too many failed sign-in attempts/);
});
