import { FILE_TYPES, type FileType } from "./types";

export { DOCUMENT_TYPES, FILE_TYPES, IMAGE_TYPES, type FileType, type FileTypeId } from "./types";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = ascii("IHDR");
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const WEBP_CHUNKS = [ascii("VP8 "), ascii("VP8L"), ascii("VP8X")];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/**
 * The real type of a file from its bytes, or null when it is not one we accept. The name and the
 * client's MIME type are ignored on purpose: both are attacker-controlled, and an HTML page served
 * as "application/pdf" from our origin is one content-sniffing bug away from stored XSS.
 * Signatures are checked at offset 0 only, so polyglots (a PDF header buried in HTML) fail.
 */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  // "%PDF-1." or "%PDF-2.": a version digit must follow, as every conforming writer emits.
  if (startsWith(bytes, PDF) && (bytes[5] === 0x31 || bytes[5] === 0x32) && bytes[6] === 0x2e) return FILE_TYPES.pdf;
  // The first chunk of every PNG is IHDR (bytes 12..15).
  if (startsWith(bytes, PNG) && startsWith(bytes, PNG_IHDR, 12)) return FILE_TYPES.png;
  if (startsWith(bytes, JPEG)) return FILE_TYPES.jpeg;
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8) && WEBP_CHUNKS.some((c) => startsWith(bytes, c, 12))) {
    return FILE_TYPES.webp;
  }
  if (startsWith(bytes, ZIP_LOCAL)) return sniffOfficeZip(bytes);
  return null;
}

/**
 * DOCX and XLSX are ZIP packages; a plain ZIP, a JAR or an ODT share the same first bytes. The
 * central directory (at the end of the file) lists every entry, so we read the names from it
 * without decompressing anything (no zip-bomb exposure) and decide on the package's parts.
 */
function sniffOfficeZip(bytes: Uint8Array): FileType | null {
  const names = centralDirectoryNames(bytes);
  if (!names || !names.includes("[Content_Types].xml")) return null;
  // Macro-enabled documents (docm/xlsm) renamed to docx/xlsx still carry the VBA project part.
  if (names.some((n) => n.toLowerCase().endsWith("vbaproject.bin"))) return null;
  const word = names.some((n) => n.startsWith("word/"));
  const excel = names.some((n) => n.startsWith("xl/"));
  if (word && !excel && names.includes("word/document.xml")) return FILE_TYPES.docx;
  if (excel && !word && names.includes("xl/workbook.xml")) return FILE_TYPES.xlsx;
  return null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_ENTRIES = 10_000;

/** Entry names from the ZIP central directory, or null when the structure is not a sound ZIP. */
function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;
  const diskNumber = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  // Split archives and ZIP64 never occur in office files of the sizes we accept.
  if (diskNumber !== 0 || cdDisk !== 0 || entries === 0xffff || cdOffset === 0xffffffff) return null;
  if (entries === 0 || entries > MAX_ENTRIES || cdOffset + cdSize > eocd) return null;

  const names: string[] = [];
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const end = p + 46 + nameLength;
    if (end > eocd) return null;
    names.push(String.fromCharCode(...bytes.subarray(p + 46, end)));
    p = end + extraLength + commentLength;
  }
  return names;
}

/**
 * Offset of the end-of-central-directory record, searched backwards over the possible comment.
 * The record's comment must end exactly at the end of the file: bytes appended after a ZIP (or a
 * ZIP glued onto another file) are how polyglots are built.
 */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  for (let p = last; p >= 0 && p >= last - 0xffff; p--) {
    if (view.getUint32(p, true) !== EOCD_SIGNATURE) continue;
    if (p + EOCD_SIZE + view.getUint16(p + 20, true) === view.byteLength) return p;
  }
  return -1;
}
