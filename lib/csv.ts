/**
 * The CSV writer of the open data downloads: RFC 4180 (comma-separated, CRLF line ends, a field
 * quoted when it holds a comma, quote, CR or LF, quotes doubled), UTF-8 with a byte order mark so
 * that Excel reads Vietnamese correctly, and safe against formula injection: a text cell starting
 * with = + - @ (or a tab or CR, which Excel also strips before evaluating) gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it (OWASP "CSV Injection").
 * Numbers are written as numbers (a negative number is data, not a formula). Pure and client-safe.
 */

export type CsvValue = string | number | bigint | boolean | null | undefined;

/** The UTF-8 byte order mark, written once at the start of a file. */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, escaped and quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + CRLF;
}

/** A whole file: the byte order mark, the header and the records. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + csvLine(header) + rows.map(csvLine).join("");
}
