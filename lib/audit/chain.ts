import { createHash, createHmac } from "node:crypto";
import { canonicalJson, toJsonSafe } from "@/lib/json";

// Re-exported: the audit log's callers read them from here.
export { canonicalJson, toJsonSafe };

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
