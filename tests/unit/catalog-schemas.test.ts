import { describe, expect, it } from "vitest";
import {
  DemandApiQuerySchema,
  DemandQuerySchema,
  isSlug,
  OfferApiQuerySchema,
  OfferQuerySchema,
  parseLenient,
  parseStrict,
} from "@/lib/catalog/schemas";
import { ExpertQuerySchema, OrganizationQuerySchema } from "@/lib/catalog/directory-schemas";
import { clampPage, MAX_PAGE, pageNumber, PageSchema } from "@/lib/page-number";
import { firstValues, isCanonical, toQueryString } from "@/lib/catalog/query-input";

describe("catalog filter schema", () => {
  it("defaults to the newest first, page 1, all organizations", () => {
    expect(OfferQuerySchema.parse({})).toEqual({ verified: false, page: 1, sort: "newest" });
  });

  it("parses every filter from strings", () => {
    const q = OfferQuerySchema.parse({
      sector: "207",
      trlMin: "3",
      trlMax: "9",
      ip: "PATENT",
      form: "FRANCHISE",
      priceMin: "0",
      priceMax: "500000000",
      orgType: "UNIVERSITY",
      location: "HN-CAUGIAY",
      verified: "1",
      sort: "price",
      page: "4",
    });
    expect(q).toEqual({
      sector: "207",
      trlMin: 3,
      trlMax: 9,
      ip: "PATENT",
      form: "FRANCHISE",
      priceMin: 0,
      priceMax: 500_000_000,
      orgType: "UNIVERSITY",
      location: "HN-CAUGIAY",
      verified: true,
      sort: "price",
      page: 4,
    });
  });

  it.each([
    ["trlMin", "0"],
    ["trlMin", "10"],
    ["trlMax", "5.5"],
    ["trlMax", "x"],
    ["sector", "7"],
    ["sector", "2071"],
    ["sector", "abc"],
    ["ip", "patent"],
    ["form", "GIFT"],
    ["orgType", "NGO"],
    ["location", "HN-NOWHERE"],
    ["priceMin", "-1"],
    ["priceMax", "1e9"],
    ["priceMax", "1234567890123456"],
    ["page", "0"],
    ["page", "-2"],
    ["page", "1.5"],
    ["page", "abc"],
    ["sort", "budget"],
    ["verified", "yes"],
  ])("rejects %s=%s with an English message naming it", (key, value) => {
    const result = parseStrict(OfferQuerySchema, { [key]: value });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([{ path: key, code: "invalid", message: expect.stringContaining(key) }]);
  });

  it("rejects a minimum above the maximum as a range issue on the maximum", () => {
    for (const [schema, min, max, lo, hi] of [
      [OfferQuerySchema, "trlMin", "trlMax", "8", "2"],
      [OfferQuerySchema, "priceMin", "priceMax", "9", "1"],
      [DemandQuerySchema, "budgetMin", "budgetMax", "9", "1"],
    ] as const) {
      const result = parseStrict(schema, { [min]: lo, [max]: hi });
      expect(result).toEqual({
        ok: false,
        issues: [{ path: max, code: "range", message: `${max} must be greater than or equal to ${min}` }],
      });
      expect(parseStrict(schema, { [min]: lo, [max]: lo }).ok).toBe(true);
    }
  });

  it("has price filters for offers and budget filters for demands only", () => {
    expect(DemandQuerySchema.parse({ priceMin: "5", budgetMin: "7", sort: "budget" })).toMatchObject({
      budgetMin: 7,
      sort: "budget",
    });
    expect(DemandQuerySchema.parse({ priceMin: "5" })).not.toHaveProperty("priceMin");
    expect(parseStrict(DemandQuerySchema, { ip: "PATENT" }).ok).toBe(true);
  });

  it("bounds the API page size at 100, defaulting to 20", () => {
    expect(OfferApiQuerySchema.parse({}).pageSize).toBe(20);
    expect(DemandApiQuerySchema.parse({ pageSize: "100" }).pageSize).toBe(100);
    for (const pageSize of ["0", "101", "abc"]) expect(parseStrict(OfferApiQuerySchema, { pageSize }).ok).toBe(false);
  });

  it("leniently drops only the bad values and lists them", () => {
    const { data, issues } = parseLenient(OfferQuerySchema, {
      trlMin: "0",
      trlMax: "6",
      ip: "FOO",
      location: "HN",
      page: "zz",
    });
    expect(data).toEqual({ trlMax: 6, location: "HN", verified: false, page: 1, sort: "newest" });
    expect(issues.map((i) => i.path).sort()).toEqual(["ip", "page", "trlMin"]);
  });

  it("leniently drops a maximum below the minimum", () => {
    const { data, issues } = parseLenient(OfferQuerySchema, { trlMin: "7", trlMax: "3" });
    expect(data).toMatchObject({ trlMin: 7 });
    expect(data.trlMax).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(["range"]);
  });

  it("refuses control characters in q (the API answers 400, pages drop it) and non-slugs", () => {
    expect(parseStrict(OfferApiQuerySchema, new URLSearchParams("q=a%00b"))).toMatchObject({
      ok: false,
      issues: [{ path: "q" }],
    });
    expect(parseLenient(DemandQuerySchema, { q: "x\u0007y", trlMin: "5" })).toMatchObject({
      data: { trlMin: 5 },
      issues: [{ path: "q" }],
    });
    expect(OfferQuerySchema.parse({ q: "xử lý\tnước thải" }).q).toBe("xử lý\tnước thải");
    expect(isSlug("xu-ly-nuoc-thai-ab12c")).toBe(true);
    for (const slug of ["a\u0000b", "../x", "", "A", "x".repeat(201)]) expect(isSlug(slug)).toBe(false);
  });

  it("validates the directory filters", () => {
    expect(OrganizationQuerySchema.parse({ orgType: "ENTERPRISE", verified: "on" })).toEqual({
      orgType: "ENTERPRISE",
      verified: true,
      page: 1,
    });
    expect(ExpertQuerySchema.safeParse({ sector: "9" }).success).toBe(false);
  });
});

