import { proxyMark, requestMetaFrom } from "@/lib/auth/client-ip";

/** What Next.js passes to instrumentation's onRequestError (the fields this log line uses). */
export interface RequestErrorInput {
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> };
  context: { routePath?: string; routeType?: string; renderSource?: string };
}

/**
 * One JSON line for an unexpected server error: the request id (the one the proxy set for this
 * request, so it matches the audit events and the user's error page; a fresh one where the proxy did
 * not run), the route, and the error's message and digest. Never the request's headers or body,
 * which may carry cookies or personal data; the query string is dropped for the same reason.
 */
export function requestErrorLine(
  error: unknown,
  { request, context }: RequestErrorInput,
  env: { hops: number; secret?: string },
) {
  const headers = {
    get: (name: string) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? (value.at(-1) ?? null) : (value ?? null);
    },
  };
  const { requestId } = requestMetaFrom(headers, { hops: env.hops, mark: proxyMark(env.secret) });
  const err = error instanceof Error ? error : null;
  const digest =
    typeof error === "object" && error !== null && "digest" in error
      ? String((error as { digest: unknown }).digest)
      : undefined;
  return JSON.stringify({
    level: "error",
    at: new Date().toISOString(),
    requestId,
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    renderSource: context.renderSource,
    error: { name: err?.name ?? typeof error, message: err?.message ?? String(error), digest },
  });
}
