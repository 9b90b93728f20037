import { describe, expect, it } from "vitest";
import { joinAdjacentMarks } from "@/components/search/marks";
import { fold, highlight, markWords, phraseTsQuery, prefixTsQuery, tokenize } from "@/lib/search/text";

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

describe("highlighting marks whole words (issue #15)", () => {
  const marks = ({ text, highlights }: { text: string; highlights: [number, number][] }) =>
    highlights.map(([a, b]) => [...text].slice(a, b).join(""));

  it("marks the whole word the last query word starts: the word may still be being typed", () => {
    expect(marks(highlight("Xử lý wastewater từ nhà máy", ["wastewat"]))).toEqual(["wastewater"]);
    expect(marks(highlight("Hệ thống xử lý nước thải sinh hoạt", ["nuoc", "tha"]))).toEqual(["nước", "thải"]);
    expect(marks(highlight("Thailand imports", ["thai"]))).toEqual(["Thailand"]);
    expect(marks(highlight("Nước mắm truyền thống: nuocmam", ["nuoc"]))).toEqual(["Nước", "nuocmam"]);
  });

  it("marks the earlier query words only where they are whole words of the text", () => {
    // "xu" is the syllable "xử" (or "xứ"), not the start of "xuất"; "ly" is not the start of "lyophilized".
    const result = highlight("Xuất xứ: xử lý bùn, lyophilized, nước thải", ["xu", "ly", "nuoc", "thai"]);
    expect(marks(result)).toEqual(["xứ", "xử", "lý", "nước", "thải"]);
    expect(marks(highlight("sensors for sensor networks", ["sensor", "net"]))).toEqual(["sensor", "networks"]);
    expect(marks(highlight("Nước mắm: nuocmam", ["nuoc", "mam"]))).toEqual(["Nước", "mắm"]);
  });

  it("never marks a piece in the middle of a word", () => {
    expect(highlight("nuocmam Phú Quốc", ["mam"]).highlights).toEqual([]);
    expect(highlight("quảnlý dữ liệu", ["ly"]).highlights).toEqual([]);
    expect(highlight("Thailand", ["land"]).highlights).toEqual([]);
    // "lý" in "quản lý" is a word of its own: it is marked, whole, and "quản" is not.
    expect(marks(highlight("Phần mềm quản lý kho", ["ly"]))).toEqual(["lý"]);
    // A hyphen or an apostrophe ends a word.
    expect(marks(highlight("Công nghệ nước-thải, e-learning", ["thai", "learn"]))).toEqual(["thải", "learning"]);
  });

  it("ignores diacritics, case and the Unicode form of the text and of the query", () => {
    const text = "HỆ THỐNG XỬ LÝ NƯỚC THẢI ĐÔ THỊ".normalize("NFD");
    const result = highlight(text, tokenize("xử lý nước thải đô".normalize("NFD")));
    // Positions are in the returned (NFC) text, which is the original text composed.
    expect(result.text).toBe(text.normalize("NFC"));
    expect(marks(result)).toEqual(["XỬ", "LÝ", "NƯỚC", "THẢI", "ĐÔ"]);
    expect(marks(highlight("Đường ống dẫn", ["duong", "o"]))).toEqual(["Đường", "ống"]);
    expect(marks(highlight("xu ly nuoc thai", tokenize("XỬ LÝ")))).toEqual(["xu", "ly"]);
  });

  it("keeps positions right after characters that fold to nothing or stay decomposed", () => {
    // "x̌" has no precomposed form: NFC leaves the combining caron, which folds away.
    const result = highlight("x̌ab nước thải", ["nuoc", "xa"]);
    expect(marks(result)).toEqual(["x̌ab", "nước"]);
  });

  it("keeps one range per word; the page joins words marked next to each other", () => {
    const result = highlight("Xử lý nước thải, bùn thải", ["xu", "ly", "nuoc", "thai"]);
    expect(marks(result)).toEqual(["Xử", "lý", "nước", "thải", "thải"]);
    const chars = [...result.text];
    const joined = joinAdjacentMarks(chars, result.highlights).map(([a, b]) => chars.slice(a, b).join(""));
    // A comma keeps marks apart; spaces do not.
    expect(joined).toEqual(["Xử lý nước thải", "thải"]);
  });

  it("marks a title in full with markWords, and closes a snippet's window after a whole word", () => {
    const title = `${"Giới thiệu chung ".repeat(6)}về xử lý nước thải`;
    const marked = markWords(title, ["thai"]);
    expect(marked.text).toBe(title);
    expect(marks(marked)).toEqual(["thải"]);
    const long = `Bùn thải ${"công nghệ ".repeat(40)}`;
    const snippet = highlight(long, ["bun"], 50);
    expect(snippet.text.endsWith("…")).toBe(true);
    expect(snippet.text).toMatch(/ (công|nghệ)…$/u);
  });

  it("marks only whole words, and every word the query marks, whatever the text (generated cases)", () => {
    // A small deterministic generator: the same cases on every run.
    let seed = 15;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // The high bits: an LCG's low bits repeat with a short period.
      return Math.floor((seed / 2147483648) * n);
    };
    const letters = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèéẻẽẹềểễếệìíỉĩịòóỏõọồổỗốộờởỡớợùúủũụừửữứựỳýỷỹỵ"];
    const glue = [" ", " ", " ", "-", ", ", ". ", "'", "\n"];
    const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
    for (let i = 0; i < 300; i++) {
      const words = Array.from({ length: 1 + next(12) }, () =>
        Array.from({ length: 1 + next(7) }, () => {
          const ch = letters[next(letters.length)]!;
          return next(5) === 0 ? ch.toUpperCase() : ch;
        }).join(""),
      );
      const text = words.map((w, j) => (j ? glue[next(glue.length)] : "") + w).join("");
      const source = next(2) ? text : text.normalize("NFD");
      // Words of the text, whole or cut short.
      const tokens = Array.from({ length: 1 + next(3) }, () => {
        const word = fold(words[next(words.length)]!);
        return next(2) ? word : word.slice(0, 1 + next(word.length));
      });
      // A query word, or a word the last query word (being typed) starts.
      const marked = (word: string) => tokens.includes(word) || word.startsWith(tokens.at(-1)!);
      const result = highlight(source, tokens, 1000);
      const chars = [...result.text];
      for (const [a, b] of result.highlights) {
        expect(isWord(chars[a - 1]), text).toBe(false);
        expect(isWord(chars[b]), text).toBe(false);
        const word = fold(chars.slice(a, b).join(""));
        expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
        expect(marked(word), text).toBe(true);
      }
      // And every such word of the text is marked.
      const expected = text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w && marked(fold(w)));
      expect(result.highlights.length, text).toBe(expected.length);
    }
  });
});
