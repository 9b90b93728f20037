import "server-only";
import type pg from "pg";
import { assertCan, type Principal } from "@/lib/authz";
import { pool } from "@/lib/db";
import { chainHash, GENESIS_HASH, type ChainedFields } from "./chain";
import { auditChainKey } from "./key";

export type ChainProblem = "hash_mismatch" | "link_mismatch" | "checkpoint_mismatch" | "truncated" | "unkeyed";

export type ChainVerdict =
  | { ok: true; checked: number; legacy: number; lastSeq: string | null; lastHash: string }
  | {
      ok: false;
      checked: number;
      legacy: number;
      brokenAt: string;
      problem: ChainProblem;
      expected: string;
      found: string;
    };

/** An audit_events row as the verifier reads it (snake_case, seq as text). */
export interface AuditEventRow {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** The columns that enter an event's hash, from a stored row. */
export function chainedFieldsOf(row: Omit<AuditEventRow, "prev_hash" | "hash">): ChainedFields {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    reason: row.reason,
    requestId: row.request_id,
    ip: row.ip,
  };
}

/**
 * The last event an operator has accepted as unkeyed (written before keyed hashes existed), from
 * AUDIT_CHAIN_LEGACY_UNTIL — configuration, like the key, so that whoever can write the database
 * cannot move the boundary in audit_chain_epochs and re-hash history without the key.
 */
function acceptedLegacyUntil(): bigint {
  const value = process.env.AUDIT_CHAIN_LEGACY_UNTIL;
  return value && /^\d{1,18}$/.test(value) ? BigInt(value) : 0n;
}

/** Events from this sequence number on are keyed (HMAC); earlier ones predate keyed hashes. */
async function keyedFromSeq(client: pg.PoolClient): Promise<bigint> {
  const { rows } = await client.query<{ seq: string }>(
    "SELECT keyed_from_seq::text AS seq FROM audit_chain_epochs ORDER BY id LIMIT 1",
  );
  return rows[0] ? BigInt(rows[0].seq) : 0n;
}

/** Every (seq, hash) the head was ever checkpointed at, outside the audit table. */
async function checkpoints(client: pg.PoolClient): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ seq: string; hash: string }>(
    "SELECT seq::text AS seq, hash FROM audit_checkpoints GROUP BY seq, hash",
  );
  const map = new Map<string, Set<string>>();
  for (const row of rows) (map.get(row.seq) ?? map.set(row.seq, new Set()).get(row.seq)!).add(row.hash);
  return map;
}

/**
 * System-level: callers authorize first (the auditor's entry point is verifyChainAs in
 * ./checkpoints.ts; the nightly job runs as the system).
 *
 * Walks the whole audit chain in order and recomputes every hash with the chain key. Reports the
 * first event whose content no longer matches its hash, whose link to the previous event is broken,
 * or that disagrees with a checkpoint of the head taken earlier; and a head that went backwards
 * (newest events deleted) as "truncated" at the newest checkpoint the chain no longer reaches.
 */
export async function verifyAuditChain(batchSize = 5000, key: string = auditChainKey()): Promise<ChainVerdict> {
  const client = await pool().connect();
  let previous = GENESIS_HASH;
  let lastSeq: string | null = null;
  let checked = 0;
  let legacy = 0;
  let after = "0";
  try {
    // Unkeyed only where both the database's epoch and the configuration say so.
    const epoch = await keyedFromSeq(client);
    const legacyUntil = acceptedLegacyUntil();
    const keyedFrom = epoch <= legacyUntil + 1n ? epoch : legacyUntil + 1n;
    const marks = await checkpoints(client);
    const seen = new Set<string>();
    const broken = (brokenAt: string, problem: ChainProblem, expected: string, found: string): ChainVerdict => ({
      ok: false,
      checked,
      legacy,
      brokenAt,
      problem,
      expected,
      found,
    });
    for (;;) {
      const { rows } = await client.query<AuditEventRow>(
        `SELECT seq::text AS seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id,
                before, after, reason, request_id, ip, prev_hash, hash
           FROM audit_events WHERE audit_events.seq > $1::bigint ORDER BY audit_events.seq LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.prev_hash !== previous) return broken(row.seq, "link_mismatch", previous, row.prev_hash);
        const keyed = BigInt(row.seq) >= keyedFrom;
        const expected = chainHash(row.prev_hash, chainedFieldsOf(row), keyed ? key : null);
        if (expected !== row.hash) {
          // An unkeyed hash where a keyed one belongs: written before keyed hashes (not accepted in
          // AUDIT_CHAIN_LEGACY_UNTIL), or history re-hashed by someone without the key.
          const unkeyed = keyed && chainHash(row.prev_hash, chainedFieldsOf(row), null) === row.hash;
          return broken(row.seq, unkeyed ? "unkeyed" : "hash_mismatch", expected, row.hash);
        }
        const mark = marks.get(row.seq);
        if (mark) {
          const other = [...mark].find((hash) => hash !== row.hash);
          if (other) return broken(row.seq, "checkpoint_mismatch", other, row.hash);
          seen.add(row.seq);
        }
        previous = row.hash;
        lastSeq = row.seq;
        checked += 1;
        if (!keyed) legacy += 1;
        after = row.seq;
      }
    }
    // A checkpointed head the walk never reached: the newest events were removed.
    const missing = [...marks.keys()].filter((seq) => !seen.has(seq)).sort((a, b) => (BigInt(a) < BigInt(b) ? 1 : -1));
    if (missing.length > 0) {
      const seq = missing[0]!;
      const beyondHead = lastSeq === null || BigInt(seq) > BigInt(lastSeq);
      return broken(
        seq,
        beyondHead ? "truncated" : "checkpoint_mismatch",
        [...marks.get(seq)!][0]!,
        lastSeq ? previous : "-",
      );
    }
    return { ok: true, checked, legacy, lastSeq, lastHash: previous };
  } finally {
    client.release();
  }
}

/** The newest audit events, for the auditor's overview. */
export async function recentAuditEvents(user: Principal | null, limit = 20) {
  assertCan(user, "audit:read");
  const { rows } = await pool().query<{
    seq: string;
    occurred_at: Date;
    actor_role: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    hash: string;
  }>(
    `SELECT seq::text AS seq, occurred_at, actor_role, action, entity_type, entity_id, hash
       FROM audit_events ORDER BY audit_events.seq DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
