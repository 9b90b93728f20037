import "server-only";
import { pool } from "@/lib/db";
import { chainHash, GENESIS_HASH } from "./chain";

export type ChainVerdict =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenAt: string; problem: "hash_mismatch" | "link_mismatch"; expected: string; found: string };

interface Row {
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

/**
 * Walks the whole audit chain in order and recomputes every hash. Reports the first event whose
 * content no longer matches its hash, or whose link to the previous event is broken.
 */
export async function verifyAuditChain(batchSize = 5000): Promise<ChainVerdict> {
  const client = await pool().connect();
  let previous = GENESIS_HASH;
  let checked = 0;
  let after = "0";
  try {
    for (;;) {
      const { rows } = await client.query<Row>(
        `SELECT seq::text AS seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id,
                before, after, reason, request_id, ip, prev_hash, hash
           FROM audit_events WHERE audit_events.seq > $1::bigint ORDER BY audit_events.seq LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) return { ok: true, checked, lastHash: previous };
      for (const row of rows) {
        if (row.prev_hash !== previous) {
          return { ok: false, checked, brokenAt: row.seq, problem: "link_mismatch", expected: previous, found: row.prev_hash };
        }
        const expected = chainHash(row.prev_hash, {
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
        });
        if (expected !== row.hash) {
          return { ok: false, checked, brokenAt: row.seq, problem: "hash_mismatch", expected, found: row.hash };
        }
        previous = row.hash;
        checked += 1;
        after = row.seq;
      }
    }
  } finally {
    client.release();
  }
}

/** The newest audit events, for the auditor's overview. */
export async function recentAuditEvents(limit = 20) {
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
