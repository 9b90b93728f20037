import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, PDF, query, runJob, signIn } from "./support";

// Issue 12: a deal from the first request to the negotiation, in Vietnamese, in a real browser.
// The tests of this file run one after another (each takes an offer its seeker has no deal about
// yet), beside the other files: the offers are ones no match card of the seeker shows, so that
// matching.spec.ts, which starts deals from match cards, never takes the same one.
test.describe.configure({ mode: "serial" });

/**
 * The seeker of these journeys: a member of seeker@demo.vn's organization of its own, because other
 * files sign seeker@demo.vn out (membership.spec.ts), and a sign-out ends every session of that user
 * (lib/auth/session-version.ts) — mid-journey here.
 */
let SEEKER = "";
test.beforeAll(async () => {
  SEEKER = `giao-dich-${Date.now().toString(36)}@members.demo.vn`;
  await query(
    `INSERT INTO users (email, name, password_hash, roles, organization_id, org_role, email_verified_at, updated_at)
     SELECT $1, 'Phạm Thị Giao Dịch', password_hash, roles, organization_id, 'MEMBER', now(), now()
       FROM users WHERE email = 'seeker@demo.vn'`,
    [SEEKER],
  );
});

/** A published offer seeker@demo.vn's organization has no deal about, with a provider who answers it. */
async function freshOffer(options: { fixedPrice?: boolean } = {}) {
  const [offer] = await query<{ id: string; slug: string; title: string; provider: string }>(
    `WITH seeker AS (SELECT organization_id AS org FROM users WHERE email = 'seeker@demo.vn')
     SELECT o.id, o.slug, o.title_vi AS title,
            (SELECT u.email FROM users u WHERE u.organization_id = o.organization_id
                AND 'PROVIDER' = ANY(u.roles) ORDER BY u.email = 'provider@demo.vn' DESC, u.email LIMIT 1) AS provider
       FROM offers o, seeker
      WHERE o.status = 'PUBLISHED' AND o.organization_id <> seeker.org
        AND ($1::boolean IS FALSE OR (o.price_type = 'FIXED' AND o.price_min > 0))
        AND EXISTS (SELECT 1 FROM users u WHERE u.organization_id = o.organization_id AND 'PROVIDER' = ANY(u.roles))
        AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.offer_id = o.id AND d.seeker_org_id = seeker.org)
        AND NOT EXISTS (SELECT 1 FROM matches m JOIN demands dm ON dm.id = m.demand_id
                         WHERE m.offer_id = o.id AND dm.organization_id = seeker.org)
      ORDER BY o.published_at DESC LIMIT 1`,
    [options.fixedPrice ?? false],
  );
  if (!offer) throw new Error("no offer left without a deal: the demo data has too few offers for these tests");
  return offer;
}

async function sendRequest(page: Page, slug: string) {
  await page.goto(`/account/deals/new?offer=${slug}`);
  await page.getByLabel("Lời nhắn").fill("Công ty chúng tôi muốn ứng dụng công nghệ này tại nhà máy ở Thường Tín.");
  await page.getByLabel("Mục đích sử dụng").fill("Xử lý nước thải dệt nhuộm, công suất 200 m³/ngày.");
  await page.getByLabel("Ngân sách dự kiến (VND)").fill("800.000.000");
  await page.getByLabel("Thời gian mong muốn").fill("Quý 2/2027");
  await page.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(page.getByText("Đã gửi đề nghị.", { exact: false })).toBeVisible();
  return (await page.getByTestId("deal-reference").textContent())!.trim();
}

/** The browser contexts a test opened, closed after it (the serial tests share one browser). */
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function signedIn(browser: Browser, email: string) {
  const page = await newPage(browser);
  await signIn(page, email);
  return page;
}

