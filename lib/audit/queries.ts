import "server-only";
import type pg from "pg";
import { assertCan, type Principal } from "@/lib/authz";
import { pool } from "@/lib/db";
import { chainHash, GENESIS_HASH, type ChainedFields } from "./chain";
import { auditChainKey } from "./key";

export type ChainProblem =
  | "hash_mismatch"
  | "link_mismatch"
  | "checkpoint_mismatch"
  | "truncated"
  | "unkeyed"
  /** From a published head: the event at the head's sequence number carries another hash. */
  | "head_mismatch"
  /** From a published head: no event at the head's sequence number, though later ones exist. */
  | "head_missing";

/** Every problem a verification can report (labels, tests). */
export const CHAIN_PROBLEMS: readonly ChainProblem[] = [
  "hash_mismatch",
  "link_mismatch",
  "checkpoint_mismatch",
  "truncated",
  "unkeyed",
  "head_mismatch",
  "head_missing",
];

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

/** A head of the chain as published (audit_checkpoints, the public page, a copy someone kept). */
export interface ChainHead {
  seq: string;
  hash: string;
}

/** How far a verification has come: events checked of those to check when it started. */
export interface VerifyProgress {
  checked: number;
  total: number;
}

export interface VerifyOptions {
  /** Events read per query (default 5000). */
  batchSize?: number;
  /** The chain key (default AUDIT_CHAIN_KEY). */
  key?: string;
  /**
   * Start from a published head instead of the first event: the event at `from.seq` must still
   * carry `from.hash` (and that hash must still be its content's), then the chain is walked from
   * there on. Events before the head are not read: the head's keyed hash vouches for them.
   */
  from?: ChainHead | null;
  /** Called after each batch (and once before the first); awaited, so a slow reader slows the walk. */
  onProgress?: (progress: VerifyProgress) => void | Promise<void>;
}

const EVENT_COLUMNS = `seq::text AS seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id,
                before, after, reason, request_id, ip, prev_hash, hash`;

/**
 * System-level: callers authorize first (the auditor's entry points are verifyChainAs in
 * ./checkpoints.ts and the verification route; the nightly job runs as the system).
 *
 * Walks the audit chain in order — from the first event, or from a published head (`from`) — and
 * recomputes every hash with the chain key. Reports the first event whose content no longer matches
 * its hash, whose link to the previous event is broken, or that disagrees with a checkpoint of the
 * head taken earlier; a head that went backwards (newest events deleted) as "truncated" at the newest
 * checkpoint (or published head) the chain no longer reaches; and, from a published head, an event
 * at that sequence number that no longer carries the published hash ("head_mismatch") or no longer
 * exists ("head_missing"). `options` may be the batch size alone (older callers).
 */
export async function verifyAuditChain(options: VerifyOptions | number = {}, key?: string): Promise<ChainVerdict> {
  const opts: VerifyOptions = typeof options === "number" ? { batchSize: options, key } : options;
  const batchSize = opts.batchSize ?? 5000;
  const chainKey = opts.key ?? key ?? auditChainKey();
  const from = opts.from ?? null;
  const client = await pool().connect();
  let previous = GENESIS_HASH;
  let lastSeq: string | null = null;
  let checked = 0;
  let legacy = 0;
  let after = "0";
  const broken = (brokenAt: string, problem: ChainProblem, expected: string, found: string): ChainVerdict => ({
    ok: false,
    checked,
    legacy,
    brokenAt,
    problem,
    expected,
    found,
  });
  try {
    // Unkeyed only where both the database's epoch and the configuration say so.
    const epoch = await keyedFromSeq(client);
    const legacyUntil = acceptedLegacyUntil();
    const keyedFrom = epoch <= legacyUntil + 1n ? epoch : legacyUntil + 1n;
    const marks = await checkpoints(client);
    if (from) {
      const { rows } = await client.query<{ hash: string; prev_hash: string }>(
        "SELECT hash, prev_hash FROM audit_events WHERE seq = $1::bigint",
        [from.seq],
      );
      const head = rows[0];
      if (!head) {
        const { rows: top } = await client.query<{ seq: string | null; hash: string | null }>(
          "SELECT seq::text AS seq, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1",
        );
        const newest = top[0];
        return newest?.seq && BigInt(newest.seq) > BigInt(from.seq)
          ? broken(from.seq, "head_missing", from.hash, "-")
          : broken(from.seq, "truncated", from.hash, newest?.hash ?? "-");
      }
      if (head.hash !== from.hash) return broken(from.seq, "head_mismatch", from.hash, head.hash);
      // The head holds. The walk still starts at the first event: a head's hash binds the previous
      // event's hash, not that event's content nor its existence, so a chain rewritten or cut before
      // the head (by someone with the database and the key) is only caught by walking it too.
    }
    const { rows: counted } = await client.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM audit_events WHERE seq > $1::bigint",
      [after],
    );
    let total = Number(counted[0]?.n ?? 0);
    const report = async () => {
      total = Math.max(total, checked);
      await opts.onProgress?.({ checked, total });
    };
    await report();
    const seen = new Set<string>();
    for (;;) {
      const { rows } = await client.query<AuditEventRow>(
        `SELECT ${EVENT_COLUMNS} FROM audit_events WHERE audit_events.seq > $1::bigint ORDER BY audit_events.seq LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.prev_hash !== previous) return broken(row.seq, "link_mismatch", previous, row.prev_hash);
        const keyed = BigInt(row.seq) >= keyedFrom;
        const expected = chainHash(row.prev_hash, chainedFieldsOf(row), keyed ? chainKey : null);
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
      await report();
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
