import { describe, expect, it } from "vitest";
import { searchIndexing } from "@/components/search/search-indexing";
import { canonicalSearchQuery, parseSearchParams } from "@/lib/search/page-params";

describe("searchIndexing: which search pages search engines may index", () => {
  it("indexes the landing page (no query) under /search", () => {
    expect(searchIndexing("", false)).toEqual({ index: true, canonical: "/search" });
  });

  it("indexes a query with literal matches under its normalized query alone", () => {
    const { q } = parseSearchParams(new URLSearchParams("q=  xử   lý nước thải &tab=demands&page=3"));
    expect(searchIndexing(q, true)).toEqual({
      index: true,
      canonical: "/search?q=x%E1%BB%AD+l%C3%BD+n%C6%B0%E1%BB%9Bc+th%E1%BA%A3i",
    });
  });

  it("names as canonical the URL proxy.ts serves from the cache (no redirect on it)", () => {
    const indexing = searchIndexing("máy sấy & nông sản", true);
    if (!indexing.index) throw new Error("expected an indexable page");
    const url = new URL(indexing.canonical, "http://same.site");
    expect(url.pathname).toBe("/search");
    expect(canonicalSearchQuery(url.searchParams).status).toBe("canonical");
    expect(parseSearchParams(url.searchParams).q).toBe("máy sấy & nông sản");
  });

  it("keeps out a query without literal matches (corrected, relaxed, directory-only or empty pages)", () => {
    expect(searchIndexing("xu ly nuoc thia", false)).toEqual({ index: false });
  });

  it("keeps out a query without words, whatever the counts say", () => {
    expect(searchIndexing("?!…", true)).toEqual({ index: false });
  });
});
