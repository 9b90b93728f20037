import { describe, expect, it } from "vitest";
import { editDistance, maxEdits, oneEditAway, pickCorrection } from "@/lib/search/spelling";

describe("edit distance (Damerau–Levenshtein, optimal string alignment)", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit each", () => {
    expect(editDistance("thai", "thai")).toBe(0);
    expect(editDistance("thia", "thai")).toBe(1); // swap
    expect(editDistance("thia", "thi")).toBe(1); // deletion
    expect(editDistance("compst", "compost")).toBe(1); // insertion
    expect(editDistance("biem", "bien")).toBe(1); // substitution
    expect(editDistance("graphine", "graphene")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("ca", "abc")).toBe(3); // OSA: no edit of an already swapped pair
  });

  it("weighs a swap below other edits when asked to", () => {
    expect(editDistance("thia", "thai", 0.75)).toBe(0.75);
    expect(editDistance("thia", "thi", 0.75)).toBe(1);
  });
});

describe("candidates one edit away", () => {
  it("holds every deletion, swap, substitution and insertion, and not the word itself", () => {
    const near = new Set(oneEditAway("thia"));
    for (const w of ["thi", "tha", "hia", "thai", "htia", "thib", "thiaa", "athia", "tia"])
      expect(near.has(w)).toBe(true);
    expect(near.has("thia")).toBe(false);
    for (const w of near) expect(editDistance("thia", w)).toBe(1);
  });
});

describe("picking a correction", () => {
  it("prefers the swap ('thia' → 'thai', not 'thi') even when the other word is more frequent", () => {
    expect(
      pickCorrection("thia", [
        { word: "thi", docs: 900 },
        { word: "thai", docs: 40 },
      ]),
    ).toBe("thai");
  });

  it("among equally near words takes the most used, then the first alphabetically", () => {
    expect(
      pickCorrection("bien", [
        { word: "biem", docs: 1 },
        { word: "bieu", docs: 30 },
      ]),
    ).toBe("bieu");
    expect(
      pickCorrection("bien", [
        { word: "bieu", docs: 5 },
        { word: "biem", docs: 5 },
      ]),
    ).toBe("biem");
  });

  it("never goes further than one edit for short words and two for long ones", () => {
    expect(maxEdits("nuoc")).toBe(1);
    expect(maxEdits("graphine")).toBe(2);
    expect(pickCorrection("mam", [{ word: "men", docs: 100 }])).toBeNull();
    expect(pickCorrection("grephine", [{ word: "graphene", docs: 3 }])).toBe("graphene");
    expect(pickCorrection("thai", [{ word: "thai", docs: 3 }])).toBeNull();
  });
});
