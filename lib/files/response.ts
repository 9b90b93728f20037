import "server-only";
import type { Principal } from "@/lib/authz";
import { contentDisposition, etagMatches, FILE_CSP } from "./http";
import { findVisibleAttachment } from "./queries";
import { storage } from "./storage";
import { fileTypeByMime } from "./types";
import { cacheControl } from "./visibility";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": cacheControl(null),
      "X-Content-Type-Options": "nosniff",
    },
  });

/**
 * The HTTP response for GET /api/files/{id}, for `user` (null = anonymous). Kept apart from the
 * route so it can be tested without a request scope (getCurrentUser needs one).
 *
 * 404 for a malformed/unknown id and for a file the user may not see (never 403: that would
 * confirm it exists). Otherwise the bytes with the stored canonical type, nosniff and a locked-down
 * CSP; inline for images and PDF, download for Office files. Files of published listings may be
 * kept by shared caches, the rest only by the user's browser; both are revalidated on every use,
 * so a withdrawal takes effect at once (visibility.ts `cacheControl`). The ETag is the SHA-256 of
 * the bytes: 304 on a match.
 */
export async function fileResponse(user: Principal | null, id: string, ifNoneMatch: string | null): Promise<Response> {
  const visible = await findVisibleAttachment(user, id);
  if (!visible) return notFound();
  const { row, isPublic } = visible;
  const headers: Record<string, string> = {
    ETag: `"${row.sha256}"`,
    "Cache-Control": cacheControl(isPublic ? "public" : "private"),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": FILE_CSP,
  };
  if (ifNoneMatch && etagMatches(ifNoneMatch, row.sha256)) return new Response(null, { status: 304, headers });

  const bytes = await storage().get(row.storageKey);
  if (!bytes) {
    console.error(`[files] bytes missing for attachment ${row.id} (${row.storageKey})`);
    return notFound();
  }
  // A row whose type is no longer on the accepted list is only ever offered as a download.
  const type = fileTypeByMime(row.mimeType);
  headers["Content-Type"] = type?.mime ?? "application/octet-stream";
  headers["Content-Length"] = String(bytes.length);
  headers["Content-Disposition"] = contentDisposition(type?.disposition ?? "attachment", row.filename);
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
