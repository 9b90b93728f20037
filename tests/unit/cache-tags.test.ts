import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_PAGE_SECONDS } from "@/lib/cache/page-tags";
import { listingChanged, listingPageTags, matchesChanged, organizationChanged, tags } from "@/lib/cache/tags";
import { loadMessages, pickMessages, SHELL_CLIENT_MESSAGES } from "@/lib/i18n/messages";
import { contentSecurityPolicy, usesNonce } from "@/lib/security/csp";

const root = path.resolve(import.meta.dirname, "../..");

describe("cache tags", () => {
  it("a listing change expires its page, its catalog, its matches, its organization and the statistics", () => {
    expect(listingChanged("demand", "d1", "o1")).toEqual([
      "demand:d1",
      "catalog:demands",
      "matches:demand:d1",
      "org:o1",
      "stats",
    ]);
  });

  it("a listing page carries the listing, its matches and its organization — not a confidential demand's", () => {
    expect(listingPageTags("offer", { id: "a", organizationId: "o" })).toEqual(["offer:a", "matches:offer:a", "org:o"]);
    expect(listingPageTags("demand", { id: "b", organizationId: null })).toEqual(["demand:b", "matches:demand:b"]);
    // A 404 is re-rendered by the next publication of its kind.
    expect(listingPageTags("offer", null)).toEqual(["catalog:offers"]);
  });

  it("every tag a listing page carries is expired by that listing's change", () => {
    const page = listingPageTags("offer", { id: "a", organizationId: "o" });
    const change = listingChanged("offer", "a", "o");
    expect(page.every((tag) => change.includes(tag))).toBe(true);
    expect(organizationChanged("o")).toContain(tags.organization("o"));
  });

  it("an organization change reaches its page, the directory, both catalogs and the statistics", () => {
    expect(organizationChanged("o")).toEqual([
      "org:o",
      "catalog:organizations",
      "catalog:offers",
      "catalog:demands",
      "stats",
    ]);
  });

  it("recomputed matches expire both sides, each counterpart once", () => {
    expect(matchesChanged("offer", "a", ["d1", "d2", "d1"])).toEqual([
      "matches:offer:a",
      "matches:demand:d1",
      "matches:demand:d2",
    ]);
  });

  it("cached pages live PUBLIC_PAGE_SECONDS: their `revalidate` literal agrees", () => {
    const pages = [
      "(home)/page.tsx",
      "statistics/page.tsx",
      "statistics/[period]/page.tsx",
      "technologies/[slug]/page.tsx",
      "demands/[slug]/page.tsx",
      "organizations/[slug]/page.tsx",
      "experts/[slug]/page.tsx",
    ];
    for (const page of pages) {
      const source = fs.readFileSync(path.join(root, "app/[locale]/(public)", page), "utf8");
      expect(source, page).toContain(`export const revalidate = ${PUBLIC_PAGE_SECONDS};`);
      expect(source, page).toContain("await tagPage(");
      expect(source, page).not.toMatch(/getCurrentUser|cookies\(|headers\(/);
    }
  });
});

describe("client messages of the shell", () => {
  it("picks whole namespaces and key paths, nested as in the catalogue", () => {
    const messages = { a: { x: "1", y: { z: "2" } }, b: { c: "3" }, d: "4" };
    expect(pickMessages(messages, ["a.y", "b"])).toEqual({ a: { y: { z: "2" } }, b: { c: "3" } });
    expect(pickMessages(messages, ["a.x", "a.y.z"])).toEqual({ a: { x: "1", y: { z: "2" } } });
    expect(() => pickMessages(messages, ["a.missing"])).toThrow('No messages at "a.missing"');
  });

  it("sends a small part of the catalogue to every page, in both languages", async () => {
    for (const locale of ["vi", "en"]) {
      const all = await loadMessages(locale);
      const shell = pickMessages(all, SHELL_CLIENT_MESSAGES);
      expect(JSON.stringify(shell).length).toBeLessThan(JSON.stringify(all).length / 8);
    }
  });
});

describe("page CSP", () => {
  it("keeps the nonce in the signed-in and sign-in areas and where listings are written, in both languages", () => {
    for (const path of [
      "/account",
      "/account/offers/1",
      "/en/admin",
      "/login",
      "/en/register",
      "/reset-password",
      "/welcome",
      "/technologies/new",
      "/en/demands/new",
    ]) {
      expect(usesNonce(path), path).toBe(true);
    }
    for (const path of [
      "/",
      "/en",
      "/technologies/x",
      "/technologies/newton-may-bom-abcde",
      "/en/demands",
      "/search",
      "/accountants",
      "/statistics",
    ]) {
      expect(usesNonce(path), path).toBe(false);
    }
  });

  it("allows inline scripts only without a nonce, and never 'strict-dynamic' there", () => {
    const cached = contentSecurityPolicy(null, false);
    expect(cached).toContain("script-src 'self' 'unsafe-inline';");
    expect(cached).not.toContain("nonce-");
    const signedIn = contentSecurityPolicy("abc", false);
    expect(signedIn).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(signedIn).not.toContain("script-src 'self' 'unsafe-inline'");
    for (const csp of [cached, signedIn]) {
      for (const rule of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
        expect(csp).toContain(rule);
      }
    }
  });
});
