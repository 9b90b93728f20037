import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ContractBlock, ContractDocument, ContractTable, FieldLine } from "./contract-document";

/**
 * The contract as a PDF: A4, the administrative margins (3 cm left, 2 cm elsewhere), the version,
 * SHA-256 and page number at the foot of every page, the milestones as a bordered table whose
 * header repeats on a new page. Laid out from ./contract-document.ts; server-side.
 *
 * The font is Noto Serif, embedded (pdfkit subsets it): it has every Vietnamese letter as a
 * precomposed glyph, and the text is NFC, so diacritics render and extract as written. The standard
 * PDF fonts (Times, Helvetica) have no Vietnamese letters at all. pdfkit must stay outside the
 * bundle (`serverExternalPackages` in next.config.ts): it reads its own data files at run time.
 */

const FONT_PACKAGE = "@expo-google-fonts/noto-serif";
const FONT_FILES = {
  regular: "400Regular/NotoSerif_400Regular.ttf",
  bold: "700Bold/NotoSerif_700Bold.ttf",
  italic: "400Regular_Italic/NotoSerif_400Regular_Italic.ttf",
  boldItalic: "700Bold_Italic/NotoSerif_700Bold_Italic.ttf",
} as const;
type FontStyle = keyof typeof FONT_FILES;

/**
 * The installed font package's folder, resolved at run time from this module (under `next start`,
 * tsx and vitest alike), or else from the working directory's node_modules. The bundler is told
 * to leave these look-ups alone: resolved at build time, the package would become a module id
 * instead of a folder, and a dynamic path would make it trace the whole project.
 */
