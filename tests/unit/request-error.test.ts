import { describe, expect, it } from "vitest";
import { PROXY_MARK_HEADER, proxyMark } from "@/lib/auth/client-ip";
import { requestErrorLine } from "@/lib/observability/request-error";

const SECRET = "unit-test-secret-unit-test-secret-0123456789";
const context = { routePath: "/[locale]/account", routeType: "render", renderSource: "server-rendering" };

describe("the request-error log line", () => {
  it("is one JSON line with the proxy's request id, the route and the error, without query or headers", () => {
    const error = Object.assign(new Error("boom"), { digest: "123" });
    const line = requestErrorLine(
      error,
      {
        request: {
          path: "/account?email=someone@example.vn",
          method: "GET",
          headers: {
            "x-request-id": "req-1234abcd",
            [PROXY_MARK_HEADER]: proxyMark(SECRET)!,
            cookie: "session=secret",
          },
        },
        context,
      },
      { hops: 0, secret: SECRET },
    );
    expect(line).not.toContain("\n");
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({
      level: "error",
      requestId: "req-1234abcd",
      method: "GET",
      path: "/account",
      route: "/[locale]/account",
      error: { name: "Error", message: "boom", digest: "123" },
    });
    expect(line).not.toContain("secret");
    expect(line).not.toContain("someone@example.vn");
  });

  it("does not believe a request id a client sent on a path the proxy did not clean", () => {
    const line = requestErrorLine(
      "not an error object",
      { request: { path: "/api/uploads", method: "POST", headers: { "x-request-id": "forged-by-client" } }, context },
      { hops: 0, secret: SECRET },
    );
    const parsed = JSON.parse(line);
    expect(parsed.requestId).not.toBe("forged-by-client");
    expect(parsed.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(parsed.error.message).toBe("not an error object");
  });
});
