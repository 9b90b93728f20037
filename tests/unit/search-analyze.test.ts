import { describe, expect, it } from "vitest";
import { analyzeQuery, conceptParts, MAX_CONCEPTS, queryNgrams } from "@/lib/search/analyze";

const concepts = (q: string, compounds?: Set<string>) => analyzeQuery(q, compounds).concepts.map((c) => c.text);

describe("a query typed as a sentence", () => {
  it("keeps what it asks about, multi-syllable words together, and drops question and filler words", () => {
    expect(concepts("có công nghệ nào xử lý mùi hôi từ bãi rác không")).toEqual([
      "công nghệ",
      "xử lý mùi hôi",
      "bãi rác",
    ]);
    expect(analyzeQuery("có công nghệ nào xử lý mùi hôi từ bãi rác không").dropped.map((u) => u.text)).toEqual([
      "có",
      "nào",
      "từ",
      "không",
    ]);
    expect(concepts("làm thế nào để giảm điện năng cho lò sấy")).toEqual(["giảm điện năng", "lò sấy"]);
  });

  it("keeps a compound that contains a filler word: 'không khí', 'hữu cơ', 'không dây'", () => {
    expect(concepts("có thiết bị đo chất lượng không khí không")).toEqual([
      "thiết bị",
      "đo",
      "chất lượng",
      "không khí",
    ]);
    expect(concepts("vật liệu hữu cơ")).toEqual(["vật liệu", "hữu cơ"]);
    expect(concepts("cảm biến không dây")).toEqual(["cảm biến", "không dây"]);
  });

  it("compares a word typed with diacritics with its diacritics, and a plain one only when unambiguous", () => {
    // "độ" (degree) is content, "đó" (that) is filler; typed plain, "do" could be either and is kept.
    expect(concepts("đo độ ẩm đó")).toEqual(["đo", "độ ẩm"]);
    expect(concepts("do nhiet do")).toEqual(["do", "nhiet do"]);
    // Plain "nao" / "khong" / "co" are unambiguous question words.
    expect(concepts("co cong nghe nao xu ly mui hoi khong")).toEqual(["cong nghe", "xu ly mui hoi"]);
  });

  it("takes extra compounds (thesaurus terms) and folds them like the index", () => {
    expect(concepts("nuoi trau bo thit", new Set(["trau bo thit"]))).toEqual(["nuoi", "trau bo thit"]);
    expect(analyzeQuery("Nuôi TRÂU BÒ", new Set(["trau bo"])).concepts.map((c) => c.words)).toEqual([
      ["nuoi"],
      ["trau", "bo"],
    ]);
  });
});

describe("bad input", () => {
  it("answers nothing for only stop words or only punctuation, and reads at most 40 words of a 5,000-character question", () => {
    expect(concepts("có không nào gì")).toEqual([]);
    expect(concepts("?!… ,,, ---")).toEqual([]);
    const long = "có công nghệ nào xử lý nước thải không ".repeat(130);
    expect(long.length).toBeGreaterThan(5000);
    const result = analyzeQuery(long);
    expect(result.concepts.length).toBeLessThanOrEqual(MAX_CONCEPTS);
    expect(result.concepts.map((c) => c.text)).toEqual(["công nghệ", "xử lý nước thải"]);
  });

  it("drops scripts the index cannot hold and keeps Latin words of a mixed query", () => {
    expect(concepts("IoT nhà kính 温室")).toEqual(["iot", "nhà kính"]);
  });
});

describe("a long concept's parts", () => {
  it("are its known two-syllable words and single words", () => {
    expect(conceptParts(["xu", "ly", "mui", "hoi"])).toEqual([
      ["xu", "ly"],
      ["mui", "hoi"],
    ]);
    expect(conceptParts(["xu", "ly", "nuoc", "thai"])).toEqual([
      ["xu", "ly"],
      ["nuoc", "thai"],
    ]);
  });

  it("are cut to keep the most syllables in known words", () => {
    expect(concepts("hệ thống cấp nước sạch nông thôn")).toContain("nông thôn");
  });
});

describe("n-grams a thesaurus term could be", () => {
  it("are every run of one to four folded words", () => {
    expect(queryNgrams("Nước uống sạch")).toEqual(["nuoc", "nuoc uong", "nuoc uong sach", "uong", "uong sach", "sach"]);
  });
});

describe("acronyms", () => {
  it("keep a word in capitals that is also a question word ('AI' is not 'ai', who)", () => {
    expect(concepts("AI camera giao thông")).toEqual(["ai", "camera", "giao thông"]);
    expect(concepts("có ai chuyển giao không")).toEqual(["chuyển giao"]);
  });
});