test("a seeker finds an offer by search and sends a request; the provider accepts; messages and an NDA follow", async ({
  browser,
}) => {
  test.setTimeout(180_000); // two people, many steps
  const offer = await freshOffer();
  const seeker = await signedIn(browser, SEEKER);

  await seeker.goto(`/search?q=${encodeURIComponent(offer.title)}`);
  await seeker.getByRole("link", { name: offer.title }).first().click();
  await expect(seeker).toHaveURL(new RegExp(`/technologies/${offer.slug}$`));
  await seeker.getByRole("link", { name: "Đề nghị chuyển giao" }).click();
  await expect(seeker).toHaveURL(new RegExp(`/account/deals/new\\?offer=${offer.slug}$`));
  const reference = await sendRequest(seeker, offer.slug);
  expect(reference).toMatch(/^GD-\d{4}-[0-9A-Z]{7}$/);
  await expect(seeker.getByTestId("deal-next")).toContainText("Đang chờ đối tác trả lời");

  // The provider finds it first in its list, marked as waiting for it.
  const provider = await signedIn(browser, offer.provider);
  await provider.goto("/account/deals");
  const card = provider.getByRole("listitem").filter({ hasText: reference });
  await expect(card.getByText("Chờ bạn", { exact: true })).toBeVisible();
  await card.getByRole("link", { name: offer.title }).click();
  await expect(provider.getByTestId("deal-next")).toContainText("Đối tác đang chờ bạn trả lời");
  await provider.getByRole("button", { name: "Chấp nhận" }).click();
  await expect(provider.getByText("Đã chấp nhận. Hai bên có thể bắt đầu trao đổi.")).toBeVisible();

  await provider
    .getByLabel("Tin nhắn mới")
    .fill("Chào anh chị, công suất 200 m³/ngày phù hợp với mô-đun tiêu chuẩn của chúng tôi.");
  await provider.getByRole("button", { name: "Gửi tin nhắn" }).click();
  await expect(provider.getByText("phù hợp với mô-đun tiêu chuẩn")).toBeVisible();

  await seeker.reload();
  await expect(seeker.getByText("phù hợp với mô-đun tiêu chuẩn")).toBeVisible();
  await seeker
    .getByLabel("Tin nhắn mới")
    .fill("Cảm ơn, chúng tôi cần xem bản vẽ chi tiết, nên đề nghị ký thỏa thuận bảo mật.");
  await seeker.getByRole("button", { name: "Gửi tin nhắn" }).click();
  await expect(seeker.getByText("nên đề nghị ký thỏa thuận bảo mật")).toBeVisible();

  // The provider shares its process documentation as confidential: before an NDA the seeker sees
  // only that a confidential document exists.
  await provider
    .getByLabel("Chọn tệp")
    .setInputFiles({ name: "quy-trinh.pdf", mimeType: "application/pdf", buffer: PDF });
  await provider.getByText("Tài liệu mật: bên kia chỉ xem được", { exact: false }).click();
  await provider.getByRole("button", { name: "Tải lên" }).click();
  const providerDocs = provider.getByTestId("deal-document");
  await expect(providerDocs.filter({ hasText: "quy-trinh.pdf" })).toContainText("Mật");
  await seeker.reload();
  await expect(seeker.getByTestId("deal-documents-sealed")).toContainText("1 tài liệu mật");
  await expect(seeker.getByText("quy-trinh.pdf")).toHaveCount(0);
  const [file] = await query<{ id: string; sha256: string }>(
    `SELECT a.id, a.sha256 FROM attachments a JOIN deals d ON d.id = a.deal_id WHERE d.reference = $1`,
    [reference],
  );
  expect((await seeker.request.get(`/api/files/${file!.id}`)).status()).toBe(404);

  // The seeker requires an NDA from the standard text; the provider accepts the text it read.
  await expect(seeker.getByLabel("Nội dung thỏa thuận")).toHaveValue(/THỎA THUẬN BẢO MẬT THÔNG TIN/);
  seeker.once("dialog", (dialog) => void dialog.accept());
  await seeker.getByRole("button", { name: "Yêu cầu thỏa thuận bảo mật" }).click();
  await expect(seeker.getByText("Đã gửi đề nghị thỏa thuận bảo mật.", { exact: false })).toBeVisible();

  await provider.reload();
  await expect(provider.getByTestId("deal-next")).toContainText("Đối tác đề nghị ký thỏa thuận bảo mật");
  provider.once("dialog", (dialog) => void dialog.accept());
  await provider.getByRole("button", { name: "Tôi đã đọc và chấp nhận thỏa thuận" }).click();
  await expect(provider.getByText("Đã chấp nhận thỏa thuận bảo mật.")).toBeVisible();

  await seeker.reload();
  await expect(seeker.getByTestId("nda-status")).toContainText("Hai bên đã chấp nhận");
  // Once the NDA is accepted the confidential document opens, with the hash it was stored with.
  const shared = seeker.getByTestId("deal-document").filter({ hasText: "quy-trinh.pdf" });
  await expect(shared).toContainText(`SHA-256: ${file!.sha256}`);
  expect((await seeker.request.get(`/api/files/${file!.id}`)).status()).toBe(200);
  const timeline = seeker.getByTestId("deal-timeline");
  for (const step of [
    "Gửi đề nghị",
    "Chấp nhận đề nghị",
    "Gửi tin nhắn",
    "Đề nghị thỏa thuận bảo mật",
    "Chấp nhận thỏa thuận bảo mật",
    "Thêm tài liệu",
  ]) {
    await expect(timeline.getByText(step, { exact: true }).first()).toBeVisible();
  }
  const [stored] = await query<{ state: string; nda: boolean; budget: string }>(
    "SELECT state, nda_acknowledged_at IS NOT NULL AS nda, budget::text FROM deals WHERE reference = $1",
    [reference],
  );
  expect(stored).toEqual({ state: "NEGOTIATING", nda: true, budget: "800000000" });

  // A second request about the same offer opens this deal instead of sending another.
  await seeker.goto(`/account/deals/new?offer=${offer.slug}`);
  await expect(seeker).toHaveURL(new RegExp(`/account/deals/${reference}\\?existing=1$`));
  await expect(seeker.getByText("Bạn đã có một giao dịch đang mở về tin này", { exact: false })).toBeVisible();

  // Someone of another organization gets "not found" for the deal and its document...
  const outsider = await signedIn(browser, "intermediary@demo.vn");
  const response = await outsider.goto(`/account/deals/${reference}`);
  expect(response?.status()).toBe(404);
  expect((await outsider.request.get(`/api/files/${file!.id}`)).status()).toBe(404);

  // ...until the seeker invites its organization from the directory: it then reads the deal, but
  // the confidential document stays between the parties.
  const [broker] = await query<{ name: string }>(
    `SELECT o.name FROM organizations o JOIN users u ON u.organization_id = o.id WHERE u.email = 'intermediary@demo.vn'`,
  );
  await seeker.getByLabel("Tổ chức mời tham gia").selectOption({ label: broker!.name });
  await seeker.getByRole("button", { name: "Mời tham gia" }).click();
  await expect(seeker.getByText("Đã mời tổ chức tham gia giao dịch.")).toBeVisible();
  await outsider.goto(`/account/deals/${reference}`);
  await expect(outsider.getByTestId("deal-next")).toContainText("trung gian", { ignoreCase: true });
  await expect(outsider.getByTestId("deal-documents-sealed")).toBeVisible();
  expect((await outsider.request.get(`/api/files/${file!.id}`)).status()).toBe(404);
});

