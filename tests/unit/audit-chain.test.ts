import { describe, expect, it } from "vitest";
import { canonicalJson, chainHash, diffFields, GENESIS_HASH, toJsonSafe } from "@/lib/audit/chain";

const event = {
  seq: 1n,
  occurredAt: new Date("2026-11-22T10:00:00.123Z"),
  actorId: null,
  actorRole: "system",
  action: "x.create",
  entityType: "x",
  entityId: "1",
  before: null,
  after: { b: 1, a: [2, { d: 1, c: 2 }] },
  reason: null,
  requestId: null,
  ip: null,
};

describe("audit chain primitives", () => {
  it("serializes objects canonically whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { y: 1, x: 2 } })).toBe('{"a":{"x":2,"y":1},"b":1}');
  });

  it("hashes deterministically and changes with any field or the previous hash", () => {
    const h = chainHash(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...event, after: { a: [2, { c: 2, d: 1 }], b: 1 } })).toBe(h);
    expect(chainHash(GENESIS_HASH, { ...event, action: "x.update" })).not.toBe(h);
    expect(chainHash("f".repeat(64), event)).not.toBe(h);
  });

  it("makes BigInt and Date JSON-safe", () => {
    expect(toJsonSafe({ v: 5n, d: new Date("2026-01-01T00:00:00Z"), u: undefined })).toEqual({
      v: "5",
      d: "2026-01-01T00:00:00.000Z",
    });
  });

  it("keeps only the changed fields in a diff", () => {
    expect(diffFields({ a: 1, b: "x", c: [1] }, { a: 1, b: "y", c: [1, 2] })).toEqual({
      before: { b: "x", c: [1] },
      after: { b: "y", c: [1, 2] },
    });
  });
});
