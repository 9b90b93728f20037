import { createRequire } from "node:module";
import { strFromU8, unzipSync } from "fflate";
import * as fontkit from "fontkit";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { TransferForm, TransferMethod, TransferObject } from "@/lib/generated/prisma/enums";
import {
  ART23_ITEMS,
  ContractContentSchema,
  DISPUTE_BODIES,
  EFFECTIVE_ON,
  SCOPES,
  type ContractField,
} from "@/lib/deals/contract";
import {
  ARTICLE_TITLES,
  contractDocument,
  DISPUTE_BODY_LABELS,
  EFFECTIVE_ON_LABELS,
  FIELD_LABELS,
  formatAmount,
  SCOPE_LABELS,
  TRANSFER_FORM_LABELS,
  TRANSFER_METHOD_LABELS,
  TRANSFER_OBJECT_LABELS,
  vndInWords,
  type Label,
} from "@/lib/deals/contract-document";
import { contractDocx } from "@/lib/deals/contract-docx";
import { contractPdf } from "@/lib/deals/contract-pdf";
import { FULL_INPUT } from "@/tests/fixtures/contracts/full-contract";

const SHA = FULL_INPUT.sha256;
const vi = contractDocument(FULL_INPUT);
const en = contractDocument({ ...FULL_INPUT, locale: "en" });
const DRAFT_CONTENT = ContractContentSchema.parse({
  technologyName: "Chế phẩm vi sinh xử lý rơm rạ",
  scope: "OWNERSHIP",
  effectiveOn: "DATE",
  milestones: [{ title: "Bàn giao tài liệu" }],
});
const draft = contractDocument({ ...FULL_INPUT, content: DRAFT_CONTENT, confirmedAt: undefined });
const empty = contractDocument({ ...FULL_INPUT, content: {}, confirmedAt: {} });

/** Text with every run of white space as one space: line breaks fall anywhere in a laid-out page. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/** Each page's text, as a reader of the PDF would copy it. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text.map(flat);
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of every `<w:t>` inside a piece of WordprocessingML. */
const wordText = (xml: string) =>
  decodeXml([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));

interface Docx {
  readonly files: Record<string, string>;
  readonly paragraphs: string[];
  /** Every table row, as the text of its cells. */
  readonly rows: string[][];
}

async function unpackDocx(docx: Buffer): Promise<Docx> {
  const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(docx))).map(([n, b]) => [n, strFromU8(b)]));
  const xml = files["word/document.xml"] ?? "";
  return {
    files,
    paragraphs: [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => wordText(m[0])),
    rows: [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => wordText(cell[0])),
    ),
  };
}