describe("page numbers (one rule for every list)", () => {
  it("accepts whole numbers from 1 to MAX_PAGE in plain digits, spaces around ignored", () => {
    for (const [raw, page] of [
      ["1", 1],
      ["42", 42],
      [" 7 ", 7],
      [String(MAX_PAGE), MAX_PAGE],
    ] as const) {
      expect(PageSchema.parse(raw)).toBe(page);
      expect(pageNumber(raw)).toBe(page);
    }
  });

  it.each(["0", "-1", "03", "3.0", "1.5", "3abc", "1e3", "abc", "", String(MAX_PAGE + 1), "99999999999999999999"])(
    "refuses %j: the API answers 400, a page shows page 1",
    (raw) => {
      expect(PageSchema.safeParse(raw).success).toBe(false);
      expect(pageNumber(raw)).toBe(1);
      const api = parseStrict(OfferApiQuerySchema, { page: raw });
      // An empty value is no value (a GET form sends every field), so it is the default page.
      if (raw === "") expect(api.ok).toBe(true);
      else expect(api).toMatchObject({ ok: false, issues: [{ path: "page", code: "invalid" }] });
    },
  );

  it("reads the first of a repeated page and treats a missing one as page 1", () => {
    expect(pageNumber(["4", "9"])).toBe(4);
    expect(pageNumber([])).toBe(1);
    expect(pageNumber(undefined)).toBe(1);
  });

  it("clamps a page past the end to the last page, page 1 for an empty list", () => {
    expect(clampPage(3, 100, 12)).toEqual({ page: 3, pageCount: 9 });
    expect(clampPage(20, 100, 12)).toEqual({ page: 9, pageCount: 9 });
    expect(clampPage(9, 96, 12)).toEqual({ page: 8, pageCount: 8 });
    expect(clampPage(5, 0, 12)).toEqual({ page: 1, pageCount: 1 });
  });

  it("is the page rule of the directories too", () => {
    expect(parseLenient(OrganizationQuerySchema, { page: "3.0" })).toMatchObject({
      data: { page: 1 },
      issues: [{ path: "page", code: "invalid" }],
    });
    expect(ExpertQuerySchema.parse({ page: " 12 " }).page).toBe(12);
  });
});

describe("catalog query strings", () => {
  it("takes the first value of a repeated key and ignores empty form fields", () => {
    expect(firstValues(new URLSearchParams("sector=&trlMin=5&trlMin=7&ip=%20"))).toEqual({ trlMin: "5" });
    expect(firstValues({ sort: ["trl", "price"], page: undefined })).toEqual({ sort: "trl" });
  });

  it("writes the canonical query without defaults and parses it back to the same filters", () => {
    const q = OfferQuerySchema.parse({ sector: "2", trlMin: "4", verified: "on", sort: "newest", page: "1" });
    const text = toQueryString(q);
    expect(text).toBe("?sector=2&trlMin=4&verified=1");
    expect(OfferQuerySchema.parse(firstValues(new URLSearchParams(text)))).toEqual(q);
    expect(toQueryString(q, { page: 3 })).toBe("?sector=2&trlMin=4&verified=1&page=3");
  });

  it("knows when a submitted form needs a redirect to the canonical URL", () => {
    expect(isCanonical({ sector: "2", trlMin: "4" }, "?sector=2&trlMin=4")).toBe(true);
    expect(isCanonical({ trlMin: "4", sector: "2" }, "?sector=2&trlMin=4")).toBe(true);
    expect(isCanonical({ sector: "2", trlMin: "" }, "?sector=2")).toBe(false);
    expect(isCanonical({ sort: "newest" }, "")).toBe(false);
    expect(isCanonical({}, "")).toBe(true);
  });
});
