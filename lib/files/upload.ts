import "server-only";
import busboy from "busboy";
import { createHash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";
import { hasControlCharacters } from "./filename";
import type { StagedUpload } from "./mutations";
import { newStorageKey, storage } from "./storage";

/** Room for the multipart framing around the file (boundaries, part headers, a long file name). */
export const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

/**
 * Refuses a body whose declared Content-Length cannot fit a file of `maxBytes`, before any of it
 * is read. A missing header (chunked upload) passes: the limit is then enforced while streaming.
 */
export function assertDeclaredLength(request: Request, maxBytes: number): void {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    throw new AppError("too_large", "too_large", { maxBytes });
  }
}

/** Counts and hashes the bytes on their way to storage. */
class Tap extends Transform {
  readonly hash = createHash("sha256");
  size = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }
}

/**
 * Streams the single `file` part of a multipart/form-data request to a staged object, never
 * holding more than a chunk in memory. The limit is enforced while streaming: at `maxBytes` + 1
 * the request body is abandoned, the staged bytes are deleted and AppError "too_large" is thrown.
 *
 * Other errors (AppError "validation"): not multipart ("multipart_required"), no file or an empty
 * one ("file_required"), a file name with control characters ("filename_invalid"), a malformed or
 * interrupted body ("malformed_upload"). Nothing is left in storage when it throws.
 */
export async function receiveUpload(request: Request, maxBytes: number): Promise<StagedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body)
    throw new AppError("validation", "multipart_required");
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 1024, parts: 9, headerPairs: 16 },
    });
  } catch {
    throw new AppError("validation", "multipart_required");
  }
  const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  const store = storage();

  return new Promise<StagedUpload>((resolve, reject) => {
    let settled = false;
    let current: { key: string; file: Readable; tap: Tap; done: Promise<StagedUpload> } | null = null;

    /** Stops reading the body, removes whatever was staged, then rejects. */
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      source.destroy();
      const staged = current;
      staged?.file.destroy();
      // The tap too: a file stream destroyed right after busboy ended it (a body barely over the
      // limit, boundary in the same chunk) never settles the pipeline, and the request would hang.
      staged?.tap.destroy(new Error("upload abandoned"));
      void (async () => {
        if (staged) {
          await staged.done.catch(() => undefined);
          await store
            .discard(staged.key)
            .catch((e) => console.error(`[files] could not discard ${staged.key}: ${String(e)}`));
        }
        reject(error);
      })();
    };

    parser.on("file", (field, file, info) => {
      if (settled || current || field !== "file") {
        file.resume();
        return;
      }
      if (hasControlCharacters(info.filename ?? "")) {
        file.resume();
        fail(new AppError("validation", "filename_invalid"));
        return;
      }
      const key = newStorageKey();
      const tap = new Tap();
      file.once("limit", () => fail(new AppError("too_large", "too_large", { maxBytes })));
      const done = (async () => {
        await pipeline(file, tap, await store.stageWriter(key));
        return { storageKey: key, name: info.filename ?? "", size: tap.size, sha256: tap.hash.digest("hex") };
      })();
      current = { key, file, tap, done };
      // A broken request body is reported by the handlers below; anything else (disk full) is ours.
      done.catch((error) => fail(error));
    });

    parser.on("close", () => {
      if (settled) return;
      const staged = current;
      if (!staged) return fail(new AppError("validation", "file_required"));
      void staged.done.then(
        (upload) => {
          if (settled) return;
          if ((staged.file as Readable & { truncated?: boolean }).truncated)
            return fail(new AppError("too_large", "too_large", { maxBytes }));
          if (upload.size === 0) return fail(new AppError("validation", "file_required"));
          settled = true;
          resolve(upload);
        },
        () => undefined, // reported by the catch above
      );
    });

    parser.on("partsLimit", () => fail(new AppError("validation", "malformed_upload")));
    // Browsers send a file name's control characters raw, and busboy refuses such a part header:
    // that is the one realistic cause, so the user hears about the name, not a broken request.
    parser.on("error", (error: Error) =>
      fail(new AppError("validation", /part header/i.test(error.message) ? "filename_invalid" : "malformed_upload")),
    );
    source.on("error", () => fail(new AppError("validation", "malformed_upload")));
    source.pipe(parser);
  });
}
