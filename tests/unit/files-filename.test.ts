import { describe, expect, it } from "vitest";
import { displayFilename, hasControlCharacters, MAX_FILENAME_LENGTH, sanitizeFilename } from "@/lib/files/filename";
import { asciiFallback, contentDisposition, encodeExtValue, etagMatches } from "@/lib/files/http";
import { FILE_TYPES } from "@/lib/files/types";

describe("sanitizeFilename", () => {
  it("keeps Vietnamese letters, composed (NFC)", () => {
    const decomposed = "Báo cáo kết quả nghiên cứu.pdf".normalize("NFD");
    expect(sanitizeFilename(decomposed)).toBe("Báo cáo kết quả nghiên cứu.pdf".normalize("NFC"));
    expect(sanitizeFilename("Hợp đồng chuyển giao công nghệ – bản 2.docx")).toBe(
      "Hợp đồng chuyển giao công nghệ – bản 2.docx",
    );
  });

  it("drops any path, Windows or Unix", () => {
    expect(sanitizeFilename("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFilename("C:\\Users\\an\\Desktop\\ảnh.png")).toBe("ảnh.png");
    expect(sanitizeFilename("/")).toBe("file");
  });

  it("removes control, bidi and zero-width characters", () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE makes "invoice\u202Egpj.exe" display as "invoiceexe.jpg".
    expect(sanitizeFilename("invoice\u202Egpj.exe")).toBe("invoicegpj.exe");
    expect(sanitizeFilename("a\u0000b\u0007c\u200Bd\uFEFF\u2066e\r\n.pdf")).toBe("abcde.pdf");
  });

  it("replaces characters Windows refuses, collapses spaces and strips leading dots", () => {
    expect(sanitizeFilename('a<b>c:d"e|f?g*h.pdf')).toBe("a_b_c_d_e_f_g_h.pdf");
    expect(sanitizeFilename("  many \t  spaces\u00A0here .pdf  ")).toBe("many spaces here .pdf");
    expect(sanitizeFilename("...htaccess")).toBe("htaccess");
    expect(sanitizeFilename("\u202E\u200B")).toBe("file");
  });

  it("limits the name to 255 characters and keeps the extension", () => {
    const long = `${"Nghiên cứu ".repeat(40)}.xlsx`;
    const result = sanitizeFilename(long);
    expect([...result].length).toBeLessThanOrEqual(MAX_FILENAME_LENGTH);
    expect(result.endsWith(".xlsx")).toBe(true);
    expect(result.startsWith("Nghiên cứu Nghiên")).toBe(true);
    expect([...sanitizeFilename("ả".repeat(300))].length).toBe(255);
  });
});

describe("displayFilename", () => {
  it("keeps a matching extension and adds the canonical one otherwise", () => {
    expect(displayFilename("scan.PDF", FILE_TYPES.pdf)).toBe("scan.PDF");
    expect(displayFilename("ảnh.jpeg", FILE_TYPES.jpeg)).toBe("ảnh.jpeg");
    expect(displayFilename("scan", FILE_TYPES.pdf)).toBe("scan.pdf");
    expect(displayFilename("photo.png", FILE_TYPES.jpeg)).toBe("photo.png.jpg");
    expect(displayFilename("report.pdf.exe", FILE_TYPES.pdf)).toBe("report.pdf.exe.pdf");
  });

  it("stays within 255 characters after adding an extension", () => {
    const name = displayFilename("x".repeat(255), FILE_TYPES.docx);
    expect(name.length).toBe(255);
    expect(name.endsWith(".docx")).toBe(true);
  });
});

describe("HTTP helpers", () => {
  it("writes an RFC 8187 filename* for Vietnamese names with an ASCII fallback", () => {
    expect(contentDisposition("inline", "Báo cáo (bản cuối) đợt 1.pdf")).toBe(
      `inline; filename="Bao cao (ban cuoi) dot 1.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28b%E1%BA%A3n%20cu%E1%BB%91i%29%20%C4%91%E1%BB%A3t%201.pdf`,
    );
    expect(asciiFallback('Đề án "mới"\\x.docx')).toBe("De an _moi__x.docx");
    expect(asciiFallback("数据.xlsx")).toBe("__.xlsx");
    expect(encodeExtValue("it's*")).toBe("it%27s%2A");
  });

  it("matches If-None-Match lists, weak tags and *", () => {
    const sha = "a".repeat(64);
    expect(etagMatches(`"${sha}"`, sha)).toBe(true);
    expect(etagMatches(`"other", W/"${sha}"`, sha)).toBe(true);
    expect(etagMatches("*", sha)).toBe(true);
    expect(etagMatches(sha, sha)).toBe(false); // unquoted is not an entity tag
    expect(etagMatches(`"${"b".repeat(64)}"`, sha)).toBe(false);
  });
});

describe("hasControlCharacters", () => {
  it("flags C0, DEL and C1 control characters, which no real file name holds", () => {
    for (const name of ["a\u0000.pdf", "a\u001b[31m.pdf", "a\n.pdf", "a\u007f.pdf", "a\u0085.pdf", "a\u009f.pdf"]) {
      expect(hasControlCharacters(name), JSON.stringify(name)).toBe(true);
    }
  });

  it("accepts ordinary names, Vietnamese included (bidi and zero-width characters are stripped later, not refused)", () => {
    for (const name of ["Báo cáo kết quả.pdf", "Hợp đồng (bản 2).docx", "a\u202Eb.png", "ảnh\u200B.jpg", ""]) {
      expect(hasControlCharacters(name), JSON.stringify(name)).toBe(false);
    }
  });
});
