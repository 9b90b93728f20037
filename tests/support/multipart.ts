/**
 * Multipart bodies as browsers send them, for the upload route's tests (files and deal documents).
 */
export const BOUNDARY = "----techex-test-boundary";
export const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart body with one file part, its Content-Disposition written byte for byte. */
export function multipart(filename: string | Buffer, bytes: Buffer, field = "file"): Buffer {
  const head = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="`),
    Buffer.isBuffer(filename) ? filename : Buffer.from(filename, "utf8"),
    Buffer.from(`"\r\nContent-Type: application/octet-stream\r\n\r\n`),
  ]);
  return Buffer.concat([head, bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
}

/** A streamed request body that records how much of it the server pulled. */
export function trackedBody(body: Buffer, chunk = 16 * 1024) {
  const seen = { pulled: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= body.length) return controller.close();
        const part = body.subarray(offset, offset + chunk);
        offset += part.length;
        seen.pulled += part.length;
        controller.enqueue(new Uint8Array(part));
      },
    },
    { highWaterMark: 0 },
  ); // nothing is pulled before the server reads
  return { stream, seen };
}