test("a declined request carries its reason, which is required", async ({ browser }) => {
  test.setTimeout(120_000);
  const offer = await freshOffer();
  const seeker = await signedIn(browser, SEEKER);
  const reference = await sendRequest(seeker, offer.slug);

  const provider = await signedIn(browser, offer.provider);
  await provider.goto(`/account/deals/${reference}`);
  await provider.getByRole("button", { name: "Từ chối", exact: true }).click();
  provider.once("dialog", (dialog) => void dialog.accept());
  await provider.getByRole("button", { name: "Xác nhận từ chối" }).click();
  await expect(provider.getByText("Trường này là bắt buộc.").first()).toBeVisible();
  await provider.getByLabel("Lý do (bên kia sẽ đọc)").fill("Công nghệ đã được chuyển giao độc quyền tại miền Bắc.");
  provider.once("dialog", (dialog) => void dialog.accept());
  await provider.getByRole("button", { name: "Xác nhận từ chối" }).click();
  await expect(provider.getByText("Đã từ chối. Bên kia đã được thông báo.")).toBeVisible();

  await seeker.reload();
  await expect(seeker.getByText("Bị từ chối").first()).toBeVisible();
  await expect(seeker.getByText("Công nghệ đã được chuyển giao độc quyền tại miền Bắc.").first()).toBeVisible();
  await seeker.goto("/account/notifications");
  await expect(seeker.getByText(`đã từ chối đề nghị`, { exact: false }).first()).toBeVisible();
});

