import { describe, expect, it } from "vitest";
import { scoreMatch, terms, WEIGHTS, type DemandFacts, type OfferFacts } from "@/lib/matching/score";

const now = new Date("2026-11-22T00:00:00Z");
const offer = (o: Partial<OfferFacts> = {}): OfferFacts => ({
  title: "Hệ thống xử lý nước thải chăn nuôi bằng màng MBR",
  keywords: ["nước thải", "chăn nuôi"],
  summary: "Xử lý nước thải trang trại lợn đạt QCVN.",
  sectorCode: "207",
  fieldCode: "2",
  location: "HN-SOCSON",
  trl: 7,
  priceType: "RANGE",
  priceMin: 400_000_000,
  priceMax: 800_000_000,
  verified: true,
  updatedAt: new Date("2026-10-01T00:00:00Z"),
  ...o,
});
const demand = (d: Partial<DemandFacts> = {}): DemandFacts => ({
  title: "Cần công nghệ xử lý nước thải trang trại chăn nuôi lợn",
  keywords: ["nước thải", "chăn nuôi"],
  summary: null,
  sectorCode: "207",
  fieldCode: "2",
  location: "HN",
  trlMin: 6,
  budgetMin: 500_000_000,
  budgetMax: 1_000_000_000,
  ...d,
});

describe("match score", () => {
  it("keeps the weights summing to 1", () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("scores a genuine match high and explains every criterion", () => {
    const { score, explanation } = scoreMatch(offer(), demand(), now);
    expect(score).toBeGreaterThan(0.75);
    expect(explanation.sharedTerms).toEqual(expect.arrayContaining(["nước thải", "chăn nuôi"]));
    expect(explanation.sector.verdict).toBe("match");
    expect(explanation.trl.verdict).toBe("match");
    expect(explanation.budget.verdict).toBe("match");
    expect(explanation.location.verdict).toBe("partial"); // both in Hanoi
  });

  it("prefers the same sector over the same field over another field", () => {
    const same = scoreMatch(offer(), demand(), now).score;
    const field = scoreMatch(offer({ sectorCode: "208" }), demand(), now).score;
    const other = scoreMatch(offer({ sectorCode: "401", fieldCode: "4" }), demand(), now).score;
    expect(same).toBeGreaterThan(field);
    expect(field).toBeGreaterThan(other);
  });

  it("penalizes a TRL below the demand's minimum and a price above the budget", () => {
    const base = scoreMatch(offer(), demand(), now).score;
    const lowTrl = scoreMatch(offer({ trl: 3 }), demand(), now);
    expect(lowTrl.explanation.trl.verdict).toBe("mismatch");
    expect(lowTrl.score).toBeLessThan(base);
    const pricey = scoreMatch(offer({ priceMin: 5_000_000_000, priceMax: 6_000_000_000 }), demand(), now);
    expect(pricey.explanation.budget.verdict).toBe("mismatch");
    expect(
      scoreMatch(offer({ priceType: "NEGOTIABLE", priceMin: null, priceMax: null }), demand(), now).explanation.budget
        .verdict,
    ).toBe("unknown");
  });

  it("scores unrelated listings low", () => {
    const unrelated = offer({
      title: "Giống lúa chịu mặn ST25 cải tiến",
      keywords: ["giống lúa"],
      summary: "Năng suất cao.",
      sectorCode: "401",
      fieldCode: "4",
    });
    expect(scoreMatch(unrelated, demand(), now).score).toBeLessThan(0.45);
  });

  it("ignores words every listing shares", () => {
    const t = terms({
      title: "Công nghệ hệ thống giải pháp and longan",
      keywords: [],
      sectorCode: "207",
      fieldCode: "2",
      location: "HN",
    });
    expect([...t]).toEqual(["longan"]);
  });
});

describe("shared terms shown to people", () => {
  it("lists the demand's keywords found in the offer as written, before syllable pairs", () => {
    const d = demand({ title: "Phần mềm truy xuất nguồn gốc nông sản", keywords: ["truy xuất nguồn gốc", "mã QR"] });
    const o = offer({
      title: "Phần mềm truy xuất nguồn gốc bằng mã QR",
      keywords: ["mã QR"],
      summary: null,
      sectorCode: "102",
      fieldCode: "1",
    });
    const shared = scoreMatch(o, d, now).explanation.sharedTerms;
    expect(shared.slice(0, 2)).toEqual(["truy xuất nguồn gốc", "mã QR"]);
    expect(shared).not.toContain("truy"); // a lone syllable already inside a keyword
  });
});
