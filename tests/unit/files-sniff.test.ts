import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENT_TYPES, FILE_TYPES, IMAGE_TYPES, sniffFileType } from "@/lib/files/sniff";
import { docx, pdf, xlsx, zip } from "../fixtures/build";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/files", name));

describe("content sniffing", () => {
  it.each([
    ["image.png", "png", "image/png"],
    ["photo.jpg", "jpeg", "image/jpeg"],
    ["picture.webp", "webp", "image/webp"],
    ["report.pdf", "pdf", "application/pdf"],
    ["contract.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["figures.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ])("recognises %s as %s", (name, id, mime) => {
    const type = sniffFileType(fixture(name));
    expect(type?.id).toBe(id);
    expect(type?.mime).toBe(mime);
  });

  it.each(["html-as.pdf", "text-as.png", "drawing.svg", "archive.zip", "program.exe"])(
    "refuses %s whatever its name says",
    (name) => expect(sniffFileType(fixture(name))).toBeNull(),
  );

  it("refuses an empty file and a truncated signature", () => {
    expect(sniffFileType(new Uint8Array())).toBeNull();
    expect(sniffFileType(Buffer.from("%PDF"))).toBeNull();
    expect(sniffFileType(fixture("image.png").subarray(0, 8))).toBeNull(); // PNG magic without IHDR
    expect(sniffFileType(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeNull(); // RIFF, but audio
  });

  it("only accepts a PDF header at the very start (no polyglots)", () => {
    expect(sniffFileType(Buffer.concat([Buffer.from(" "), pdf()]))).toBeNull();
    expect(sniffFileType(Buffer.from("%PDF-x.y\n"))).toBeNull();
  });

  it("tells Word from Excel by the package parts, not by the name", () => {
    expect(sniffFileType(docx())?.id).toBe("docx");
    expect(sniffFileType(xlsx())?.id).toBe("xlsx");
  });

  it("refuses office-like ZIPs that are not a clean DOCX/XLSX", () => {
    // No [Content_Types].xml: a folder that merely looks like Word.
    expect(sniffFileType(zip({ "word/document.xml": "<w:document/>" }))).toBeNull();
    // Both word/ and xl/ parts: ambiguous.
    expect(sniffFileType(docx({ "xl/workbook.xml": "<workbook/>" }))).toBeNull();
    // Macro-enabled (docm/xlsm) renamed to docx/xlsx.
    expect(sniffFileType(docx({ "word/vbaProject.bin": "macro" }))).toBeNull();
    expect(sniffFileType(xlsx({ "xl/vbaProject.bin": "macro" }))).toBeNull();
    // OpenDocument text: a ZIP with other parts.
    expect(
      sniffFileType(zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" })),
    ).toBeNull();
  });

  it("refuses damaged or padded ZIPs", () => {
    const good = docx();
    expect(sniffFileType(good.subarray(0, good.length - 10))).toBeNull(); // truncated end record
    expect(sniffFileType(Buffer.concat([good, Buffer.from("<script>alert(1)</script>")]))).toBeNull(); // appended payload
    const corrupt = Buffer.from(good);
    corrupt.writeUInt32LE(0xdeadbeef, corrupt.length - 6); // central directory offset points nowhere
    expect(sniffFileType(corrupt)).toBeNull();
  });

  it("exports images and documents with canonical MIME types and extensions", () => {
    expect(IMAGE_TYPES.map((t) => [t.mime, t.ext])).toEqual([
      ["image/png", "png"],
      ["image/jpeg", "jpg"],
      ["image/webp", "webp"],
    ]);
    expect(DOCUMENT_TYPES.map((t) => t.ext)).toEqual(["pdf", "docx", "xlsx"]);
    expect(FILE_TYPES.docx.disposition).toBe("attachment");
    expect(FILE_TYPES.pdf.disposition).toBe("inline");
  });

  it("keeps every fixture under 10 KB", () => {
    for (const name of fs.readdirSync(path.join(import.meta.dirname, "../fixtures/files"))) {
      expect(fixture(name).length, name).toBeLessThan(10_240);
    }
  });
});