test("an unanswered request expires when the job runs, and its sender is told", async ({ browser }) => {
  test.setTimeout(120_000);
  const offer = await freshOffer();
  const seeker = await signedIn(browser, SEEKER);
  const reference = await sendRequest(seeker, offer.slug);
  await query("UPDATE deals SET respond_by = now() - interval '1 minute' WHERE reference = $1", [reference]);

  const result = (await runJob("deals.expire")) as { expired: number } | null;
  expect(result?.expired).toBeGreaterThanOrEqual(1);

  await seeker.reload();
  await expect(seeker.getByText("Hết hạn").first()).toBeVisible();
  await expect(seeker.getByTestId("deal-next")).toContainText("Đề nghị đã hết hạn");
  await seeker.goto("/account/notifications");
  await expect(seeker.getByText("Đề nghị đã hết hạn", { exact: false }).first()).toBeVisible();
});

test("either party cancels before signing", async ({ browser }) => {
  test.setTimeout(120_000);
  const offer = await freshOffer();
  const seeker = await signedIn(browser, SEEKER);
  const reference = await sendRequest(seeker, offer.slug);
  const provider = await signedIn(browser, offer.provider);
  await provider.goto(`/account/deals/${reference}`);
  await provider.getByRole("button", { name: "Chấp nhận" }).click();
  await expect(provider.getByText("Đã chấp nhận.", { exact: false })).toBeVisible();

  await seeker.reload();
  await seeker.getByRole("button", { name: "Hủy giao dịch" }).click();
  await seeker.getByLabel("Lý do (không bắt buộc)").fill("Ngân sách năm nay đã được dùng cho dự án khác.");
  seeker.once("dialog", (dialog) => void dialog.accept());
  await seeker.getByRole("button", { name: "Xác nhận hủy" }).click();
  await expect(seeker.getByText("Đã hủy giao dịch.")).toBeVisible();
  const [row] = await query<{ state: string }>("SELECT state FROM deals WHERE reference = $1", [reference]);
  expect(row?.state).toBe("CANCELLED");
});

