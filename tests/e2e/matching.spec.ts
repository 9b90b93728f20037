import { expect, test } from "@playwright/test";
import { query, signIn } from "./support";

test("a published demand shows its matching technologies with explanations, and the API returns the same", async ({
  page,
  request,
}) => {
  // The seed computes matches; take a published demand whose best match is a published offer.
  const [best] = await query<{
    demand_id: string;
    demand_slug: string;
    offer_id: string;
    offer_slug: string;
    offer_title: string;
    offer_title_en: string | null;
  }>(
    `SELECT d.id AS demand_id, d.slug AS demand_slug, o.id AS offer_id, o.slug AS offer_slug, o.title_vi AS offer_title, o.title_en AS offer_title_en
       FROM matches m JOIN demands d ON d.id = m.demand_id JOIN offers o ON o.id = m.offer_id
      WHERE d.status = 'PUBLISHED' AND o.status = 'PUBLISHED'
      ORDER BY m.score DESC, m.id LIMIT 1`,
  );
  expect(best, "the seed stores matches").toBeTruthy();
  const [{ n }] = (await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM matches m JOIN offers o ON o.id = m.offer_id WHERE m.demand_id = $1 AND o.status = 'PUBLISHED'`,
    [best!.demand_id],
  )) as [{ n: number }];
  // The best pair overall is also its demand's best (ties aside): it heads the block.
  const [top] = await query<{ offer_id: string }>(
    `SELECT m.offer_id FROM matches m JOIN offers o ON o.id = m.offer_id
      WHERE m.demand_id = $1 AND o.status = 'PUBLISHED' ORDER BY m.score DESC, m.id LIMIT 1`,
    [best!.demand_id],
  );

  await page.goto(`/demands/${best!.demand_slug}`);
  const block = page.getByRole("region", { name: "Công nghệ phù hợp" });
  await expect(block).toBeVisible();
  const items = block.getByRole("listitem").filter({ has: page.getByTestId("match-explanation") });
  await expect(items).toHaveCount(Math.min(n, 5));
  const first = items.first();
  await expect(first.getByRole("link").first()).toHaveAttribute("href", /^\/technologies\//);
  await expect(first.getByTestId("match-score")).toHaveText(/^Mức phù hợp \d{1,3}\s?%$/);
  const criteria = first.getByTestId("match-explanation");
  await expect(criteria).toContainText("TRL");
  await expect(criteria.locator('[data-criterion="sector"]')).toHaveText(/chuyên ngành|lĩnh vực/);
  await expect(criteria.getByText("Từ khóa chung:")).toBeVisible();
  if (top!.offer_id === best!.offer_id) {
    await expect(first.getByRole("link", { name: best!.offer_title })).toHaveAttribute(
      "href",
      `/technologies/${best!.offer_slug}`,
    );
  }

  await page.goto(`/en/demands/${best!.demand_slug}`);
  const english = page.getByRole("region", { name: "Matching technologies" });
  await expect(english.getByTestId("match-score").first()).toHaveText(/^Match \d{1,3}\s?%$/);
  await expect(english.getByRole("link").first()).toHaveAttribute("href", /^\/en\/technologies\//);

  const response = await request.get(`/api/v1/demands/${best!.demand_id}/matches`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/application\/json/);
  const body = (await response.json()) as { items: { score: number; offer: { id: string; slug: string } }[] };
  expect(body.items).toHaveLength(Math.min(n, 10));
  expect(body.items[0]!.offer.id).toBe(top!.offer_id);
  expect((await request.get(`/api/v1/demands/not-a-uuid/matches`)).status()).toBe(400);
});

test("an offer page shows its matching demands", async ({ page }) => {
  const [row] = await query<{ slug: string }>(
    `SELECT o.slug FROM matches m JOIN offers o ON o.id = m.offer_id JOIN demands d ON d.id = m.demand_id
      WHERE o.status = 'PUBLISHED' AND d.status = 'PUBLISHED' ORDER BY m.score DESC LIMIT 1`,
  );
  await page.goto(`/technologies/${row!.slug}`);
  const block = page.getByRole("region", { name: "Nhu cầu phù hợp" });
  await expect(block.getByTestId("match-explanation").first()).toBeVisible();
  await expect(block.getByRole("link").first()).toHaveAttribute("href", /^\/demands\//);
});

// The seeker's two tests change the same organization's matches: one after the other.
test.describe.serial("the seeker's matches", () => {
  test("the seeker sees the organization's matches; a dismissed one leaves the list and stays dismissed", async ({
    page,
  }) => {
    test.slow(); // a journey (a sign-in, a dismissal, a reload and a restore): 90 s, so a busy machine does not time it out
    await signIn(page, "seeker@demo.vn");
    await page.getByRole("link", { name: "Gợi ý kết nối", exact: true }).click();
    await expect(page).toHaveURL(/\/account\/matches$/);
    await expect(page.getByRole("heading", { level: 1, name: "Gợi ý kết nối" })).toBeVisible();
    await expect(page.getByTestId("matches-note")).toContainText("mở giao dịch với bên kia");

    // A card the seeker may change: one of the organization's demands (seekers do not manage its offers).
    const cards = page.getByTestId("match-card").filter({ has: page.getByRole("button", { name: /^Bỏ qua/ }) });
    await expect(cards.first()).toBeVisible();
    const id = (await cards.first().getAttribute("data-match-id"))!;
    const card = page.locator(`[data-match-id="${id}"]`);
    await expect(card.getByTestId("match-explanation")).toBeVisible();
    const countBefore = Number((await page.getByTestId("matches-count").textContent())!.match(/\d+/)![0]);

    page.once("dialog", (dialog) => void dialog.accept());
    await card.getByRole("button", { name: /^Bỏ qua/ }).click();
    await expect(page.locator(`[data-match-id="${id}"]`)).toHaveCount(0);
    await expect(page.getByTestId("matches-count")).toHaveText(`${countBefore - 1} gợi ý`);
    const [stored] = await query<{ demand_state: string }>("SELECT demand_state FROM matches WHERE id = $1", [id]);
    expect(stored!.demand_state).toBe("DISMISSED");

    await page.reload();
    await expect(page.getByTestId("match-card").first()).toBeVisible();
    await expect(page.locator(`[data-match-id="${id}"]`)).toHaveCount(0);

    // It is still there under "show dismissed", marked, and can be restored.
    await page.getByRole("link", { name: "Hiện cả gợi ý đã bỏ qua" }).click();
    await expect(page).toHaveURL(/\/account\/matches\?dismissed=1$/);
    const dismissed = page.locator(`[data-match-id="${id}"]`);
    await expect(dismissed.getByTestId("match-state")).toHaveText("Đã bỏ qua");
    await dismissed.getByRole("button", { name: /^Khôi phục/ }).click();
    await expect(dismissed.getByTestId("match-state")).toHaveText("Mới");
  });

  test("a dismissal is cancelled when the confirmation is declined; 'Request a transfer' opens a deal and marks the match", async ({
    page,
  }) => {
    test.slow(); // a sign-in, a form and two page loads
    // A match of the seeker's demands whose offer has no deal of the seeker's organization yet.
    const [match] = await query<{ id: string }>(
      `SELECT m.id FROM matches m JOIN demands dm ON dm.id = m.demand_id
        WHERE dm.organization_id = (SELECT organization_id FROM users WHERE email = 'seeker@demo.vn')
          AND m.demand_state IN ('SUGGESTED', 'SEEN')
          AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.offer_id = m.offer_id AND d.seeker_org_id = dm.organization_id)
        ORDER BY m.score DESC LIMIT 1`,
    );
    const id = match!.id;
    await signIn(page, "seeker@demo.vn");
    await page.goto("/account/matches");
    const card = page.locator(`[data-match-id="${id}"]`);

    page.once("dialog", (dialog) => void dialog.dismiss());
    await card.getByRole("button", { name: /^Bỏ qua/ }).click();
    await expect(page.locator(`[data-match-id="${id}"]`)).toHaveCount(1);

    await card.getByRole("link", { name: /^Đề nghị chuyển giao/ }).click();
    await expect(page).toHaveURL(new RegExp(`/account/deals/new\\?offer=[a-z0-9-]+&match=${id}$`));
    await page.getByLabel("Lời nhắn").fill("Chúng tôi thấy công nghệ này phù hợp với nhu cầu đã đăng trên Sàn.");
    await page.getByLabel("Mục đích sử dụng").fill("Đáp ứng nhu cầu công nghệ của doanh nghiệp.");
    await page.getByRole("button", { name: "Gửi đề nghị" }).click();
    await expect(page.getByText("Đã gửi đề nghị.", { exact: false })).toBeVisible();
    const [stored] = await query<{ demand_state: string }>("SELECT demand_state FROM matches WHERE id = $1", [id]);
    expect(stored!.demand_state).toBe("ACTED_ON");

    await page.goto("/account/matches");
    await expect(card.getByTestId("match-state")).toHaveText("Đã gửi đề nghị");
    await expect(card.getByRole("link", { name: "Xem giao dịch" })).toHaveAttribute("href", "/account/deals");
  });
});

test("on a phone (390 px) matches are a compact stacked list: title, score and shared terms, criteria on request, nothing sideways", async ({
  page,
}) => {
  test.slow(); // a sign-in, two pages and a resize
  await page.setViewportSize({ width: 390, height: 844 });
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  // The provider's matches: the seeker's are dismissed and restored by the tests above meanwhile.
  await signIn(page, "provider@demo.vn");
  await page.goto("/account/matches");
  const first = page.getByTestId("match-card").first();
  await expect(first).toBeVisible();
  const card = page.locator(`[data-match-id="${await first.getAttribute("data-match-id")}"]`);
  const parts = [
    card.getByRole("heading", { level: 2 }),
    card.getByTestId("match-score"),
    card.getByTestId("shared-terms"),
  ];
  for (const part of parts) await expect(part).toBeVisible();
  // One under the other in that order, none wider than the card.
  const [title, score, terms, box] = await Promise.all([...parts, card].map((l) => l.boundingBox()));
  expect(title!.y + title!.height).toBeLessThanOrEqual(score!.y);
  expect(score!.y + score!.height).toBeLessThanOrEqual(terms!.y);
  for (const b of [title, score, terms]) expect(b!.x + b!.width).toBeLessThanOrEqual(box!.x + box!.width);
  // The criteria wait behind a button.
  const sector = card.locator('[data-criterion="sector"]');
  await expect(sector).toBeHidden();
  await card.getByRole("button", { name: "Xem từng tiêu chí" }).click();
  await expect(sector).toBeVisible();
  await expect(card.getByRole("button", { name: "Ẩn các tiêu chí" })).toHaveAttribute("aria-expanded", "true");
  expect(await pageWidth()).toBeLessThanOrEqual(390);

  // A listing's matching technologies, the same way.
  const [best] = await query<{ slug: string }>(
    `SELECT d.slug FROM matches m JOIN demands d ON d.id = m.demand_id JOIN offers o ON o.id = m.offer_id
      WHERE d.status = 'PUBLISHED' AND o.status = 'PUBLISHED' ORDER BY m.score DESC, m.id LIMIT 1`,
  );
  await page.goto(`/demands/${best!.slug}`);
  const block = page.getByRole("region", { name: "Công nghệ phù hợp" });
  await expect(block.getByTestId("match-score").first()).toBeVisible();
  await expect(block.getByTestId("shared-terms").first()).toBeVisible();
  const criterion = block.locator('[data-criterion="sector"]').first();
  await expect(criterion).toBeHidden();
  expect(await pageWidth()).toBeLessThanOrEqual(390);
  // From 640 px up the criteria are simply shown.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(criterion).toBeVisible();
  await expect(block.getByRole("button", { name: "Xem từng tiêu chí" })).toBeHidden();
});
