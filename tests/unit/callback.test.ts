import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback";

describe("the sign-in return path", () => {
  it.each([
    ["/account/deals/new?offer=may-loc-nuoc", "/account/deals/new?offer=may-loc-nuoc"],
    ["/en/account/deals", "/account/deals"],
    ["/en", "/"],
    ["/english-page", "/english-page"],
    ["/technologies/x?q=n%C6%B0%E1%BB%9Bc", "/technologies/x?q=n%C6%B0%E1%BB%9Bc"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    "https://evil.example/account",
    "//evil.example/account",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "account",
    "/account\nLocation: x",
    "/login?callbackUrl=/account",
    "/en/register",
    "",
    "/" + "a".repeat(1_000),
    42,
    null,
    ["/account"],
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });
});