test("a visitor's request goes through sign-in and lands back on the form", async ({ browser }) => {
  test.setTimeout(120_000);
  const offer = await freshOffer();
  const page = await newPage(browser);
  await page.goto(`/technologies/${offer.slug}`);
  await page.getByRole("link", { name: "Đề nghị chuyển giao" }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(SEEKER);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(new RegExp(`/account/deals/new\\?offer=${offer.slug}$`));
  await expect(page.getByRole("heading", { name: "Đề nghị chuyển giao công nghệ" })).toBeVisible();
});

test("the contract is drafted, edited once, confirmed by both, downloads as PDF and DOCX, is registered, performed, completed and rated", async ({
  browser,
}) => {
  test.setTimeout(360_000); // four people: two versions and confirmations, downloads, registration, milestones, ratings
  const offer = await freshOffer();
  const seeker = await signedIn(browser, SEEKER);
  const reference = await sendRequest(seeker, offer.slug);
  const provider = await signedIn(browser, offer.provider);
  await provider.goto(`/account/deals/${reference}`);
  await provider.getByRole("button", { name: "Chấp nhận" }).click();
  await expect(provider.getByText("Đã chấp nhận.", { exact: false })).toBeVisible();

  // The provider drafts from the standard terms, filled in from the offer and the request's budget.
  await provider.getByRole("link", { name: "Soạn hợp đồng" }).click();
  await expect(provider).toHaveURL(new RegExp(`/account/deals/${reference}/contract$`));
  await expect(provider.getByLabel("Tên công nghệ", { exact: true })).toHaveValue(offer.title);
  await expect(provider.getByLabel("Giá chuyển giao công nghệ", { exact: true })).toHaveValue("800000000");
  await provider.getByRole("button", { name: "Lưu phiên bản mới" }).click();
  await expect(provider.getByText("Đã lưu phiên bản 1.", { exact: false })).toBeVisible();

  // The seeker edits the warranty once: a second version.
  await seeker.goto(`/account/deals/${reference}/contract`);
  await expect(seeker.getByRole("heading", { name: "Phiên bản mới nhất: 1" })).toBeVisible();
  await seeker
    .getByLabel("Bảo hành", { exact: true })
    .fill("Bên giao bảo hành công nghệ trong 24 tháng kể từ ngày nghiệm thu.");
  await seeker.getByRole("button", { name: "Lưu phiên bản mới" }).click();
  await expect(seeker.getByText("Đã lưu phiên bản 2.", { exact: false })).toBeVisible();
  await seeker.reload();
  await seeker.getByRole("button", { name: "So sánh" }).click();
  await expect(seeker.getByTestId("contract-diff")).toContainText("trong 24 tháng kể từ ngày nghiệm thu");

  // Both confirm version 2; the second confirmation signs. Nothing of Art. 23 is missing from the
  // standard terms, also for a state-funded offer, whose contract takes effect on registration.
  await expect(seeker.getByTestId("contract-missing")).toHaveCount(0);
  seeker.once("dialog", (dialog) => void dialog.accept());
  await seeker.getByRole("button", { name: "Xác nhận phiên bản 2" }).click();
  await expect(seeker.getByText("Đã xác nhận. Đang chờ bên kia", { exact: false })).toBeVisible();
  await provider.goto(`/account/deals/${reference}/contract`);
  provider.once("dialog", (dialog) => void dialog.accept());
  await provider.getByRole("button", { name: "Xác nhận phiên bản 2" }).click();
  await expect(provider.getByText("Hợp đồng đã được hai bên xác nhận cùng phiên bản", { exact: false })).toBeVisible();
  const [row] = await query<{ state: string; sha: string }>(
    `SELECT d.state, c.content_sha256 AS sha FROM deals d JOIN contracts c ON c.deal_id = d.id AND c.version_no = 2
      WHERE d.reference = $1`,
    [reference],
  );
  expect(row?.state).toBe("SIGNED");

  // The signed version downloads; its PDF text holds the Vietnamese title and the hash.
  const pdf = await provider.request.get(`/api/deals/${reference}/contract/2/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const { extractText, getDocumentProxy } = await import("unpdf");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
  expect(text).toContain("HỢP ĐỒNG CHUYỂN GIAO CÔNG NGHỆ");
  expect(text.replace(/\s+/g, "")).toContain(row!.sha);
  const docx = await seeker.request.get(`/api/deals/${reference}/contract/2/docx`);
  expect(docx.status()).toBe(200);
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
  const outsider = await signedIn(browser, "intermediary@demo.vn");
  expect((await outsider.request.get(`/api/deals/${reference}/contract/2/pdf`)).status()).toBe(404);

  // The scan of the contract signed on every page and stamped (Art. 22) joins the signed version;
  // the registration cannot be filed without it.
  await seeker.goto(`/account/deals/${reference}`);
  await expect(seeker.getByText("Trước khi nộp hồ sơ: tải lên bản quét hợp đồng", { exact: false })).toBeVisible();
  await seeker.getByLabel("Loại tài liệu").selectOption({ label: "Bản quét hợp đồng đã ký, đóng dấu" });
  await seeker
    .getByLabel("Chọn tệp")
    .setInputFiles({ name: "hop-dong-da-ky.pdf", mimeType: "application/pdf", buffer: PDF });
  await seeker.getByRole("button", { name: "Tải lên" }).click();
  await expect(seeker.getByTestId("deal-document").filter({ hasText: "hop-dong-da-ky.pdf" })).toContainText(
    "Hợp đồng phiên bản 2",
  );
  await expect(seeker.getByText("Bản quét hợp đồng đã ký: hop-dong-da-ky.pdf", { exact: false })).toBeVisible();

  // Registration: the seeker files, the officer asks for a paper, the seeker adds it, the officer certifies.
  await seeker.getByLabel("Liên hệ").fill("024 3333 4444");
  seeker.once("dialog", (dialog) => void dialog.accept());
  await seeker.getByRole("button", { name: "Nộp hồ sơ đăng ký" }).click();
  await expect(seeker.getByTestId("registration-status")).toContainText("Đang chờ Sở xử lý");

  const officer = await signedIn(browser, "officer@demo.vn");
  await officer.goto("/admin/registrations");
  const file = officer.getByTestId("registration").filter({ hasText: reference });
  await expect(file.getByTestId("registration-deadline")).toContainText("còn");
  await file.getByLabel("Giấy tờ cần bổ sung").fill("Bản sao hợp đồng có dấu giáp lai.");
  await file.getByRole("button", { name: "Đề nghị bổ sung" }).click();
  await expect(file.getByText("Cần bổ sung hồ sơ")).toBeVisible();

  await seeker.reload();
  await expect(seeker.getByText("Bản sao hợp đồng có dấu giáp lai.")).toBeVisible();
  await seeker.getByLabel("Nội dung bổ sung").fill("Đã tải bản sao hợp đồng có dấu giáp lai lên mục tài liệu.");
  await seeker.getByRole("button", { name: "Gửi bổ sung" }).click();
  await expect(seeker.getByTestId("registration-status")).toContainText("Đang chờ Sở xử lý");

  const certificate = `${Date.now() % 1_000_000}/GCN-SKHCN`;
  await officer.reload();
  await file.getByLabel("Số giấy chứng nhận").fill(certificate);
  officer.once("dialog", (dialog) => void dialog.accept());
  await file.getByRole("button", { name: "Cấp giấy chứng nhận" }).click();
  await expect(file).toHaveCount(0); // certified files leave the queue

  await seeker.reload();
  await expect(seeker.getByText(`Đã cấp giấy chứng nhận đăng ký số ${certificate}.`)).toBeVisible();
  await expect(seeker.getByTestId("deal-timeline").getByText("Được cấp giấy chứng nhận đăng ký")).toBeVisible();
  const [registered] = await query<{ state: string }>("SELECT state FROM deals WHERE reference = $1", [reference]);
  expect(registered?.state).toBe("IN_PERFORMANCE");

  // Performance: each milestone is reported by its party and confirmed by the other.
  const milestones = await query<{ title: string; responsible: string }>(
    `SELECT m.title, m.responsible FROM contract_milestones m JOIN contracts c ON c.id = m.contract_id
       JOIN deals d ON d.id = c.deal_id WHERE d.reference = $1 AND c.state = 'SIGNED' ORDER BY m.position`,
    [reference],
  );
  expect(milestones.length).toBeGreaterThan(0);
  await provider.goto(`/account/deals/${reference}`);
  for (const m of milestones) {
    const [doer, other] = m.responsible === "seeker" ? [seeker, provider] : [provider, seeker];
    // The milestone's badge says where it stands (the button goes once it is used).
    const item = (page: Page) => page.getByTestId("milestones").getByRole("listitem").filter({ hasText: m.title });
    await doer.reload();
    doer.once("dialog", (dialog) => void dialog.accept());
    await item(doer).getByRole("button").click();
    await expect(item(doer)).toContainText("Chờ bên kia xác nhận");
    await other.reload();
    other.once("dialog", (dialog) => void dialog.accept());
    await item(other).getByRole("button").click();
    await expect(item(other)).toContainText("Đã xác nhận");
  }

  // The seeker completes the deal; both rate each other; the timeline shows every step.
  await seeker.reload();
  seeker.once("dialog", (dialog) => void dialog.accept());
  await seeker.getByRole("button", { name: "Hoàn thành giao dịch" }).click();
  await expect(seeker.getByTestId("deal-next")).toHaveText("Giao dịch đã hoàn thành.");
  for (const [page, stars, comment] of [
    [seeker, "5 sao", "Bàn giao đúng tiến độ, hỗ trợ tận tình."],
    [provider, "4 sao", "Thanh toán đúng hạn."],
  ] as const) {
    await page.reload();
    await page.getByLabel("Đánh giá đối tác").selectOption({ label: stars });
    await page.getByLabel("Nhận xét").fill(comment);
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect(page.getByText("Cảm ơn bạn đã đánh giá.")).toBeVisible();
  }
  await seeker.reload();
  await expect(seeker.getByTestId("ratings")).toContainText("Bàn giao đúng tiến độ");
  await expect(seeker.getByTestId("ratings")).toContainText("Thanh toán đúng hạn");
  const timeline = seeker.getByTestId("deal-timeline");
  for (const step of [
    "Gửi đề nghị",
    "Chấp nhận đề nghị",
    "Soạn hợp đồng",
    "Lưu phiên bản hợp đồng mới",
    "Xác nhận hợp đồng",
    "Hợp đồng được ký",
    "Thêm tài liệu",
    "Nộp hồ sơ đăng ký",
    "Được cấp giấy chứng nhận đăng ký",
    "Báo hoàn thành một mốc",
    "Xác nhận một mốc",
    "Hoàn thành giao dịch",
    "Đánh giá đối tác",
  ]) {
    await expect(timeline.getByText(step, { exact: true }).first()).toBeVisible();
  }
  const [completed] = await query<{ state: string; ratings: number }>(
    `SELECT d.state, (SELECT count(*)::int FROM ratings r WHERE r.deal_id = d.id) AS ratings
       FROM deals d WHERE d.reference = $1`,
    [reference],
  );
  expect(completed).toEqual({ state: "COMPLETED", ratings: 2 });

  // The auditor's verification of the whole audit chain stays intact after all of it.
  const auditor = await signedIn(browser, "auditor@demo.vn");
  await auditor.goto("/admin");
  await auditor.getByRole("button", { name: "Kiểm tra toàn vẹn chuỗi nhật ký" }).click();
  await expect(auditor.getByText("Chuỗi nhật ký toàn vẹn", { exact: false })).toBeVisible({ timeout: 30_000 });
});

test("a seeker takes an express licence on the standard terms in one step; the provider's confirmation signs it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const offer = await freshOffer({ fixedPrice: true });
  const seeker = await signedIn(browser, SEEKER);
  await seeker.goto(`/technologies/${offer.slug}`);
  await seeker.getByRole("link", { name: /^Li-xăng nhanh · / }).click();
  await expect(seeker.getByRole("heading", { name: "Li-xăng nhanh" })).toBeVisible();
  await expect(seeker.getByRole("heading", { name: "HỢP ĐỒNG CHUYỂN GIAO CÔNG NGHỆ" })).toBeVisible();
  await seeker.getByLabel("Mục đích sử dụng").fill("Sản xuất thử tại xưởng của công ty.");
  seeker.once("dialog", (dialog) => void dialog.accept());
  await seeker.getByRole("button", { name: /^Chấp nhận li-xăng với giá/ }).click();
  await expect(seeker.getByTestId("deal-reference")).toBeVisible();
  const reference = (await seeker.getByTestId("deal-reference").textContent())!.trim();
  await expect(seeker.getByText("Đã soạn hợp đồng").first()).toBeVisible();

  const provider = await signedIn(browser, offer.provider);
  await provider.goto(`/account/deals/${reference}/contract`);
  await expect(provider.getByTestId("contract-confirmations")).toContainText("Bên nhận đã xác nhận");
  // The standard terms are not edited: there is no form, only the confirmation.
  await expect(provider.getByRole("button", { name: "Lưu phiên bản mới" })).toHaveCount(0);
  provider.once("dialog", (dialog) => void dialog.accept());
  await provider.getByRole("button", { name: "Xác nhận phiên bản 1" }).click();
  await expect(provider.getByText("Hợp đồng đã được hai bên xác nhận cùng phiên bản", { exact: false })).toBeVisible();
  const [row] = await query<{ state: string; origin: string }>("SELECT state, origin FROM deals WHERE reference = $1", [
    reference,
  ]);
  expect(row).toEqual({ state: "SIGNED", origin: "EXPRESS_LICENCE" });
});
