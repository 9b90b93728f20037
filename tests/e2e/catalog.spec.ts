import { expect, test, type Page } from "@playwright/test";
import { query, unique } from "./support";

/** Published listings matching `where` (aliases: o/d the listing, s its sector, g its organization). */
const count = async (where: string, kind: "offer" | "demand" = "offer") => {
  const [table, alias] = kind === "offer" ? ["offers", "o"] : ["demands", "d"];
  const rows = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} ${alias} JOIN taxonomy_nodes s ON s.code = ${alias}.sector_code
       JOIN organizations g ON g.id = ${alias}.organization_id WHERE ${alias}.status = 'PUBLISHED' AND ${where}`,
  );
  return rows[0]!.n;
};

const results = (page: Page) => page.getByTestId("catalog-results").getByRole("listitem");

/**
 * Whether the page's result count reads `expected()` (computed from the database now; by default the
 * unfiltered count of published offers). Other tests publish and withdraw offers meanwhile
 * (tests/e2e/caching.spec.ts, listings.spec.ts), so a caller polls: the page is reloaded and both are
 * read again until they agree.
 */
async function shownIsCounted(page: Page, expected = async () => `${await count("true")} công nghệ`) {
  const now = await expected();
  const shown = (await page.getByTestId("result-count").textContent())?.trim();
  if (shown === now) return true;
  await page.reload();
  return false;
}

test("the technology catalog filters, sorts and pages through the URL, counting what the database holds", async ({
  page,
}) => {
  const total = await count("true");
  expect(total).toBeGreaterThan(12);
  await page.goto("/technologies");
  await expect(page.getByRole("heading", { level: 1, name: "Công nghệ chào bán" })).toBeVisible();
  await expect.poll(() => shownIsCounted(page)).toBe(true);
  await expect(results(page)).toHaveCount(12);

  await page.getByLabel("Lĩnh vực, chuyên ngành").selectOption("2");
  await page.getByLabel("TRL từ", { exact: true }).selectOption("5");
  await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
  await expect(page).toHaveURL(/\/technologies\?sector=2&trlMin=5$/);
  const engineering = await count("(s.code = '2' OR s.parent_code = '2') AND o.trl >= 5");
  expect(engineering).toBeGreaterThan(0);
  expect(engineering).toBeLessThan(total);
  await expect(page.getByTestId("result-count")).toHaveText(`${engineering} công nghệ`);
  await expect(page.getByLabel("Lĩnh vực, chuyên ngành")).toHaveValue("2");

  await page.getByLabel("Chỉ tổ chức đã xác thực").check();
  await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
  await expect(page).toHaveURL(/verified=1/);
  const verified = await count(
    "(s.code = '2' OR s.parent_code = '2') AND o.trl >= 5 AND g.verification_status = 'VERIFIED'",
  );
  await expect(page.getByTestId("result-count")).toHaveText(`${verified} công nghệ`);

  await page.getByLabel("Sắp xếp theo").selectOption("trl");
  await expect(page).toHaveURL(/sort=trl/);
  await expect(page).toHaveURL(/sector=2/);
  const [top] = await query<{ trl: number }>(
    `SELECT max(o.trl)::int AS trl FROM offers o JOIN taxonomy_nodes s ON s.code = o.sector_code JOIN organizations g ON g.id = o.organization_id
      WHERE o.status = 'PUBLISHED' AND (s.code = '2' OR s.parent_code = '2') AND o.trl >= 5 AND g.verification_status = 'VERIFIED'`,
  );
  await expect(results(page).first()).toContainText(`TRL ${top!.trl}`);

  await page.getByRole("link", { name: "Xóa bộ lọc" }).first().click();
  await expect(page).toHaveURL(/\/technologies$/);
  // Other tests publish and withdraw offers meanwhile: compared again, after a reload, until they agree.
  await expect.poll(() => shownIsCounted(page)).toBe(true);
  await page.getByRole("navigation", { name: "Phân trang" }).getByRole("link", { name: "Trang 2" }).click();
  await expect(page).toHaveURL(/\/technologies\?page=2$/);
  await expect(page.getByRole("link", { name: "Trang 2" })).toHaveAttribute("aria-current", "page");
  await expect
    .poll(async () => {
      await page.reload();
      const shown = (await results(page).first().getByRole("heading").textContent())?.replace(/\s+/g, " ").trim();
      const [thirteenth] = await query<{ title: string }>(
        "SELECT title_vi AS title FROM offers WHERE status = 'PUBLISHED' ORDER BY published_at DESC NULLS LAST, id LIMIT 1 OFFSET 12",
      );
      return shown === thirteenth!.title;
    })
    .toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the catalog's filters are a plain GET form: the server-rendered options filter, sort and stay chosen", async ({
    page,
  }) => {
    await page.goto("/technologies");
    await page.getByLabel("Lĩnh vực, chuyên ngành").selectOption("2");
    await page.getByLabel("Địa bàn").selectOption("HN");
    await page.getByLabel("Sắp xếp theo").selectOption("trl");
    await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
    // The browser sends every field, empty ones too; the page answers at its canonical URL.
    await expect(page).toHaveURL(/\/technologies\?[^#]*sector=2/);
    await expect(page).toHaveURL(/location=HN(&|$)/);
    await expect(page).toHaveURL(/sort=trl/);
    await expect(page).not.toHaveURL(/q=/);
    const counted = async () => {
      const n = await count("(s.code = '2' OR s.parent_code = '2') AND (o.location = 'HN' OR o.location LIKE 'HN-%')");
      return `${n} công nghệ`;
    };
    await expect.poll(() => shownIsCounted(page, counted)).toBe(true);
    await expect(page.getByLabel("Lĩnh vực, chuyên ngành")).toHaveValue("2");
    await expect(page.getByLabel("Địa bàn")).toHaveValue("HN");
    await expect(page.getByLabel("Sắp xếp theo")).toHaveValue("trl");
  });

  test("the home page, the directories and search show their content without JavaScript", async ({ page }) => {
    // A loading.tsx above a page streams its content into a hidden element that only a script reveals.
    for (const [path, heading] of [
      ["/", /Sàn Giao dịch Công nghệ|công nghệ/i],
      ["/organizations", /Tổ chức/],
      ["/experts", /Chuyên gia/],
      ["/search?q=n%C6%B0%E1%BB%9Bc", /Tìm kiếm|Kết quả/],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toHaveText(heading);
      await expect(page.locator("main"), path).not.toHaveText(/^\s*$/);
    }
  });
});

test("the English catalog counts and filters by place, with English labels", async ({ page }) => {
  await page.goto("/en/technologies");
  await expect(page.getByRole("heading", { level: 1, name: "Technologies on offer" })).toBeVisible();
  await page.getByLabel("Location").selectOption("HN");
  await page.getByLabel("Form of transfer").selectOption("STANDALONE");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/en\/technologies\?form=STANDALONE&location=HN$/);
  const counted = async () => {
    const n = await count("(o.location = 'HN' OR o.location LIKE 'HN-%') AND 'STANDALONE' = ANY(o.transfer_forms)");
    return n === 1 ? "1 technology" : `${n} technologies`;
  };
  await expect.poll(() => shownIsCounted(page, counted)).toBe(true);

  await page.goto("/en/demands?budgetMin=500000000");
  const demands = await count(
    `(d.budget_min IS NOT NULL OR d.budget_max IS NOT NULL)
       AND (d.budget_max IS NULL OR d.budget_max >= 500000000)`,
    "demand",
  );
  await expect(page.getByTestId("result-count")).toHaveText(demands === 1 ? "1 demand" : `${demands} demands`);
  await expect(page.getByLabel("Budget from (VND)")).toHaveValue("500000000");
});

test("the demand catalog counts what the database holds, in Vietnamese", async ({ page }) => {
  const total = await count("true", "demand");
  await page.goto("/demands");
  await expect(page.getByTestId("result-count")).toHaveText(`${total} nhu cầu`);
  await page.getByLabel("Loại tổ chức").selectOption("ENTERPRISE");
  await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
  await expect(page).toHaveURL(/\/demands\?orgType=ENTERPRISE$/);
  // Confidential demands never match an organization-attribute filter (issue 9, item 11).
  const n = await count("g.type = 'ENTERPRISE' AND NOT d.confidential", "demand");
  await expect(page.getByTestId("result-count")).toHaveText(`${n} nhu cầu`);
});

test("invalid parameters show a notice instead of failing, and an empty result explains what to do", async ({
  page,
}) => {
  const total = await count("true");
  const response = await page.goto("/technologies?trlMin=0&trlMax=10&ip=FOO&page=abc");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("param-notice")).toContainText("TRL từ: giá trị không hợp lệ");
  await expect(page.getByTestId("result-count")).toHaveText(`${total} công nghệ`);

  const last = Math.ceil(total / 12);
  await page.goto("/en/technologies?page=999");
  await expect(page.getByTestId("param-notice")).toContainText(`There is no page 999; showing page ${last}.`);
  await expect(page.getByRole("link", { name: `Page ${last}` })).toHaveAttribute("aria-current", "page");

  await page.goto("/technologies?trlMin=8&trlMax=2");
  await expect(page.getByTestId("param-notice")).toContainText("TRL đến");

  await page.goto("/technologies?priceMin=999999999999999");
  await expect(page.getByRole("heading", { name: "Không có công nghệ phù hợp" })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("0 công nghệ");
});

test("a technology page shows its fields, badges, files and structured data; its text cannot run scripts", async ({
  page,
}) => {
  const [offer] = await query<{
    id: string;
    slug: string;
    title_vi: string;
    title_en: string;
    trl: number;
    ip_title_number: string;
    org: string;
    uploader: string;
  }>(
    `SELECT o.id, o.slug, o.title_vi, o.title_en, o.trl, o.ip_title_number, g.name AS org, o.created_by_id AS uploader
       FROM offers o JOIN organizations g ON g.id = o.organization_id
      WHERE o.status = 'PUBLISHED' AND o.ip_title_number IS NOT NULL AND o.title_en IS NOT NULL AND g.verification_status = 'VERIFIED'
      ORDER BY o.slug LIMIT 1`,
  );
  const tag = unique();
  await query("UPDATE offers SET screening = 'ENCOURAGED', description = description || $2 WHERE id = $1", [
    offer!.id,
    `\n\n<script>window.__pwned = 1</script> ${tag}`,
  ]);
  await query(
    `INSERT INTO attachments (kind, filename, mime_type, size, sha256, storage_key, uploaded_by_id, offer_id)
     VALUES ('IMAGE', $1, 'image/png', 2048, repeat('a', 64), $2, $4, $5), ('DOCUMENT', $3, 'application/pdf', 51200, repeat('b', 64), $6, $4, $5)`,
    [`so-do-${tag}.png`, `e2e/${tag}.png`, `ho-so-${tag}.pdf`, offer!.uploader, offer!.id, `e2e/${tag}.pdf`],
  );

  await page.goto(`/technologies/${offer!.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(offer!.title_vi);
  const badges = page.getByTestId("listing-badges");
  await expect(badges).toContainText("Khuyến khích chuyển giao");
  await expect(badges).toContainText("Đã xác thực");
  await expect(page.getByTestId("fact-trl")).toContainText(`TRL ${offer!.trl} — `);
  await expect(page.getByTestId("fact-ip")).toContainText(offer!.ip_title_number);
  await expect(page.getByTestId("fact-updated")).toBeVisible();
  await expect(page.getByTestId("listing-organization").getByRole("link", { name: offer!.org })).toBeVisible();
  await expect(page.getByRole("img", { name: `so-do-${tag}.png` })).toHaveAttribute(
    "src",
    /^\/api\/files\/[0-9a-f-]{36}$/,
  );
  await expect(page.getByRole("link", { name: `ho-so-${tag}.pdf` })).toHaveAttribute("href", /^\/api\/files\//);
  await expect(page.getByText("(50 KB)")).toBeVisible();
  await expect(page.getByText(`<script>window.__pwned = 1</script> ${tag}`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.getByRole("link", { name: "Đề nghị chuyển giao" })).toHaveAttribute(
    "href",
    `/account/deals/new?offer=${offer!.slug}`,
  );
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ "@type": "Product", name: offer!.title_vi });
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    new RegExp(`/technologies/${offer!.slug}$`),
  );

  await page.goto(`/en/technologies/${offer!.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(offer!.title_en);
  await expect(page.getByTestId("listing-badges")).toContainText("Transfer encouraged");
  await expect(page.getByRole("link", { name: "Request a transfer" })).toHaveAttribute(
    "href",
    `/en/account/deals/new?offer=${offer!.slug}`,
  );
});

test("a confidential demand hides its organization", async ({ page }) => {
  const [demand] = await query<{ slug: string; org: string }>(
    `SELECT d.slug, g.name AS org FROM demands d JOIN organizations g ON g.id = d.organization_id
      WHERE d.status = 'PUBLISHED' AND d.confidential LIMIT 1`,
  );
  expect(demand, "the demo data must include a published confidential demand").toBeTruthy();
  await page.goto(`/demands/${demand!.slug}`);
  await expect(page.getByTestId("listing-organization")).toContainText("bảo mật danh tính");
  await expect(page.locator("main")).not.toContainText(demand!.org);
});

test("unpublished listings answer not found, on pages and in the API", async ({ page, request }) => {
  const [offer] = await query<{ id: string; slug: string }>(
    "SELECT id, slug FROM offers WHERE status <> 'PUBLISHED' LIMIT 1",
  );
  const [demand] = await query<{ id: string; slug: string }>(
    "SELECT id, slug FROM demands WHERE status <> 'PUBLISHED' LIMIT 1",
  );
  for (const [path, heading] of [
    [`/technologies/${offer!.slug}`, "Không tìm thấy trang"],
    [`/demands/${demand!.slug}`, "Không tìm thấy trang"],
    [`/en/technologies/${offer!.slug}`, "Page not found"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  expect((await request.get(`/api/v1/offers/${offer!.id}`)).status()).toBe(404);
  expect((await request.get(`/api/v1/demands/${demand!.id}`)).status()).toBe(404);
  const bad = await request.get("/api/v1/offers?trlMin=0");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: "invalid_parameters", issues: [{ path: "trlMin" }] });
  const list = await request.get("/api/v1/offers?pageSize=5");
  expect(list.headers()["cache-control"]).toBe("public, max-age=60");
  expect((await list.json()).total).toBe(await count("true"));
});

test("the organization and expert directories count what is public", async ({ page }) => {
  // Verified ones only: other specs register (unverified) organizations while this one runs.
  const [orgs] = await query<{ n: number }>(
    "SELECT count(*)::int AS n FROM organizations WHERE verification_status = 'VERIFIED'",
  );
  await page.goto("/organizations?verified=1");
  await expect(page.getByTestId("result-count")).toHaveText(`${orgs!.n} tổ chức`);
  const [experts] = await query<{ n: number }>("SELECT count(*)::int AS n FROM experts WHERE is_public");
  await page.goto("/en/experts");
  await expect(page.getByTestId("result-count")).toHaveText(experts!.n === 1 ? "1 expert" : `${experts!.n} experts`);
  await results(page).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/en\/experts\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name: "Contact this expert" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("@");
});
