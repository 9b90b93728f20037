import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { screen, screeningNote, type ScreeningResult } from "@/lib/listings/screening";
import { isScreeningNote, parseScreeningNote } from "@/lib/listings/screening-note";

const CATEGORIES = ["ENCOURAGED", "RESTRICTED", "PROHIBITED"] as const;

describe("the stored screening note read back", () => {
  it("reads what screening stores: category, entry and keyword of each match, in order", () => {
    const result = screen(
      [
        { id: "p", category: "PROHIBITED", name: "[Mẫu] Amiăng (trắng; nâu)", sectorCodes: [], keywords: ["amiăng"] },
        { id: "e", category: "ENCOURAGED", name: "Năng lượng: tái tạo", sectorCodes: [], keywords: ["điện gió"] },
      ],
      { sectorCode: "201", texts: ["Tấm lợp không amiăng, chạy bằng điện gió"], keywords: [] },
    );
    const note = screeningNote(result);
    expect(note).toBe("PROHIBITED: [Mẫu] Amiăng (trắng; nâu) («amiăng»); ENCOURAGED: Năng lượng: tái tạo («điện gió»)");
    expect(parseScreeningNote(note)).toEqual([
      { kind: "match", category: "PROHIBITED", name: "[Mẫu] Amiăng (trắng; nâu)", keyword: "amiăng" },
      { kind: "match", category: "ENCOURAGED", name: "Năng lượng: tái tạo", keyword: "điện gió" },
    ]);
    expect(isScreeningNote(note)).toBe(true);
  });

  it("round-trips any matches screeningNote writes", () => {
    // Entry names and keywords as officers type them: anything but the note's own delimiters.
    const plain = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/[«»]|; /.test(s) && s.trim() === s);
    const match = fc.record({
      id: fc.constant("x"),
      category: fc.constantFrom(...CATEGORIES),
      name: plain,
      keyword: plain,
    });
    fc.assert(
      fc.property(fc.array(match, { minLength: 1, maxLength: 4 }), (matches) => {
        const result: ScreeningResult = { outcome: "CLEAR", matches };
        expect(parseScreeningNote(screeningNote(result))).toEqual(
          matches.map(({ category, name, keyword }) => ({ kind: "match", category, name, keyword })),
        );
      }),
    );
  });

  it("has nothing to show for no note", () => {
    expect(parseScreeningNote(null)).toEqual([]);
    expect(parseScreeningNote(undefined)).toEqual([]);
    expect(parseScreeningNote("  ")).toEqual([]);
    expect(isScreeningNote(null)).toBe(false);
  });

  it("keeps text it does not recognise as it is, beside the matches it does", () => {
    expect(parseScreeningNote("Cán bộ Sở đã kiểm tra thủ công")).toEqual([
      { kind: "text", text: "Cán bộ Sở đã kiểm tra thủ công" },
    ]);
    // A code without the keyword part, an unknown code, a lower-case code: text.
    expect(parseScreeningNote("RESTRICTED: Thiết bị gây nhiễu")).toEqual([
      { kind: "text", text: "RESTRICTED: Thiết bị gây nhiễu" },
    ]);
    expect(parseScreeningNote("FORBIDDEN: X («y»)")).toEqual([{ kind: "text", text: "FORBIDDEN: X («y»)" }]);
    expect(parseScreeningNote("restricted: X («y»)")).toEqual([{ kind: "text", text: "restricted: X («y»)" }]);
    const mixed = "Ghi chú cũ; RESTRICTED: Gây nhiễu («thiết bị gây nhiễu»); PROHIBITED: lỗi định dạng";
    expect(parseScreeningNote(mixed)).toEqual([
      { kind: "text", text: "Ghi chú cũ" },
      { kind: "match", category: "RESTRICTED", name: "Gây nhiễu", keyword: "thiết bị gây nhiễu" },
      { kind: "text", text: "PROHIBITED: lỗi định dạng" },
    ]);
    expect(isScreeningNote(mixed)).toBe(false);
  });
});
