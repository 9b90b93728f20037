/**
 * The file types the exchange accepts, with their canonical MIME type and extension. The stored
 * type always comes from sniffing the bytes (see sniff.ts), never from the client's name or MIME.
 */
export type FileTypeId = "png" | "jpeg" | "webp" | "pdf" | "docx" | "xlsx";

export interface FileType {
  id: FileTypeId;
  mime: string;
  /** Canonical extension, appended to a display name that lacks a matching one. */
  ext: string;
  /** Extensions users commonly give this type; a name ending in one of them is kept as is. */
  aliases: readonly string[];
  category: "image" | "document";
  /** Shown in the browser (inline) or always downloaded (attachment). */
  disposition: "inline" | "attachment";
}

export const FILE_TYPES: Readonly<Record<FileTypeId, FileType>> = {
  png: { id: "png", mime: "image/png", ext: "png", aliases: ["png"], category: "image", disposition: "inline" },
  jpeg: {
    id: "jpeg",
    mime: "image/jpeg",
    ext: "jpg",
    aliases: ["jpg", "jpeg", "jpe"],
    category: "image",
    disposition: "inline",
  },
  webp: { id: "webp", mime: "image/webp", ext: "webp", aliases: ["webp"], category: "image", disposition: "inline" },
  pdf: {
    id: "pdf",
    mime: "application/pdf",
    ext: "pdf",
    aliases: ["pdf"],
    category: "document",
    disposition: "inline",
  },
  docx: {
    id: "docx",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: "docx",
    aliases: ["docx"],
    category: "document",
    // Office files are never rendered by the browser; inline would only trigger odd plugin behaviour.
    disposition: "attachment",
  },
  xlsx: {
    id: "xlsx",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: "xlsx",
    aliases: ["xlsx"],
    category: "document",
    disposition: "attachment",
  },
};

export const IMAGE_TYPES: readonly FileType[] = [FILE_TYPES.png, FILE_TYPES.jpeg, FILE_TYPES.webp];
export const DOCUMENT_TYPES: readonly FileType[] = [FILE_TYPES.pdf, FILE_TYPES.docx, FILE_TYPES.xlsx];

/** MIME types for an `<input type="file" accept>` hint; the server still sniffs every upload. */
export const ACCEPT = {
  IMAGE: IMAGE_TYPES.map((t) => t.mime).join(","),
  DOCUMENT: [...DOCUMENT_TYPES, ...IMAGE_TYPES].map((t) => t.mime).join(","),
} as const;

/** The accepted type with this canonical MIME type, or null (e.g. a row written by older code). */
export function fileTypeByMime(mime: string): FileType | null {
  return Object.values(FILE_TYPES).find((t) => t.mime === mime) ?? null;
}