/** Every string of a document model. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

describe("label tables", () => {
  const keys = (labels: Record<string, Label>) => Object.keys(labels).sort();
  const sorted = (values: readonly string[]) => [...values].sort();

  it("name every value of every enum a contract shows", () => {
    expect(keys(TRANSFER_OBJECT_LABELS)).toEqual(sorted(Object.values(TransferObject)));
    expect(keys(TRANSFER_FORM_LABELS)).toEqual(sorted(Object.values(TransferForm)));
    expect(keys(TRANSFER_METHOD_LABELS)).toEqual(sorted(Object.values(TransferMethod)));
    expect(keys(SCOPE_LABELS)).toEqual(sorted(SCOPES));
    expect(keys(EFFECTIVE_ON_LABELS)).toEqual(sorted(EFFECTIVE_ON));
    expect(keys(DISPUTE_BODY_LABELS)).toEqual(sorted(DISPUTE_BODIES));
  });

  it("title every Art. 23 item and label every content field, in both languages", () => {
    expect(keys(ARTICLE_TITLES)).toEqual(sorted(ART23_ITEMS.map((i) => i.key)));
    const fields: ContractField[] = ART23_ITEMS.flatMap((i) => [...i.fields]);
    expect(keys(FIELD_LABELS)).toEqual(sorted(fields));
    const all = [
      TRANSFER_OBJECT_LABELS,
      TRANSFER_FORM_LABELS,
      TRANSFER_METHOD_LABELS,
      SCOPE_LABELS,
      EFFECTIVE_ON_LABELS,
      DISPUTE_BODY_LABELS,
      ARTICLE_TITLES,
      FIELD_LABELS,
    ].flatMap((table) => Object.values<Label>(table));
    for (const label of all) {
      expect(label.vi.trim()).not.toBe("");
      expect(label.en.trim()).not.toBe("");
      expect(label.vi).not.toBe(label.en);
    }
  });
});

describe("amounts", () => {
  it("group thousands the locale's way", () => {
    expect(formatAmount(1_500_000_000n, "vi")).toBe("1.500.000.000");
    expect(formatAmount(1_500_000_000n, "en")).toBe("1,500,000,000");
    expect(formatAmount(999n, "vi")).toBe("999");
    expect(formatAmount(10n ** 15n, "vi")).toBe("1.000.000.000.000.000");
  });

  it("read in Vietnamese words as contracts write them", () => {
    expect(vndInWords(1_500_000_000n)).toBe("Một tỷ năm trăm triệu đồng");
    expect(vndInWords(15n)).toBe("Mười lăm đồng");
    expect(vndInWords(21_000_000n)).toBe("Hai mươi mốt triệu đồng");
    expect(vndInWords(2_024n)).toBe("Hai nghìn không trăm hai mươi tư đồng");
    expect(vndInWords(105_000n)).toBe("Một trăm linh năm nghìn đồng");
    expect(vndInWords(310_000n)).toBe("Ba trăm mười nghìn đồng");
    expect(vndInWords(1_000_005n)).toBe("Một triệu không trăm linh năm đồng");
    expect(vndInWords(3_000_000n)).toBe("Ba triệu đồng");
    expect(vndInWords(1_200_000_000_000n)).toBe("Một nghìn hai trăm tỷ đồng");
    expect(vndInWords(1_000_000_005_000n)).toBe("Một nghìn tỷ không trăm linh năm nghìn đồng");
    expect(vndInWords(10n ** 15n)).toBe("Một triệu tỷ đồng");
    expect(vndInWords(0n)).toBe("Không đồng");
  });
});

describe("the document model", () => {
  it("follows Art. 23: fourteen articles in the law's order, with the contract's words", () => {
    expect(vi.articles.map((a) => a.no)).toEqual(ART23_ITEMS.map((i) => i.no));
    expect(vi.articles[0]?.heading).toBe("Điều 1. Tên công nghệ được chuyển giao");
    expect(vi.articles[5]?.heading).toBe("Điều 6. Giá và phương thức thanh toán");
    expect(vi.articles[5]?.blocks[0]).toEqual({
      kind: "field",
      label: "Giá chuyển giao công nghệ",
      value: "1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng)",
      missing: false,
    });
    expect(vi.footer).toBe(`Phiên bản 3 · SHA-256 ${SHA}`);
    expect(vi.signatures.map((s) => s.confirmation)).toEqual([
      "Đã xác nhận phiên bản này trên Sàn lúc 09:30 ngày 12/03/2026 (giờ Việt Nam)",
      "Đã xác nhận phiên bản này trên Sàn lúc 15:05 ngày 13/03/2026 (giờ Việt Nam)",
    ]);
  });

  it("shows enum values as words, never as codes", () => {
    const text = stringsOf(vi).join("\n");
    expect(text).toContain("Chuyển giao quyền sử dụng công nghệ");
    expect(text).toContain("Trọng tài thương mại");
    for (const code of ["RIGHT_OF_USE", "KNOW_HOW", "STANDALONE", "EXPERT_ASSISTANCE", "ARBITRATION", "DATE"]) {
      expect(text).not.toContain(code);
    }
  });

  it("is NFC throughout, whatever the parties' profiles hold", () => {
    const decomposed = contractDocument({
      ...FULL_INPUT,
      seeker: { ...FULL_INPUT.seeker, name: "Công ty Cổ phần Dệt nhuộm Thường Tín".normalize("NFD") },
    });
    const strings = stringsOf(decomposed);
    expect(strings).toContain("Công ty Cổ phần Dệt nhuộm Thường Tín");
    for (const s of strings) expect(s).toBe(s.normalize("NFC"));
  });

  it("renders a draft without throwing, with a placeholder for each missing item", () => {
    const blocks = empty.articles.flatMap((a) => a.blocks);
    expect(empty.articles).toHaveLength(14);
    expect(blocks.every((b) => b.kind === "note" || ("missing" in b && b.missing))).toBe(true);
    expect(stringsOf(empty).filter((s) => s === "(chưa thỏa thuận)").length).toBeGreaterThanOrEqual(25);
    expect(empty.signatures.map((s) => s.confirmation)).toEqual([null, null]);
    // A transfer of ownership has no exclusivity, territory or sub-licensing; "on a date" asks for the date.
    const scope = draft.articles[2]?.blocks.map((b) => ("label" in b ? b.label : ""));
    expect(scope).toEqual(["Nội dung chuyển giao"]);
    expect(draft.articles[6]?.blocks).toContainEqual({
      kind: "field",
      label: "Ngày có hiệu lực",
      value: "(chưa thỏa thuận)",
      missing: true,
    });
  });
});

describe("the PDF", () => {
  it("holds the Vietnamese text with its diacritics, as extracted from the file", async () => {
    const pages = await pdfPages(await contractPdf(vi));
    const text = pages.join(" ");
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập – Tự do – Hạnh phúc",
      "HỢP ĐỒNG CHUYỂN GIAO CÔNG NGHỆ",
      "Số: GD-2026-000123",
      "Căn cứ Luật Chuyển giao công nghệ số 07/2017/QH14",
      "Tên tổ chức: Viện Công nghệ sinh học",
      "Tên tổ chức: Công ty Cổ phần Dệt nhuộm Thường Tín",
      "Điều 6. Giá và phương thức thanh toán",
      "Giá chuyển giao công nghệ: 1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng)",
      "Điều 14. Nội dung khác do các bên thỏa thuận",
      "Nước thải sau xử lý đạt cột A của QCVN 13-MT:2015/BTNMT",
      "Tổng cộng 1.500.000.000",
      "ĐẠI DIỆN BÊN NHẬN",
      "PGS.TS. Nguyễn Thị Hương",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toBe(text.normalize("NFC"));
    // The version and hash are at the foot of every page, with "Trang i/n".
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(`Phiên bản 3 · SHA-256 ${SHA}`);
      expect(page).toContain(`Trang ${i + 1}/${pages.length}`);
    }
  });

  it("lays the milestones out as a table row by row", async () => {
    const text = (await pdfPages(await contractPdf(vi))).join(" ");
    expect(text).toContain("STT Nội dung công việc Thời hạn Bên thực hiện Sản phẩm bàn giao Số tiền (đồng)");
    expect(text).toContain("1 Tạm ứng sau khi ký hợp đồng 15/04/2026 Bên nhận Ủy nhiệm chi 450.000.000");
    expect(text).toMatch(/3 Nghiệm thu nước thải đạt cột A 30\/09\/2026 Bên giao .*450\.000\.000/);
  });

  it("prints a milestone too long for a table row in full below the table", async () => {
    const deliverable = Array.from({ length: 60 }, (_, i) => `Bản vẽ thiết kế số ${i + 1}`).join("; ");
    const content = ContractContentSchema.parse({
      ...FULL_INPUT.content,
      milestones: [{ title: "Bàn giao hồ sơ thiết kế", dueDate: "2026-05-20", responsible: "provider", deliverable }],
      value: undefined,
    });
    const text = (await pdfPages(await contractPdf(contractDocument({ ...FULL_INPUT, content })))).join(" ");
    expect(text).toContain(`Sản phẩm bàn giao: ${deliverable}`);
    expect(text).toContain("Nội dung công việc: Bàn giao hồ sơ thiết kế");
  });

  it("embeds only Noto Serif, which has a glyph for every character the contracts use", async () => {
    const pdf = (await contractPdf(vi)).toString("latin1");
    const fonts = [...pdf.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts)).toEqual(new Set(["NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic"]));

    const require = createRequire(import.meta.url);
    const faces = ["400Regular", "700Bold", "400Regular_Italic"].map((face) => {
      const font = fontkit.openSync(require.resolve(`@expo-google-fonts/noto-serif/${face}/NotoSerif_${face}.ttf`));
      if (!("hasGlyphForCodePoint" in font)) throw new Error("expected a single font");
      return font;
    });
    const characters = new Set([vi, en, draft, empty].flatMap(stringsOf).join("").replace(/\s/g, ""));
    for (const face of faces) {
      const missing = [...characters].filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect(missing, face.fullName).toEqual([]);
    }
  });

  it("generates a draft with its placeholders, and the English rendering with English words", async () => {
    const draftText = (await pdfPages(await contractPdf(empty))).join(" ");
    expect(draftText).toContain("Tên công nghệ: (chưa thỏa thuận)");
    expect(draftText).toContain("Giá chuyển giao công nghệ: (chưa thỏa thuận)");
    expect(draftText).toContain("Kế hoạch, tiến độ chuyển giao và thanh toán: (chưa thỏa thuận)");

    const englishText = (await pdfPages(await contractPdf(en))).join(" ");
    for (const expected of [
      "TECHNOLOGY TRANSFER CONTRACT",
      "Courtesy translation. The Vietnamese text is the legal text of this contract.",
      "Article 6. Price and payment method",
      "Price of the transfer: 1,500,000,000 VND",
      "Form of transfer: Stand-alone technology transfer",
      "Dispute resolution body: Commercial arbitration",
      `Version 3 · SHA-256 ${SHA}`,
      "Page 1 of",
      // The parties' own words stay as they wrote them.
      "Công ty Cổ phần Dệt nhuộm Thường Tín",
    ]) {
      expect(englishText).toContain(expected);
    }
    expect(englishText).not.toMatch(/Điều \d+\./);
    expect(englishText).not.toContain("Bên giao công nghệ");
  });
});

describe("the DOCX", () => {
  it("is A4 in Times New Roman 13 pt, with the contract's text and the milestone rows", async () => {
    const docx = await unpackDocx(await contractDocx(vi));
    const xml = docx.files["word/document.xml"] ?? "";
    expect(xml).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(docx.files["word/styles.xml"]).toMatch(/w:ascii="Times New Roman"/);
    expect(docx.files["word/styles.xml"]).toMatch(/<w:sz w:val="26"\/>/);

    const paragraphs = docx.paragraphs.join("\n");
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập – Tự do – Hạnh phúc",
      "HỢP ĐỒNG CHUYỂN GIAO CÔNG NGHỆ",
      "Tên tổ chức: Viện Công nghệ sinh học",
      "Tên tổ chức: Công ty Cổ phần Dệt nhuộm Thường Tín",
      "Điều 6. Giá và phương thức thanh toán",
      "Giá chuyển giao công nghệ: 1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng)",
      "– Đào tạo cho bên nhận công nghệ",
    ]) {
      expect(docx.paragraphs).toContain(expected);
    }
    expect(paragraphs).toBe(paragraphs.normalize("NFC"));

    expect(docx.rows).toContainEqual([
      "STT",
      "Nội dung công việc",
      "Thời hạn",
      "Bên thực hiện",
      "Sản phẩm bàn giao",
      "Số tiền (đồng)",
    ]);
    expect(docx.rows).toContainEqual([
      "1",
      "Tạm ứng sau khi ký hợp đồng",
      "15/04/2026",
      "Bên nhận",
      "Ủy nhiệm chi",
      "450.000.000",
    ]);
    expect(docx.rows).toContainEqual([
      "2",
      "Bàn giao tài liệu công nghệ và đào tạo",
      "30/06/2026",
      "Bên giao",
      "Bộ tài liệu quy trình, bản vẽ, biên bản đào tạo",
      "600.000.000",
    ]);
    expect(docx.rows).toContainEqual(["", "Tổng cộng", "", "", "", "1.500.000.000"]);
    // The milestone table is bordered; the signature table is not.
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const milestones = tables.find((t) => t.includes("Tạm ứng sau khi ký hợp đồng")) ?? "";
    expect(milestones).toMatch(/<w:tblBorders>[\s\S]*<w:insideH w:val="single"/);

    const footer = Object.entries(docx.files).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? "";
    expect(wordText(footer)).toBe(`Phiên bản 3 · SHA-256 ${SHA} · Trang /`);
    expect(footer).toContain("PAGE");
    expect(footer).toContain("NUMPAGES");
  });

  it("generates a draft with its placeholders, and the English rendering with English words", async () => {
    const draftDocx = await unpackDocx(await contractDocx(draft));
    expect(draftDocx.paragraphs).toContain("Tên công nghệ: Chế phẩm vi sinh xử lý rơm rạ");
    expect(draftDocx.paragraphs).toContain("Giá chuyển giao công nghệ: (chưa thỏa thuận)");
    expect(draftDocx.rows).toContainEqual(["1", "Bàn giao tài liệu", "(chưa thỏa thuận)", "(chưa thỏa thuận)", "", ""]);

    const english = await unpackDocx(await contractDocx(en));
    expect(english.paragraphs).toContain("TECHNOLOGY TRANSFER CONTRACT");
    expect(english.paragraphs).toContain("Article 6. Price and payment method");
    expect(english.paragraphs).toContain("Price of the transfer: 1,500,000,000 VND");
    expect(english.rows).toContainEqual(["No.", "Milestone", "Due date", "Party", "Deliverable", "Amount (VND)"]);
    expect(english.rows).toContainEqual([
      "1",
      "Tạm ứng sau khi ký hợp đồng",
      "15/04/2026",
      "Transferee",
      "Ủy nhiệm chi",
      "450,000,000",
    ]);
    expect(english.paragraphs.some((p) => /^Điều \d+\./.test(p))).toBe(false);
    expect(english.files["word/styles.xml"]).toContain('w:val="en-GB"');
  });
});
