import "server-only";
import ExcelJS from "exceljs";
import { toCsv } from "@/lib/csv";
import type { KpiUnit } from "./catalogue";
import type { ReviewRow } from "./review";

/**
 * The performance review as XLSX (exceljs; Vietnamese headers, number formats per unit) and CSV
 * (lib/csv.ts: UTF-8 with a BOM so Excel reads Vietnamese, RFC 4180 quoting, formula-safe), both
 * from ./review.ts's rows:
 * the same numbers as the page.
 */
export interface ReviewLabels {
  readonly title: string;
  readonly period: string;
  readonly generated: string;
  readonly sheet: string;
  readonly headers: readonly [string, string, string, string, string, string, string, string, string];
  metric(row: ReviewRow): string;
  unit(unit: KpiUnit): string;
  status(row: ReviewRow): string;
  comparator(row: ReviewRow): string;
}

const FORMAT: Record<KpiUnit, string> = {
  count: "#,##0",
  vnd: '#,##0 "₫"',
  percent: '0.0 "%"',
  working_days: "0.0",
  days: "0.0",
};

export async function reviewXlsx(rows: readonly ReviewRow[], labels: ReviewLabels): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Sàn Giao dịch Công nghệ Hà Nội";
  const sheet = book.addWorksheet(labels.sheet.slice(0, 31));
  sheet.addRow([labels.title]).font = { bold: true, size: 14 };
  sheet.addRow([labels.period]);
  sheet.addRow([labels.generated]);
  sheet.addRow([]);
  const header = sheet.addRow([...labels.headers]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  for (const row of rows) {
    const line = sheet.addRow([
      labels.metric(row),
      labels.unit(row.unit),
      row.value,
      row.previous,
      row.change,
      row.forecast,
      row.target,
      labels.comparator(row),
      labels.status(row),
    ]);
    for (const column of [3, 4, 5, 6, 7]) line.getCell(column).numFmt = FORMAT[row.unit];
  }
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 60 : 16));
  sheet.views = [{ state: "frozen", ySplit: 5 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function reviewCsv(rows: readonly ReviewRow[], labels: ReviewLabels): string {
  return toCsv(
    labels.headers,
    rows.map((row) => [
      labels.metric(row),
      labels.unit(row.unit),
      row.value,
      row.previous,
      row.change,
      row.forecast,
      row.target,
      labels.comparator(row),
      labels.status(row),
    ]),
  );
}
