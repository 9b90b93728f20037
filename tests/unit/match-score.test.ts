import { describe, expect, it } from "vitest";
import {
  isRelated,
  MIN_RELATEDNESS,
  scoreMatch,
  terms,
  WEIGHTS,
  type DemandFacts,
  type OfferFacts,
} from "@/lib/matching/score";
import { COMPOUNDS } from "@/lib/search/compounds";
import { fold, tokenize } from "@/lib/search/text";
import { DEMO_DEMANDS, DEMO_OFFERS } from "@/prisma/data/demo-content";
import { DEMANDS as QUALITY_DEMANDS, OFFERS as QUALITY_OFFERS } from "../quality/dataset";

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

describe("the minimum relatedness", () => {
  it("makes a same-sector pair sharing no subject no match, however well TRL, budget and place fit", () => {
    // The shape of the pair the issue saw: same sector, nothing in common but the criteria without text.
    const tuna = offer({
      title: "Bảo quản cá ngừ đại dương trên tàu bằng đông lạnh nhanh",
      keywords: ["cá ngừ", "đông lạnh"],
      summary: "Giữ chất lượng cá ngừ xuất khẩu sashimi.",
    });
    const shrimp = demand({
      title: "Nuôi tôm thẻ chân trắng thâm canh ít thay nước",
      keywords: ["nuôi tôm", "thâm canh"],
    });
    const { score, explanation } = scoreMatch(tuna, shrimp, now);
    expect(explanation.sector.verdict).toBe("match");
    expect(score).toBeGreaterThan(0.45); // what used to be stored and shown
    expect(explanation.text.similarity).toBeLessThan(MIN_RELATEDNESS);
    expect(isRelated(explanation)).toBe(false);
    expect(isRelated(scoreMatch(offer(), demand(), now).explanation)).toBe(true);
  });

  it("is a bound on the similarity as shown, inclusive", () => {
    expect(isRelated({ text: { similarity: MIN_RELATEDNESS } })).toBe(true);
    expect(isRelated({ text: { similarity: MIN_RELATEDNESS - 0.01 } })).toBe(false);
  });

  it("does not count thesaurus groups of words that say nothing ('công nghệ' ≈ 'technology')", () => {
    const synonyms = new Map([
      ["cong nghe", "cong nghe"],
      ["technology", "cong nghe"],
    ]);
    const t = terms(
      { title: "Công nghệ sấy", keywords: [], sectorCode: "207", fieldCode: "2", location: "HN" },
      undefined,
      synonyms,
    );
    expect([...t]).toEqual(["say"]);
  });
});

const VIETNAMESE_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;
const KNOWN_WORDS = new Set(COMPOUNDS.map((c) => tokenize(c).join(" ")));
/** Folded words of a text (tokenize stops at 12). */
const words = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .map(fold)
    .filter(Boolean);
