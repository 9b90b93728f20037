import { describe, expect, it } from "vitest";
import { pageWindow } from "@/components/ui/pagination";

describe("the pages a pagination shows", () => {
  it("are the first, the last and the current one with its neighbours, gaps marked null", () => {
    expect(pageWindow(1, 5)).toEqual([1, 2, null, 5]);
    expect(pageWindow(6, 12)).toEqual([1, null, 5, 6, 7, null, 12]);
    expect(pageWindow(12, 12)).toEqual([1, null, 11, 12]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });

  it("never hide a single page behind a gap", () => {
    expect(pageWindow(4, 9)).toEqual([1, 2, 3, 4, 5, null, 9]);
    expect(pageWindow(6, 9)).toEqual([1, null, 5, 6, 7, 8, 9]);
  });

  it("always hold the neighbours of the current page, which give the previous and next links", () => {
    for (let count = 1; count <= 15; count++) {
      for (let page = 1; page <= count; page++) {
        const pages = pageWindow(page, count);
        if (page > 1) expect(pages).toContain(page - 1);
        if (page < count) expect(pages).toContain(page + 1);
        expect(pages.at(-1)).toBe(count);
      }
    }
  });
});
