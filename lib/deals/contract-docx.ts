import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { ContractBlock, ContractDocument, ContractTable, FieldLine, SignatureBlock } from "./contract-document";

/**
 * The contract as a Word document, for the officials and lawyers who edit contracts in Word:
 * A4, Times New Roman 13 pt (the type of Vietnamese administrative documents), margins of the
 * administrative style (3 cm left, 2 cm elsewhere), articles as real headings (Word's navigation
 * pane lists them), the milestones as a bordered table, and the version and SHA-256 with the page
 * number at the foot of every page. Laid out from ./contract-document.ts; server-side.
 */

const FONT = "Times New Roman";
/** Sizes in half-points. */
const SIZE = { body: 26, title: 28, table: 22, footer: 18 } as const;
/** A4 and margins in twips (1 cm = 567). */
const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 1134 } as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, ...options });

const para = (children: TextRun[], options: { align?: keyof typeof ALIGN | "justify"; indent?: boolean } = {}) =>
  new Paragraph({
    children,
    alignment: options.align === "justify" ? AlignmentType.JUSTIFIED : ALIGN[options.align ?? "left"],
    indent: options.indent ? { firstLine: 567 } : undefined,
    spacing: { after: 80 },
  });

function fieldParagraph(field: FieldLine, boldValue = false): Paragraph {
  return para([
    run(`${field.label}: `),
    run(field.value, { italics: field.missing, bold: boldValue && !field.missing }),
  ]);
}

function table(t: ContractTable): Table {
  const total = t.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split("\n").map(
        (line) =>
          new Paragraph({
            alignment: bold && i === 1 ? AlignmentType.LEFT : ALIGN[t.columns[i]!.align],
            children: [run(line, { bold, size: SIZE.table })],
          }),
      ),
    });
  const row = (cells: readonly string[], bold: boolean, header = false) =>
    new TableRow({ tableHeader: header, cantSplit: true, children: cells.map((text, i) => cell(text, i, bold)) });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(
        t.columns.map((c) => c.header),
        true,
        true,
      ),
      ...t.rows.map((cells) => row(cells, false)),
      ...(t.total ? [row(t.total, true)] : []),
    ],
  });
}

function block(b: ContractBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case "field":
      return [fieldParagraph(b)];
    case "clause":
      return [
        para([run(`${b.label}:`)]),
        ...b.paragraphs.map((p) => para([run(p, { italics: b.missing })], { align: "justify", indent: true })),
      ];
    case "list":
      return [
        para([run(`${b.label}:`)]),
        ...b.items.map((item) => para([run(b.missing ? item : `– ${item}`, { italics: b.missing })], { indent: true })),
      ];
    case "table":
      return [para([run(`${b.label}:`)]), table(b.table), para([])];
    case "note":
      return [para([run(b.text)], { align: "justify" })];
  }
}

function signatures(doc: ContractDocument): Table {
  const column = (s: SignatureBlock) =>
    new TableCell({
      width: { size: Math.floor(TEXT_WIDTH / 2), type: WidthType.DXA },
      borders: TableBorders.NONE,
      children: [
        para([run(s.heading, { bold: true })], { align: "center" }),
        para([run(s.note, { italics: true })], { align: "center" }),
        ...Array.from({ length: 4 }, () => para([])),
        para([run(s.name ?? "", { bold: true })], { align: "center" }),
        ...(s.position ? [para([run(s.position)], { align: "center" })] : []),
        ...(s.confirmation
          ? [para([run(s.confirmation, { italics: true, size: SIZE.footer })], { align: "center" })]
          : []),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.floor(TEXT_WIDTH / 2), Math.floor(TEXT_WIDTH / 2)],
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: doc.signatures.map(column) })],
  });
}

function body(doc: ContractDocument): (Paragraph | Table)[] {
  return [
    para([run(doc.nation, { bold: true })], { align: "center" }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: doc.motto, bold: true, underline: { type: UnderlineType.SINGLE } })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [run(doc.title)],
    }),
    para([run(doc.number)], { align: "center" }),
    para([run(doc.versionLine, { italics: true })], { align: "center" }),
    ...(doc.courtesyNote ? [para([run(doc.courtesyNote, { italics: true })], { align: "center" })] : []),
    para([]),
    ...doc.bases.map((b) => para([run(b, { italics: true })], { align: "justify", indent: true })),
    para([run(doc.partiesIntro)], { align: "justify", indent: true }),
    ...doc.parties.flatMap((p) => [
      new Paragraph({
        keepNext: true,
        spacing: { before: 120, after: 80 },
        children: [run(p.heading, { bold: true })],
      }),
      ...p.fields.map((f, i) => fieldParagraph(f, i === 0)),
    ]),
    para([run(doc.agreement)], { align: "justify", indent: true }),
    ...doc.articles.flatMap((a) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [run(a.heading)] }),
      ...a.blocks.flatMap(block),
    ]),
    para([]),
    ...doc.closing.map((c) => para([run(c)], { align: "justify", indent: true })),
    para([]),
    signatures(doc),
  ];
}

const heading = {
  run: { font: FONT, size: SIZE.body, bold: true, color: "000000" },
  paragraph: { spacing: { before: 200, after: 100 }, keepNext: true },
} as const;

/** The contract as a .docx file. */
export async function contractDocx(doc: ContractDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.metadata.title,
    subject: doc.metadata.subject,
    keywords: doc.metadata.keywords,
    creator: "Sàn Giao dịch Công nghệ Hà Nội",
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: doc.language } },
          paragraph: { spacing: { line: 300 } },
        },
        title: {
          run: { font: FONT, size: SIZE.title, bold: true, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 } },
        },
        heading1: heading,
        heading2: heading,
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run(doc.footer, { size: SIZE.footer }),
                  new TextRun({
                    size: SIZE.footer,
                    children: [
                      ` · ${doc.pageLabel.page} `,
                      PageNumber.CURRENT,
                      doc.pageLabel.of,
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body(doc),
      },
    ],
  });
  return Packer.toBuffer(document);
}
