import "server-only";
import { assertCan, type Principal } from "@/lib/authz";
import { db, pool } from "@/lib/db";
import { canonicalJson, toJsonSafe } from "@/lib/json";
import type { AuditContext } from "./context";
import { appendAudit } from "./mutations";

/** One changed field of an event: its path ("terms.price" inside objects), old and new value. */
export interface FieldChange {
  key: string;
  /** undefined: the field did not exist before (or after). */
  before: unknown;
  after: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The readable diff of an event's before/after: only the fields whose value differs, nested objects
 * flattened into dotted paths, arrays and scalars compared as a whole (canonical JSON), keys sorted.
 * A creation (no before) lists every field as new; a deletion (no after) every field as removed.
 */
export function eventChanges(before: unknown, after: unknown, prefix = ""): FieldChange[] {
  const b = toJsonSafe(before);
  const a = toJsonSafe(after);
  if (!isPlainObject(b) || !isPlainObject(a)) {
    if (isPlainObject(b) && (a === null || a === undefined)) return eventChanges(b, {}, prefix);
    if (isPlainObject(a) && (b === null || b === undefined)) return eventChanges({}, a, prefix);
    if (canonicalJson(b) === canonicalJson(a)) return [];
    return [{ key: prefix || "value", before: b ?? undefined, after: a ?? undefined }];
  }
  const changes: FieldChange[] = [];
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
    const path = prefix ? `${prefix}.${key}` : key;
    const old = b[key];
    const now = a[key];
    if (isPlainObject(old) && isPlainObject(now)) changes.push(...eventChanges(old, now, path));
    else if (canonicalJson(old) !== canonicalJson(now)) changes.push({ key: path, before: old, after: now });
  }
  return changes;
}

/** A value of a diff as one line of text: strings as they are, everything else as JSON. */
export function changeText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : canonicalJson(value);
}

export interface HistoryEvent {
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  reason: string | null;
  changes: FieldChange[];
  hash: string;
}

export const HISTORY_PAGE_SIZE = 200;

/**
 * The full history of one entity, oldest first (audit_events_entity_seq_idx), for "audit:read";
 * `after` continues after a sequence number when an entity has more than a page of events. The
 * access is recorded as an "audit.history" event naming the entity.
 */
export async function entityHistory(
  user: Principal | null,
  ctx: AuditContext,
  entity: { type: string; id: string },
  after: string | null = null,
  pageSize = HISTORY_PAGE_SIZE,
): Promise<{ events: HistoryEvent[]; next: string | null }> {
  assertCan(user, "audit:read");
  const { rows } = await pool().query<{
    seq: string;
    occurred_at: Date;
    actor_id: string | null;
    actor_name: string | null;
    actor_role: string | null;
    action: string;
    reason: string | null;
    before: unknown;
    after: unknown;
    hash: string;
  }>(
    `SELECT e.seq::text AS seq, e.occurred_at, e.actor_id, u.name AS actor_name, e.actor_role, e.action,
            e.reason, e.before, e.after, e.hash
       FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.entity_type = $1 AND e.entity_id = $2 AND e.seq > $3::bigint
      ORDER BY e.seq LIMIT $4`,
    [entity.type, entity.id, after ?? "0", pageSize + 1],
  );
  const more = rows.length > pageSize;
  const events = rows.slice(0, pageSize).map((r): HistoryEvent => ({
    seq: r.seq,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    action: r.action,
    reason: r.reason,
    changes: eventChanges(r.before, r.after),
    hash: r.hash,
  }));
  await db.$transaction((tx) =>
    appendAudit(tx, ctx, {
      action: "audit.history",
      entityType: "audit_log",
      after: { entityType: entity.type, entityId: entity.id, after, shown: events.length },
    }),
  );
  return { events, next: more ? (events.at(-1)?.seq ?? null) : null };
}
