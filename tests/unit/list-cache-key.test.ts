import { describe, expect, it } from "vitest";
import { decodeListKey, encodeListKey, MAX_LIST_KEY_LENGTH } from "@/lib/cache/list-key";
import { toQueryString } from "@/lib/catalog/query-input";
import { canonicalCatalogQuery, catalogKeyQuery } from "@/lib/catalog/schemas";
import { canonicalSearchQuery, searchKeyParams } from "@/lib/search/page-params";

const offers = (search: string) => canonicalCatalogQuery("offer", new URLSearchParams(search));
const searches = (search: string) => canonicalSearchQuery(new URLSearchParams(search));
const keyOf = (result: ReturnType<typeof offers>) => (result.status === "canonical" ? result.key : null);

describe("catalog cache keys (proxy.ts)", () => {
  it("a canonical query has one key; its other spellings redirect to it", () => {
    const canonical = offers("sector=2&trlMin=5");
    expect(canonical.status).toBe("canonical");
    // Order aside, the same entries are the same key (no redirect needed).
    expect(keyOf(offers("trlMin=5&sector=2"))).toBe(keyOf(canonical));
    for (const other of [
      "sector=2&trlMin=5&trlMax=",
      "sector=2&trlMin=5&trlMin=7",
      "sector=2&trlMin=5&page=1",
      "sector=2&trlMin=5&sort=newest",
      "sector=2&trlMin=5&utm_source=x",
      "sector=%202&trlMin=5",
    ]) {
      expect(offers(other), other).toEqual({ status: "redirect", search: "?sector=2&trlMin=5" });
    }
    // Following the redirect lands on the same key.
    expect(keyOf(offers(new URLSearchParams("sector=2&trlMin=5").toString()))).toBe(keyOf(canonical));
  });

  it("different queries have different keys; the key carries every parsed value", () => {
    const keys = ["", "page=2", "sort=trl", "verified=1", "q=nuoc", "q=nuoc&sort=newest", "sector=207"].map((s) =>
      keyOf(offers(s)),
    );
    expect(keys.every(Boolean)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(decodeListKey(keyOf(offers(""))!)).toBe("page=1&sort=newest&verified=0");
    expect(decodeListKey(keyOf(offers("q=nuoc"))!)).toBe("page=1&q=nuoc&sort=relevance&verified=0");
  });

  it("a text query ranks by relevance unless the URL names another order, newest included", () => {
    expect(offers("q=nuoc&sort=relevance")).toEqual({ status: "redirect", search: "?q=nuoc" });
    expect(offers("q=nuoc&sort=newest").status).toBe("canonical");
    expect(toQueryString({ q: "nuoc", sort: "newest" })).toBe("?q=nuoc&sort=newest");
    expect(toQueryString({ sort: "newest" })).toBe("");
  });

  it("a query with a value the page drops is rendered per request, never cached", () => {
    for (const bad of [
      "trlMin=0",
      "ip=FOO",
      "page=abc",
      "trlMin=8&trlMax=2",
      "sector=7",
      "location=XX",
      "priceMin=-1",
    ]) {
      expect(offers(bad), bad).toEqual({ status: "uncached" });
    }
    expect(offers(`q=${"ư".repeat(150)}`)).toEqual({ status: "uncached" }); // valid, too long for a key
  });

  it("the internal route accepts only the keys the proxy writes", () => {
    const key = keyOf(offers("sector=2&trlMin=5"))!;
    const explicit = decodeListKey(key)!;
    expect(catalogKeyQuery("offer", explicit)?.get("sector")).toBe("2");
    // An offer's key is no demand's (demands have no IP filter), and a hand-written query is no key.
    expect(catalogKeyQuery("demand", decodeListKey(keyOf(offers("ip=PATENT"))!)!)).toBeNull();
    expect(catalogKeyQuery("offer", "sector=2&trlMin=5")).toBeNull();
  });
});

describe("list key encoding", () => {
  it("round-trips a query and refuses anything it did not write", () => {
    const key = encodeListKey("page=1&q=xử lý nước&tab=")!;
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListKey(key)).toBe("page=1&q=xử lý nước&tab=");
    expect(decodeListKey("a/b")).toBeNull();
    expect(decodeListKey("cGFnZT0x=")).toBeNull();
    expect(decodeListKey("x".repeat(MAX_LIST_KEY_LENGTH + 1))).toBeNull();
    expect(encodeListKey("")).toBeNull();
  });
});

describe("search cache keys (proxy.ts)", () => {
  it("spacing, case-preserving; bad tab or page redirect; one key per canonical search", () => {
    expect(searches("q=nuoc+thai").status).toBe("canonical");
    expect(searches("q=nuoc%20%20thai")).toEqual({ status: "redirect", search: "?q=nuoc+thai" });
    expect(searches("tab=nope&page=abc&q=nuoc")).toEqual({ status: "redirect", search: "?q=nuoc" });
    expect(searches("q=nuoc&page=1")).toEqual({ status: "redirect", search: "?q=nuoc" });
    expect(keyOf(searches("tab=demands&q=nuoc"))).toBe(keyOf(searches("q=nuoc&tab=demands"))); // order aside
    expect(keyOf(searches("q=XU+LY"))).not.toBe(keyOf(searches("q=xu+ly")));
    expect(searches("").status).toBe("canonical");
    expect(searches(`q=${"a".repeat(500)}`)).toEqual({ status: "uncached" });
  });

  it("the internal route reads back exactly the search the key stands for", () => {
    const key = keyOf(searches("q=nuoc&tab=demands&page=2"))!;
    expect(searchKeyParams(decodeListKey(key)!)).toEqual({ q: "nuoc", tab: "demands", page: 2, truncated: false });
    expect(searchKeyParams("q=nuoc")).toBeNull();
  });
});
