import { createHash, createHmac } from "node:crypto";

/** prev_hash of the first event in the chain. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  seq: bigint | number | string;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
}

/** JSON with object keys sorted at every level: the same value always serializes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The canonical text of an event: every stored field except the hashes themselves. */
export function canonicalEvent(event: ChainedFields): string {
  return canonicalJson({
    seq: String(event.seq),
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    actorRole: event.actorRole,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason,
    requestId: event.requestId,
    ip: event.ip,
  });
}

/**
 * hash = HMAC-SHA-256(key, prev_hash || canonical event), hex. The key (AUDIT_CHAIN_KEY) is never
 * stored in the database, so whoever can write the database but does not hold the key cannot
 * recompute a rewritten chain. `key` null gives the plain SHA-256 of the events written before keyed
 * hashes were introduced (their boundary is recorded in audit_chain_epochs).
 */
export function chainHash(prevHash: string, event: ChainedFields, key: string | null): string {
  const digest = key === null ? createHash("sha256") : createHmac("sha256", key);
  return digest.update(prevHash).update(canonicalEvent(event)).digest("hex");
}

/**
 * Makes a value safe to store as JSON and to hash: BigInt becomes a string, Date an ISO string,
 * undefined is dropped. The stored jsonb and the hashed text then agree exactly.
 */
export function toJsonSafe(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item) ?? null);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const safe = toJsonSafe(item);
      if (safe !== undefined) out[key] = safe;
    }
    return out;
  }
  return value;
}

/** Only the fields that changed, as { before, after }; unchanged fields are left out of the log. */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before: before ?? null, after: after ?? null };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(toJsonSafe(before[key])) !== canonicalJson(toJsonSafe(after[key]))) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