function fontDirectory(): string {
  const candidates: string[] = [];
  try {
    const manifest = createRequire(import.meta.url).resolve(/* turbopackIgnore: true */ `${FONT_PACKAGE}/package.json`);
    candidates.push(path.dirname(manifest));
  } catch {
    // Not resolvable from this module's location: the working directory below may still have it.
  }
  candidates.push(path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", FONT_PACKAGE));
  const found = candidates.find((dir) =>
    fs.existsSync(/* turbopackIgnore: true */ path.join(/* turbopackIgnore: true */ dir, FONT_FILES.regular)),
  );
  if (found === undefined) {
    throw new Error(`The contract font is missing: install ${FONT_PACKAGE} (looked in ${candidates.join(", ")})`);
  }
  return found;
}

interface Fonts {
  readonly files: Record<FontStyle, string>;
  readonly faces: Record<FontStyle, Buffer>;
}

let fontCache: Fonts | null = null;

/** The four faces, read once per process. */
function fonts(): Fonts {
  if (fontCache === null) {
    const dir = fontDirectory();
    const files = {} as Record<FontStyle, string>;
    const faces = {} as Record<FontStyle, Buffer>;
    for (const style of Object.keys(FONT_FILES) as FontStyle[]) {
      files[style] = path.join(/* turbopackIgnore: true */ dir, FONT_FILES[style]);
      faces[style] = fs.readFileSync(/* turbopackIgnore: true */ files[style]);
    }
    fontCache = { files, faces };
  }
  return fontCache;
}

/** Points: A4, margins (1 cm ≈ 28.35 pt), sizes. The bottom margin leaves room for the footer. */
const MARGINS = { top: 57, bottom: 72, left: 85, right: 57 } as const;
const SIZE = { body: 12, title: 14, table: 10, footer: 8 } as const;
const LINE_GAP = 2;
const CELL_PADDING = 4;

type Doc = PDFKit.PDFDocument;

const textWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one (keeps a heading with what follows). */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function paragraph(
  doc: Doc,
  text: string,
  options: {
    font?: FontStyle;
    size?: number;
    align?: "left" | "center" | "justify";
    indent?: number;
    gap?: number;
  } = {},
) {
  doc
    .font(options.font ?? "regular")
    .fontSize(options.size ?? SIZE.body)
    .text(text, doc.page.margins.left, doc.y, {
      width: textWidth(doc),
      align: options.align ?? "left",
      indent: options.indent ?? 0,
      lineGap: LINE_GAP,
      paragraphGap: options.gap ?? 3,
    });
}

function field(doc: Doc, line: FieldLine, valueFont: FontStyle = "regular") {
  doc
    .font("regular")
    .fontSize(SIZE.body)
    .text(`${line.label}: `, doc.page.margins.left, doc.y, {
      width: textWidth(doc),
      lineGap: LINE_GAP,
      continued: true,
    })
    .font(line.missing ? "italic" : valueFont)
    .text(line.value, { lineGap: LINE_GAP, paragraphGap: 3 });
}

/**
 * A bordered table under its label; a row that does not fit starts a new page, where the header row
 * is drawn again. The label stays on the page of the header and the first row.
 */
function table(doc: Doc, label: string, t: ContractTable) {
  const left = doc.page.margins.left;
  const total = t.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * textWidth(doc));
  const inner = (i: number) => widths[i]! - 2 * CELL_PADDING;
  const measure = (cells: readonly string[], font: FontStyle) => {
    doc.font(font).fontSize(SIZE.table);
    return (
      Math.max(...cells.map((text, i) => doc.heightOfString(text || " ", { width: inner(i), lineGap: 1 }))) +
      2 * CELL_PADDING
    );
  };
  const draw = (cells: readonly string[], font: FontStyle, height: number) => {
    let x = left;
    const y = doc.y;
    cells.forEach((text, i) => {
      doc.lineWidth(0.6).rect(x, y, widths[i]!, height).stroke();
      doc
        .font(font)
        .fontSize(SIZE.table)
        .text(text, x + CELL_PADDING, y + CELL_PADDING, {
          width: inner(i),
          align: font === "bold" && i === 1 ? "left" : t.columns[i]!.align,
          lineGap: 1,
        });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const header = t.columns.map((c) => c.header);
  const headerHeight = measure(header, "bold");
  const rows = [
    ...t.rows.map((cells) => ({ cells, font: "regular" as const })),
    ...(t.total ? [{ cells: t.total, font: "bold" as const }] : []),
  ];
  ensureSpace(doc, 2 * SIZE.body + headerHeight + (rows[0] ? measure(rows[0].cells, rows[0].font) : 0));
  paragraph(doc, `${label}:`, { gap: 4 });
  draw(header, "bold", headerHeight);
  for (const { cells, font } of rows) {
    const height = measure(cells, font);
    const fullPage = pageBottom(doc) - doc.page.margins.top - headerHeight;
    if (height > fullPage) {
      // A row taller than a page (a very long deliverable) cannot be a table row: it is printed
      // below as labelled lines, so that no text is cut.
      doc.moveDown(0.3);
      cells.forEach((text, i) => text && paragraph(doc, `${header[i]}: ${text}`, { size: SIZE.table }));
      continue;
    }
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      draw(header, "bold", headerHeight);
    }
    draw(cells, font, height);
  }
  doc.moveDown(0.5);
}

/** A label keeps at least two lines of what it introduces on its page. */
const LABEL_WITH_NEXT = 3 * (SIZE.body + LINE_GAP + 3);

function block(doc: Doc, b: ContractBlock) {
  const indent = 28;
  switch (b.kind) {
    case "field":
      return field(doc, b);
    case "clause":
      ensureSpace(doc, LABEL_WITH_NEXT);
      paragraph(doc, `${b.label}:`, { gap: 1 });
      for (const p of b.paragraphs)
        paragraph(doc, p, { font: b.missing ? "italic" : "regular", align: "justify", indent });
      return;
    case "list":
      ensureSpace(doc, LABEL_WITH_NEXT);
      paragraph(doc, `${b.label}:`, { gap: 1 });
      for (const item of b.items)
        paragraph(doc, b.missing ? item : `– ${item}`, { font: b.missing ? "italic" : "regular", indent });
      return;
    case "table":
      return table(doc, b.label, b.table);
    case "note":
      return paragraph(doc, b.text, { align: "justify" });
  }
}

function signatures(doc: Doc, contract: ContractDocument) {
  ensureSpace(doc, 170);
  const left = doc.page.margins.left;
  const width = textWidth(doc) / contract.signatures.length;
  const top = doc.y + 12;
  let bottom = top;
  contract.signatures.forEach((s, i) => {
    const x = left + i * width;
    const opts = { width, align: "center" as const, lineGap: LINE_GAP };
    doc.font("bold").fontSize(SIZE.body).text(s.heading, x, top, opts);
    doc.font("italic").fontSize(SIZE.table).text(s.note, x, doc.y, opts);
    doc.y += 72;
    if (s.name) doc.font("bold").fontSize(SIZE.body).text(s.name, x, doc.y, opts);
    if (s.position) doc.font("regular").fontSize(SIZE.body).text(s.position, x, doc.y, opts);
    if (s.confirmation)
      doc
        .font("italic")
        .fontSize(SIZE.footer)
        .text(s.confirmation, x, doc.y + 4, opts);
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = left;
  doc.y = bottom;
}

/** Version, SHA-256 and "Trang 2/5" at the foot of every page, written once the page count is known. */
function footers(doc: Doc, contract: ContractDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    margins.bottom = 0;
    const opts = { width: doc.page.width - margins.left - margins.right, align: "center" as const };
    doc.font("regular").fontSize(SIZE.footer);
    doc.text(contract.footer, margins.left, doc.page.height - 50, opts);
    doc.text(`${contract.pageLabel.page} ${i + 1}${contract.pageLabel.of}${range.count}`, margins.left, doc.y, opts);
    margins.bottom = bottom;
  }
}

/** The contract as a PDF file. */
export async function contractPdf(contract: ContractDocument): Promise<Buffer> {
  const { files, faces } = fonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    bufferPages: true,
    lang: contract.language,
    displayTitle: true,
    // Starting in our own font keeps pdfkit from loading Helvetica, which has no Vietnamese letters.
    font: files.regular,
    info: {
      Title: contract.metadata.title,
      Subject: contract.metadata.subject,
      Keywords: contract.metadata.keywords,
      Author: "Sàn Giao dịch Công nghệ Hà Nội",
      Creator: "Sàn Giao dịch Công nghệ Hà Nội",
    },
  });
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) doc.registerFont(style, faces[style]);

  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  paragraph(doc, contract.nation, { font: "bold", align: "center", gap: 0 });
  const mottoTop = doc.y;
  paragraph(doc, contract.motto, { font: "bold", align: "center", gap: 0 });
  const mottoWidth = doc.font("bold").fontSize(SIZE.body).widthOfString(contract.motto);
  const mottoLeft = MARGINS.left + (textWidth(doc) - mottoWidth) / 2;
  doc
    .lineWidth(0.6)
    .moveTo(mottoLeft, mottoTop + SIZE.body + 4)
    .lineTo(mottoLeft + mottoWidth, mottoTop + SIZE.body + 4)
    .stroke();
  doc.moveDown(1.5);
  paragraph(doc, contract.title, { font: "bold", size: SIZE.title, align: "center", gap: 2 });
  paragraph(doc, contract.number, { align: "center", gap: 0 });
  paragraph(doc, contract.versionLine, { font: "italic", align: "center", gap: 0 });
  if (contract.courtesyNote)
    paragraph(doc, contract.courtesyNote, { font: "italic", size: SIZE.table, align: "center" });
  doc.moveDown(1);
  for (const basis of contract.bases) paragraph(doc, basis, { font: "italic", align: "justify", indent: 28 });
  doc.moveDown(0.5);
  paragraph(doc, contract.partiesIntro, { align: "justify", indent: 28 });
  for (const party of contract.parties) {
    doc.moveDown(0.4);
    ensureSpace(doc, 100);
    paragraph(doc, party.heading, { font: "bold" });
    party.fields.forEach((line, i) => field(doc, line, i === 0 ? "bold" : "regular"));
  }
  doc.moveDown(0.4);
  paragraph(doc, contract.agreement, { align: "justify", indent: 28 });
  for (const article of contract.articles) {
    doc.moveDown(0.6);
    ensureSpace(doc, 60);
    paragraph(doc, article.heading, { font: "bold", gap: 4 });
    for (const b of article.blocks) block(doc, b);
  }
  doc.moveDown(0.8);
  for (const line of contract.closing) paragraph(doc, line, { align: "justify", indent: 28 });
  signatures(doc, contract);
  footers(doc, contract);
  doc.end();
  return finished;
}

/**
 * A plain Vietnamese document as a PDF — a title and paragraphs in the contract's font. The demo
 * data's deal documents are made with it (prisma/demo-deals.ts), so that they open like real ones.
 */
export async function textPdf(title: string, paragraphs: readonly string[]): Promise<Buffer> {
  const { files, faces } = fonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    lang: "vi",
    font: files.regular,
    info: { Title: title },
  });
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) doc.registerFont(style, faces[style]);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  paragraph(doc, title, { font: "bold", size: SIZE.title, align: "center", gap: 2 });
  for (const text of paragraphs) paragraph(doc, text, {});
  doc.end();
  return finished;
}