/** The folded text of a listing's title, keywords and summary, clause by clause, padded for whole-word search. */
const foldedText = (l: { title: string; keywords: string[]; summary?: string | null }) =>
  [l.title, ...l.keywords, l.summary ?? ""]
    .flatMap((text) => text.split(/[.,;:!?()[\]{}"“”‘’/|·•–—\n]+/u))
    .map((clause) => ` ${words(clause).join(" ")} `);

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

  it("never shows a syllable pair straddling two words nor a lone syllable of a longer word", () => {
    // "bảo quản vải": "quản vải" straddles "bảo quản" and "vải"; the offer's "vải" is not the demand's "vải thiều".
    const lychee = demand({
      title: "Bảo quản vải thiều tươi để xuất khẩu",
      keywords: ["vải thiều", "bảo quản"],
      summary: null,
    });
    const coating = offer({
      title: "Màng bao ăn được kéo dài thời gian bảo quản vải, nhãn tươi",
      keywords: ["màng bao", "chitosan"],
      summary: "Bảo quản vải tươi 30 ngày.",
    });
    expect(scoreMatch(coating, lychee, now).explanation.sharedTerms).toEqual(["bảo quản"]);
    // "lượng" of "năng lượng" is not "lượng" of "chất lượng"; "sấy" alone is a syllable.
    const dryer = offer({
      title: "Máy sấy nông sản dùng năng lượng mặt trời",
      keywords: ["máy sấy", "năng lượng mặt trời"],
      summary: null,
    });
    const quality = demand({ title: "Kiểm soát chất lượng nông sản sau khi sấy", keywords: ["chất lượng"] });
    expect(scoreMatch(dryer, quality, now).explanation.sharedTerms).toEqual(["nông sản"]);
  });

  it("shows the longest word both use, once, and leaves out words that say nothing", () => {
    const plant = offer({
      title: "Hệ thống xử lý nước thải sinh hoạt bằng công nghệ SBR",
      keywords: ["xử lý nước thải", "SBR"],
      summary: "Giải pháp cho khu dân cư.",
    });
    const estate = demand({
      title: "Cần hệ thống xử lý nước thải sinh hoạt cho khu tái định cư theo công nghệ SBR",
      keywords: [],
      summary: "Giải pháp trọn gói.",
    });
    const shared = scoreMatch(plant, estate, now).explanation.sharedTerms;
    // "nước thải" is inside "nước thải sinh hoạt"; "hệ thống", "công nghệ", "giải pháp" say nothing.
    expect(shared).toEqual(["xử lý", "nước thải sinh hoạt", "SBR"]);
  });

  it("shows a synonym group shared through other words by the demand's words", () => {
    const synonyms = new Map([
      ["trau bo", "gia suc"],
      ["gia suc", "gia suc"],
    ]);
    const feed = offer({ title: "Thức ăn ủ chua cho gia súc", keywords: ["ủ chua"], summary: null });
    const farm = demand({ title: "Cần thức ăn thô xanh cho trâu bò mùa đông", keywords: ["trâu bò"], summary: null });
    const shared = scoreMatch(feed, farm, now, synonyms).explanation.sharedTerms;
    expect(shared).toContain("trâu bò");
    expect(shared).toContain("thức ăn");
  });

  it(
    "holds for every pair of the demo listings and of the labelled ones: whole words both listings use",
    { timeout: 30_000 },
    () => {
      // Each set's demands against its own offers (the listings an exchange would pair).
      const sets: [OfferFacts[], DemandFacts[]][] = [
        [
          DEMO_OFFERS.map((o) =>
            offer({ title: o.titleVi, titleEn: o.titleEn, keywords: o.keywords, summary: o.summaryVi }),
          ),
          DEMO_DEMANDS.map((d) =>
            demand({ title: d.titleVi, titleEn: d.titleEn, keywords: d.keywords, summary: d.summaryVi }),
          ),
        ],
        [
          QUALITY_OFFERS.map((o) => offer({ title: o.titleVi, keywords: o.keywords, summary: o.summaryVi })),
          QUALITY_DEMANDS.map((d) => demand({ title: d.titleVi, keywords: d.keywords, summary: d.summaryVi })),
        ],
      ];
      let shown = 0;
      const problems: string[] = [];
      for (const [offers, demands] of sets) {
        for (const d of demands) {
          const keywords = new Set(d.keywords.map((k) => k.normalize("NFC").trim()));
          for (const o of offers) {
            for (const term of scoreMatch(o, d, now).explanation.sharedTerms) {
              shown++;
              const folded = words(term).join(" ");
              const single = !folded.includes(" ");
              const whole =
                keywords.has(term) ||
                (!single && KNOWN_WORDS.has(folded)) ||
                (single &&
                  fold(term) === term.toLowerCase() &&
                  (term === term.toUpperCase() || !VIETNAMESE_SYLLABLE.test(folded)));
              const inBoth = [d, o].every((l) => foldedText(l).some((clause) => clause.includes(` ${folded} `)));
              if (!whole || !inBoth) problems.push(`${term} (${d.title} ↔ ${o.title})`);
            }
          }
        }
      }
      expect(shown).toBeGreaterThan(500);
      expect(problems).toEqual([]);
    },
  );
});
