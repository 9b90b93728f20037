import { describe, expect, it } from "vitest";
import { pageHref } from "@/lib/page-number";

describe("a list page's URL", () => {
  it("is the bare path on page 1 without values, and leaves out null values", () => {
    expect(pageHref("/account/deals", { filter: null }, 1)).toBe("/account/deals");
    expect(pageHref("/account/deals", { filter: "waiting" }, 1)).toBe("/account/deals?filter=waiting");
    expect(pageHref("/en/admin/deals", { state: "SIGNED" }, 3)).toBe("/en/admin/deals?state=SIGNED&page=3");
    expect(pageHref("/account/matches", { dismissed: null }, 2)).toBe("/account/matches?page=2");
  });
});
