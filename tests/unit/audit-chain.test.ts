import { describe, expect, it } from "vitest";
import { createHash, createHmac } from "node:crypto";
import { canonicalEvent, canonicalJson, chainHash, diffFields, GENESIS_HASH, toJsonSafe } from "@/lib/audit/chain";

const KEY = "unit-test-audit-chain-key-unit-test-audit-chain";

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
    const h = chainHash(GENESIS_HASH, event, KEY);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...event, after: { a: [2, { c: 2, d: 1 }], b: 1 } }, KEY)).toBe(h);
    expect(chainHash(GENESIS_HASH, { ...event, action: "x.update" }, KEY)).not.toBe(h);
    expect(chainHash("f".repeat(64), event, KEY)).not.toBe(h);
  });

  it("keys the hash: without the key (or with another) nobody recomputes it", () => {
    const keyed = chainHash(GENESIS_HASH, event, KEY);
    expect(chainHash(GENESIS_HASH, event, `${KEY}x`)).not.toBe(keyed);
    const plain = createHash("sha256").update(GENESIS_HASH).update(canonicalEvent(event)).digest("hex");
    expect(keyed).not.toBe(plain);
    expect(keyed).toBe(createHmac("sha256", KEY).update(GENESIS_HASH).update(canonicalEvent(event)).digest("hex"));
    // Events written before keyed hashes were introduced are verified as they were written.
    expect(chainHash(GENESIS_HASH, event, null)).toBe(plain);
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
