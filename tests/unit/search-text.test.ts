import { describe, expect, it } from "vitest";
import { fold, highlight, phraseTsQuery, prefixTsQuery, tokenize } from "@/lib/search/text";

describe("search text", () => {
  it("folds Vietnamese the same way whatever the input form", () => {
    const forms = [
      "xử lý nước thải",
      "xu ly nuoc thai",
      "XỬ LÝ NƯỚC THẢI",
      "XU LY NUOC THAI",
      "xử lý nước thải".normalize("NFD"),
    ];
    for (const form of forms) expect(fold(form)).toBe("xu ly nuoc thai");
    expect(fold("Đông Đô đường")).toBe("dong do duong");
  });

  it("tokenizes into safe words only", () => {
    expect(tokenize("  Nước-thải & (XLNT)!:* ' OR 1=1 ")).toEqual(["nuoc", "thai", "xlnt", "or", "1", "1"]);
    expect(tokenize("a ".repeat(50))).toHaveLength(12);
  });

  it("builds prefix and phrase tsqueries that cannot carry operators", () => {
    expect(prefixTsQuery(["nuoc", "th"])).toBe("nuoc:* & th:*");
    expect(phraseTsQuery(["nuoc", "thai"])).toBe("nuoc <-> thai");
    expect(phraseTsQuery(["nuoc"])).toBeNull();
    expect(prefixTsQuery([])).toBeNull();
  });

  it("highlights word prefixes on the original accented text", () => {
    const result = highlight("Hệ thống xử lý nước thải sinh hoạt", ["nuoc", "thai"]);
    const marked = result.highlights.map(([a, b]) => result.text.slice(a, b));
    expect(marked).toEqual(["nước", "thải"]);
    expect(highlight("khí thải công nghiệp", ["thai"]).highlights).toHaveLength(1);
    expect(highlight("Thailand", ["lan"]).highlights).toHaveLength(0); // not a word start
  });

  it("windows long text around the first match", () => {
    const long = `${"Mở đầu dài dòng. ".repeat(30)}Trọng tâm là bùn thải đô thị. ${"Kết thúc. ".repeat(30)}`;
    const result = highlight(long, ["bun"], 120);
    expect(result.text.startsWith("…")).toBe(true);
    expect(result.text.slice(result.highlights[0]![0], result.highlights[0]![1])).toBe("bùn");
  });
});
