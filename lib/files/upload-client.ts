import type { UploadQuery, UploadResponseBody } from "./schemas";

/** The URL of POST /api/uploads for a target (the route reads the query before the body). */
export function uploadUrl(target: UploadQuery): string {
  const query: Record<string, string> =
    target.for === "organization"
      ? { for: "organization" }
      : target.for === "deal"
        ? {
            for: "deal",
            id: target.id,
            purpose: target.purpose,
            confidential: target.confidential,
            ...(target.replaces ? { replaces: target.replaces } : {}),
          }
        : { for: target.for, id: target.id, kind: target.kind };
  return `/api/uploads?${new URLSearchParams(query)}`;
}

/**
 * Sends one file as multipart/form-data (field "file") to POST /api/uploads and resolves with the
 * route's JSON. XMLHttpRequest rather than fetch because only it reports upload progress
 * (`onProgress` gets 0..1). A network failure or a non-JSON answer resolves as `errors.network` /
 * `errors.unknown`, never rejects, so the form always has a message to show.
 */
export function sendUpload(
  url: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<UploadResponseBody> {
  return new Promise((resolve) => {
    const body = new FormData();
    body.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as UploadResponseBody | null;
      resolve(
        answer && typeof answer === "object" && "ok" in answer
          ? answer
          : { ok: false, code: "unknown", message: "errors.unknown" },
      );
    };
    request.onerror = () => resolve({ ok: false, code: "network", message: "errors.network" });
    request.send(body);
  });
}
