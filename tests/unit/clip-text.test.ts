import { describe, expect, it } from "vitest";
import { CARD_SUMMARY_CHARS, clipText } from "@/components/catalog/clip-text";

describe("a card's summary", () => {
  it("is kept whole when it fits", () => {
    const text = "Trạm xử lý nước thải y tế hợp khối AAO.";
    expect(clipText(text)).toBe(text);
    expect(clipText("x".repeat(CARD_SUMMARY_CHARS))).toBe("x".repeat(CARD_SUMMARY_CHARS));
  });

  it("is cut at a word boundary, with an ellipsis, within the limit", () => {
    const text =
      "Hệ thống nuôi tôm tuần hoàn trong nhà gồm lọc cơ học, lọc sinh học, khử trùng UV và kiểm soát oxy tự động";
    const clipped = clipText(text, 50);
    expect(clipped).toBe("Hệ thống nuôi tôm tuần hoàn trong nhà gồm lọc cơ…");
    expect([...clipped].length).toBeLessThanOrEqual(50);
    expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
  });

  it("drops punctuation before the ellipsis", () => {
    expect(clipText("Một hai ba, bốn năm sáu bảy", 13)).toBe("Một hai ba…");
  });

  it("counts characters, not UTF-16 units, and cuts a word without spaces inside the limit", () => {
    const clipped = clipText("😀".repeat(30), 10);
    expect(clipped).toBe(`${"😀".repeat(9)}…`);
  });

  it("keeps a summary of 1,000 characters to the limit", () => {
    const words = Array.from({ length: 200 }, (_, i) => `từ${i}`).join(" ");
    expect([...clipText(words)].length).toBeLessThanOrEqual(CARD_SUMMARY_CHARS);
    expect(clipText(words).endsWith("…")).toBe(true);
  });
});
