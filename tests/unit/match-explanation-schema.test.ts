import { describe, expect, it, vi } from "vitest";
import { parseExplanation, UNKNOWN_EXPLANATION } from "@/lib/matching/schemas";

const stored = {
  sharedTerms: ["nước thải"],
  text: { similarity: 0.4 },
  sector: { verdict: "match", offerSector: "207", demandSector: "207" },
  trl: { verdict: "partial", offerTrl: 6, demandMin: 7 },
  budget: { verdict: "unknown", price: [null, 500_000_000], budget: [100_000_000, null] },
  location: { verdict: "match", offer: "HN-CAUGIAY", demand: "HN" },
  verified: true,
  parts: { text: 0.2, sector: 0.25 },
};

describe("stored match explanations", () => {
  it("are parsed, not cast", () => {
    expect(parseExplanation(stored)).toEqual(stored);
  });

  it("fall back to every criterion unknown when a row does not have the shape", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(parseExplanation({ ...stored, trl: { verdict: "maybe" } }, "m1")).toBe(UNKNOWN_EXPLANATION);
    expect(parseExplanation(null)).toBe(UNKNOWN_EXPLANATION);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
