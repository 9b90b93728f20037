import { describe, expect, it } from "vitest";
import { clientIp, PROXY_MARK_HEADER, proxyMark, requestMetaFrom } from "@/lib/auth/client-ip";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("clientIp", () => {
  it("with no trusted proxy, uses the single address Next.js wrote for the connection", () => {
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.7" }), 0)).toBe("198.51.100.7");
    expect(clientIp(h({ "x-forwarded-for": "::1" }), 0)).toBe("::1");
    expect(clientIp(h({ "x-forwarded-for": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
  });

  it("with no trusted proxy, refuses a list (a client-written header) instead of picking an entry", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" }), 0)).toBeNull();
    expect(clientIp(h({}), 0)).toBeNull();
  });

  it("never reads X-Real-IP, which any client can send", () => {
    expect(clientIp(h({ "x-real-ip": "203.0.113.9" }), 0)).toBeNull();
    expect(clientIp(h({ "x-real-ip": "203.0.113.9" }), 1)).toBeNull();
  });

  it("with N trusted proxies, takes the N-th address from the right", () => {
    const headers = h({ "x-forwarded-for": "203.0.113.9, 198.51.100.7, 10.0.0.2" });
    expect(clientIp(headers, 1)).toBe("10.0.0.2");
    expect(clientIp(headers, 2)).toBe("198.51.100.7");
    expect(clientIp(headers, 3)).toBe("203.0.113.9");
  });

  it("answers null when fewer proxies appended than are trusted (the chain was bypassed)", () => {
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.7" }), 2)).toBeNull();
  });

  it("rejects entries that are not IP addresses, and keeps the result within the column", () => {
    expect(clientIp(h({ "x-forwarded-for": "<script>" }), 0)).toBeNull();
    expect(clientIp(h({ "x-forwarded-for": "evil, unknown" }), 1)).toBeNull();
    expect(clientIp(h({ "x-forwarded-for": "2001:db8::1" }), 1)).toBe("2001:db8::1");
    expect(clientIp(h({ "x-forwarded-for": `1.2.3.4, ${"a".repeat(200)}` }), 1)).toBeNull();
  });
});

describe("requestMetaFrom", () => {
  const mark = proxyMark("a-secret-that-is-long-enough-for-tests-000")!;

  it("trusts the address and request id only when proxy.ts marked the request", () => {
    const headers = h({
      "x-forwarded-for": "127.0.0.1",
      "x-request-id": "3f0b7a9e-0000-4000-8000-000000000001",
      [PROXY_MARK_HEADER]: mark,
    });
    expect(requestMetaFrom(headers, { hops: 0, mark })).toEqual({
      ip: "127.0.0.1",
      requestId: "3f0b7a9e-0000-4000-8000-000000000001",
    });
  });

  it("ignores a spoofed X-Forwarded-For and x-request-id on a request the proxy did not handle", () => {
    const spoofed = h({ "x-forwarded-for": "203.0.113.66", "x-request-id": "spoofed-request-id" });
    const meta = requestMetaFrom(spoofed, { hops: 0, mark });
    expect(meta.ip).toBeNull();
    expect(meta.requestId).not.toBe("spoofed-request-id");
    expect(meta.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("does not accept a forged mark", () => {
    const forged = h({ "x-forwarded-for": "203.0.113.66", [PROXY_MARK_HEADER]: "guess" });
    expect(requestMetaFrom(forged, { hops: 0, mark }).ip).toBeNull();
  });

  it("adopts a well-formed request id from a trusted proxy, and only then", () => {
    const headers = h({ "x-forwarded-for": "203.0.113.66, 10.0.0.2", "x-request-id": "lb-7f3a9c1d2e" });
    expect(requestMetaFrom(headers, { hops: 1, mark })).toEqual({ ip: "10.0.0.2", requestId: "lb-7f3a9c1d2e" });
    const bad = h({ "x-forwarded-for": "10.0.0.2", "x-request-id": "bad id <script>" });
    expect(requestMetaFrom(bad, { hops: 1, mark }).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("has no mark without a secret", () => {
    expect(proxyMark(undefined)).toBeNull();
    expect(proxyMark("")).toBeNull();
  });
});
