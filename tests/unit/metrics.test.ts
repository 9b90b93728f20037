import { describe, expect, it } from "vitest";
import { dcgAt, gainOf, mean, ndcgAt, precisionAt } from "@/lib/search/metrics";

// Hand-computed reference values. log2(2) = 1, log2(3) ≈ 1.5849625, log2(4) = 2.
// Judgments a:3 b:2 c:1 → gains 7, 3, 1 → ideal DCG@3 = 7/1 + 3/1.5849625 + 1/2 = 9.3927893.
const J = { a: 3, b: 2, c: 1 } as const;
const IDEAL = 7 + 3 / Math.log2(3) + 0.5;

describe("gainOf", () => {
  it("is 2^rel − 1 and never negative", () => {
    expect([0, 1, 2, 3].map(gainOf)).toEqual([0, 1, 3, 7]);
    expect(gainOf(-1)).toBe(0);
  });
});

describe("dcgAt", () => {
  it("discounts position i by log2(i + 2)", () => {
    expect(dcgAt([7, 3, 1], 3)).toBeCloseTo(9.3927893, 6);
    expect(dcgAt([7, 3, 1], 2)).toBeCloseTo(8.8927893, 6);
    expect(dcgAt([7, 3, 1], 1)).toBe(7);
  });

  it("handles k beyond the list and empty lists", () => {
    expect(dcgAt([7, 3, 1], 10)).toBeCloseTo(IDEAL, 9);
    expect(dcgAt([], 10)).toBe(0);
  });

  it("rejects a k that is not a positive integer", () => {
    expect(() => dcgAt([1], 0)).toThrow(RangeError);
    expect(() => dcgAt([1], 2.5)).toThrow(RangeError);
  });
});

describe("ndcgAt", () => {
  it("is 1 for the ideal order and less for any other", () => {
    expect(ndcgAt(["a", "b", "c"], J)).toBeCloseTo(1, 9);
    // Reversed: (1 + 3/1.5849625 + 7/2) / 9.3927893 = 6.3927893 / 9.3927893 ≈ 0.680606
    expect(ndcgAt(["c", "b", "a"], J)).toBeCloseTo(0.680606, 5);
  });

  it("treats unjudged ids as irrelevant and penalises relevant ids that were never returned", () => {
    // Only "a", at rank 2: (7/1.5849625) / 9.3927893 ≈ 0.470202
    expect(ndcgAt(["x", "a"], J)).toBeCloseTo(0.470202, 5);
    expect(ndcgAt(["x", "y", "z"], J)).toBe(0);
    expect(ndcgAt([], J)).toBe(0);
  });

  it("cuts both the ranking and the ideal at k", () => {
    // k = 1: ideal is 7 (a); ranking starts with b (3) → 3/7
    expect(ndcgAt(["b", "a"], J, 1)).toBeCloseTo(3 / 7, 9);
    // k = 2: (3 + 7/1.5849625) / (7 + 3/1.5849625) ≈ 0.833991
    expect(ndcgAt(["b", "a", "c"], J, 2)).toBeCloseTo(0.833991, 5);
    // Twelve marginal listings: the ideal at k = 10 only counts ten of them, so ten hits score 1.
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m${i}`, 1]));
    expect(ndcgAt(Object.keys(many).slice(0, 10), many, 10)).toBeCloseTo(1, 9);
  });

  it("credits a listing once even if the ranking repeats it", () => {
    // [a, a, a] counts a at rank 1 only: 7 / 9.3927893 ≈ 0.745253
    expect(ndcgAt(["a", "a", "a"], J, 3)).toBeCloseTo(0.745253, 5);
  });

  it("is 0 when nothing is relevant", () => {
    expect(ndcgAt(["a"], {})).toBe(0);
    expect(ndcgAt(["a"], { a: 0 })).toBe(0);
  });
});

describe("precisionAt", () => {
  it("counts relevant ids in the first k positions, divided by k", () => {
    expect(precisionAt(["a", "b", "c", "d", "e", "f"], ["a", "c", "f"], 5)).toBeCloseTo(0.4, 9);
    expect(precisionAt(["a", "b", "c", "d", "e", "f"], new Set(["a", "c", "f"]), 6)).toBeCloseTo(0.5, 9);
    expect(precisionAt(["a", "b"], ["a", "b"], 2)).toBe(1);
  });

  it("still divides by k when fewer results come back, and ignores repeats", () => {
    expect(precisionAt(["a"], ["a"])).toBeCloseTo(0.2, 9);
    expect(precisionAt(["a", "a", "a", "a", "a"], ["a"])).toBeCloseTo(0.2, 9);
    expect(precisionAt([], ["a"])).toBe(0);
  });

  it("rejects a k that is not a positive integer", () => {
    expect(() => precisionAt(["a"], ["a"], 0)).toThrow(RangeError);
  });
});

describe("mean", () => {
  it("averages, and is NaN for no values so thresholds on empty data fail", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([0.5])).toBe(0.5);
    expect(mean([])).toBeNaN();
  });
});
