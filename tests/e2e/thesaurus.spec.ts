import { expect, test } from "@playwright/test";
import { query, signIn } from "./support";

/**
 * Issue 14: a search that finds nothing is counted; an officer sees it in /admin/search-insights,
 * adds a synonym from it in one click, and the same search now finds the listing — at once, although
 * search pages are cached. Turning the entry off empties the search again; deleting asks first.
 *
 * "zyphrax" is a made-up trade word: no listing uses it, and no word of the demo data is near enough
 * for a spelling correction or a trigram match. "silo" is a word of one seeded offer's title
 * ("Bảo quản thóc gạo trong silo bằng khí quyển điều chỉnh giàu CO₂").
 */
const WORD = "zyphrax";
const TITLE_WORD = "silo";

test("an officer adds a synonym from a search that found nothing, and the search then finds the listing", async ({
  page,
  request,
}) => {
  const [offer] = await query<{ title_vi: string }>(
    `SELECT title_vi FROM offers WHERE status = 'PUBLISHED' AND title_vi ILIKE '%' || $1 || '%' ORDER BY published_at LIMIT 1`,
    [TITLE_WORD],
  );
  expect(offer, "a seeded published offer uses the title word").toBeDefined();

  // Before: nothing, not even approximately.
  await page.goto(`/search?q=${WORD}`);
  await expect(page.getByTestId("search-empty")).toBeVisible();

  // The browser's report of the miss (what components/search/miss-beacon.tsx sends): counted, nothing personal.
  const reported = await request.post("/api/search/miss", { data: { q: WORD } });
  expect(reported.status()).toBe(204);
  const [miss] = await query<{ count: number; handled_at: Date | null }>(
    "SELECT count, handled_at FROM search_misses WHERE query = $1",
    [WORD],
  );
  expect(miss).toMatchObject({ handled_at: null });
  expect(miss!.count).toBeGreaterThanOrEqual(1);

  await signIn(page, "officer@demo.vn");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Tìm không thấy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Những gì người dùng tìm mà không thấy");
  const row = page.getByRole("row").filter({ hasText: WORD });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: `Thêm từ đồng nghĩa cho “${WORD}”` }).click();

  // The form is prefilled from the miss.
  await expect(page).toHaveURL(/\/admin\/thesaurus\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Từ điển đồng nghĩa cho tìm kiếm");
  await expect(page.getByText(/mục do sàn biên soạn sẵn/)).toBeVisible();
  const create = page.getByRole("region", { name: "Thêm mục" });
  const terms = create.getByRole("textbox", { name: "Các từ" });
  await expect(terms).toHaveValue(WORD);
  await terms.fill(`${WORD}\n${TITLE_WORD}`);
  await create.getByRole("combobox", { name: "Loại" }).selectOption("SYNONYM");
  await create.getByRole("button", { name: "Thêm mục" }).click();
  await expect(
    page.getByText("Đã thêm mục và đánh dấu lượt tìm không có kết quả là đã xử lý.", { exact: false }),
  ).toBeVisible();
  await expect(terms).toHaveValue("");

  const [entry] = await query<{ folded: string[]; active: boolean; created_by_id: string | null }>(
    "SELECT folded, active, created_by_id FROM search_synonyms WHERE $1 = ANY(folded)",
    [WORD],
  );
  expect(entry).toMatchObject({ folded: [WORD, TITLE_WORD], active: true });
  expect(entry!.created_by_id).not.toBeNull();
  const [handled] = await query<{ handled_at: Date | null }>("SELECT handled_at FROM search_misses WHERE query = $1", [
    WORD,
  ]);
  expect(handled!.handled_at).not.toBeNull();

  // After: the same search finds the listing through the synonym.
  await page.goto(`/search?q=${WORD}`);
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("link", { name: offer!.title_vi })).toBeVisible();
  await expect(page.getByTestId("search-empty")).toHaveCount(0);

  // Turned off: the search finds nothing again; then deleted after a confirmation.
  await page.goto(`/admin/thesaurus?q=${WORD}`);
  const name = `${WORD} = ${TITLE_WORD}`;
  await page.getByRole("button", { name: `Ngừng áp dụng “${name}”` }).click();
  await expect(page.getByText(`Đã ngừng áp dụng “${name}”.`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Áp dụng lại “${name}”` })).toBeVisible();
  await page.goto(`/search?q=${WORD}`);
  await expect(page.getByTestId("search-empty")).toBeVisible();

  await page.goto(`/admin/thesaurus?q=${WORD}`);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`Xóa hẳn “${name}”?`);
    void dialog.accept();
  });
  await page.getByRole("button", { name: `Xóa “${name}”` }).click();
  // The row is gone; the confirmation stays in view above the list.
  await expect(page.getByRole("status").filter({ hasText: `Đã xóa “${name}”.` })).toBeVisible();
  await expect(page.getByText("Không có mục nào khớp bộ lọc.")).toBeVisible();
  const audit = await query<{ action: string }>(
    "SELECT action FROM audit_events WHERE entity_type = 'search_synonym' AND entity_id = (SELECT entity_id FROM audit_events WHERE action = 'thesaurus.create' AND after->'folded' ? $1 LIMIT 1) ORDER BY seq",
    [WORD],
  );
  expect(audit.map((a) => a.action)).toEqual(["thesaurus.create", "thesaurus.update", "thesaurus.delete"]);
});

test("the auditor reads the thesaurus and the searches not found, without any button", async ({ page }) => {
  await signIn(page, "auditor@demo.vn");
  await page.goto("/admin/thesaurus");
  await expect(page.getByText("Bạn chỉ được xem từ điển; cán bộ Sở quản lý các mục.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Thêm mục" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Ngừng áp dụng “/ })).toHaveCount(0);
  await page.goto("/admin/search-insights");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Những gì người dùng tìm mà không thấy");
  await expect(page.getByRole("button", { name: /^Đánh dấu “/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Thêm từ đồng nghĩa cho “/ })).toHaveCount(0);
});
