import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { query, signIn } from "./support";

// Issue 13 "Done when": every /admin page, API and export is refused to providers, seekers,
// intermediaries and anonymous visitors. The pages are found on disk, so a new one is swept too.

const ADMIN_DIR = path.join(process.cwd(), "app/[locale]/(admin)");

/** Every admin page's path, with its dynamic segments filled by something that exists. */
async function adminPages(): Promise<string[]> {
  const [deal] = await query<{ reference: string; id: string }>("SELECT reference, id FROM deals LIMIT 1");
  const [offer] = await query<{ id: string }>("SELECT id FROM offers LIMIT 1");
  const fill: Record<string, string> = {
    "[reference]": deal!.reference,
    "[kind]": "offer",
    "[id]": offer!.id,
    "[type]": "deal",
  };
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx") {
        const route = path
          .relative(ADMIN_DIR, path.dirname(full))
          .split(path.sep)
          .filter((s) => !s.startsWith("(") && !s.startsWith("_"))
          .map((s) => fill[s] ?? s)
          .join("/");
        pages.push(`/${route}`);
      }
    }
  };
  walk(ADMIN_DIR);
  // The entity history's id is a deal's id, not an offer's.
  return pages.map((p) => (p.startsWith("/admin/audit/entity/deal/") ? `/admin/audit/entity/deal/${deal!.id}` : p));
}

const APIS = [
  { method: "GET", url: "/api/admin/performance/review?format=csv" },
  { method: "GET", url: "/api/admin/performance/review?format=xlsx" },
  { method: "GET", url: "/api/admin/audit/archive?seed=x&size=1" },
  { method: "POST", url: "/api/admin/audit/verify" },
] as const;

test("providers, seekers and intermediaries get not-found on every admin page and API; visitors are sent to sign in", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const pages = await adminPages();
  expect(pages.length).toBeGreaterThanOrEqual(19);
  for (const email of ["provider@demo.vn", "seeker@demo.vn", "intermediary@demo.vn"]) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await signIn(page, email);
      for (const url of pages) {
        const response = await page.request.get(url, { maxRedirects: 0 });
        expect(response.status(), `${email} ${url}`).toBe(404);
      }
      for (const api of APIS) {
        const response =
          api.method === "GET"
            ? await page.request.get(api.url)
            : await page.request.post(api.url, { data: {}, headers: { "content-type": "application/json" } });
        expect(response.status(), `${email} ${api.method} ${api.url}`).toBe(404);
      }
    } finally {
      await context.close();
    }
  }
  const visitor = await browser.newContext();
  try {
    const page = await visitor.newPage();
    for (const url of pages) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect([302, 303, 307], `visitor ${url}`).toContain(response.status());
      expect(response.headers()["location"] ?? "", `visitor ${url}`).toContain("/login");
    }
    for (const api of APIS) {
      const response =
        api.method === "GET"
          ? await page.request.get(api.url, { maxRedirects: 0 })
          : await page.request.post(api.url, { data: {}, maxRedirects: 0 });
      expect(response.status(), `visitor ${api.url}`).toBe(404);
    }
  } finally {
    await visitor.close();
  }
});
