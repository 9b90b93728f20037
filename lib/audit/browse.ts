import "server-only";
import { isPlainLine } from "@/lib/text";
import { z } from "zod";
import { assertCan, type Principal } from "@/lib/authz";
import { db, pool } from "@/lib/db";
import { customPeriod } from "@/lib/calendar/periods";
import { AUDIT_ACTIONS, type AuditAction } from "./actions";
import type { AuditContext } from "./context";
import { appendAudit } from "./mutations";

/**
 * The auditor's log browser (issue #13 item 5): filters and keyset paging over audit_events.
 *
 * Paging is by `seq` only (newest first): `before` gives the page of events older than a sequence
 * number, `after` the page of newer ones. Never OFFSET, never a total count: both read every earlier
 * row, which over millions of events is seconds. Indexes each filter uses:
 *  - none: the primary key, read backwards from `before` (LIMIT 51);
 *  - entity type + id: audit_events_entity_seq_idx (entity_type, entity_id, seq), ordered already;
 *  - action: audit_events_action_occurred_at_idx (bitmap) or the primary key backwards with a filter,
 *    as the planner estimates; (action, seq) would serve it in order (see the report / README);
 *  - actor: audit_events_actor_id_occurred_at_idx for `actor_id = ANY(...)` (an actor's events are
 *    few); role and period: the primary key backwards with a filter (fast when they match often).
 */

export const AUDIT_PAGE_SIZE = 50;
/** More actors than this matching the name or e-mail search: the page asks for a narrower one. */
export const MAX_ACTOR_MATCHES = 200;

/** Roles an event may be recorded under besides the user roles. */
export const NON_USER_ROLES = ["system", "anonymous"] as const;

const Seq = z.string().regex(/^[1-9]\d{0,17}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** An entity type as the log writes it ("deal", "membership_request"). */
export const EntityTypeSchema = z.string().regex(/^[a-z][a-z_]{0,39}$/);
/** An entity id as the log stores it (a UUID, a key, at most 80 characters). */
// No control characters (a NUL would reach PostgreSQL as an invalid byte sequence: a 500).
export const EntityIdSchema = z.string().min(1).max(80).refine(isPlainLine);

/** The browser's filters, from the page's query string (blank values ignored). */
export const AuditFilterSchema = z.object({
  actor: optional(z.string().max(120).refine(isPlainLine)),
  role: optional(z.string().regex(/^[A-Za-z_]{1,40}$/)),
  action: optional(z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]])),
  entityType: optional(EntityTypeSchema),
  entityId: optional(EntityIdSchema),
  from: optional(Day),
  to: optional(Day),
  before: optional(Seq),
  after: optional(Seq),
});
export type AuditFilter = z.output<typeof AuditFilterSchema>;

export interface AuditLogRow {
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  /** Cursor for the older page (`before`), null at the oldest. */
  older: string | null;
  /** Cursor for the newer page (`after`), null at the newest. */
  newer: string | null;
  /** The actor search matched more users than MAX_ACTOR_MATCHES: nothing was searched. */
  tooManyActors: boolean;
}

/** The period's instants [from, to) from Vietnamese days (either side may be open); null if invalid. */
function periodOf(filter: AuditFilter): { from: Date | null; to: Date | null } | null {
  try {
    const from = filter.from ? customPeriod(filter.from, filter.from).from : null;
    const to = filter.to ? customPeriod(filter.to, filter.to).to : null;
    return from && to && from >= to ? null : { from, to };
  } catch {
    return null;
  }
}

/** Users whose name or e-mail contains the search, accents and case ignored (techex_fold). */
async function actorIds(search: string): Promise<string[]> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT id FROM users
      WHERE techex_fold(name) LIKE '%' || techex_fold($1) || '%' OR lower(email) LIKE '%' || lower($1) || '%'
      LIMIT $2`,
    [search.replace(/[\\%_]/g, (c) => `\\${c}`), MAX_ACTOR_MATCHES + 1],
  );
  return rows.map((r) => r.id);
}

/** The WHERE clause of the filters (without the cursor) and its parameters. */
export async function filterSql(
  filter: AuditFilter,
): Promise<{ where: string[]; params: unknown[]; empty: boolean; tooManyActors: boolean }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  let empty = false;
  let tooManyActors = false;
  if (filter.actor) {
    const ids = await actorIds(filter.actor);
    if (ids.length > MAX_ACTOR_MATCHES) tooManyActors = true;
    if (ids.length === 0 || tooManyActors) empty = true;
    else add((n) => `e.actor_id = ANY(${n}::uuid[])`, ids);
  }
  if (filter.role) add((n) => `e.actor_role = ${n}`, filter.role);
  if (filter.action) add((n) => `e.action = ${n}`, filter.action);
  if (filter.entityType) add((n) => `e.entity_type = ${n}`, filter.entityType);
  if (filter.entityId) add((n) => `e.entity_id = ${n}`, filter.entityId);
  if (filter.from || filter.to) {
    const period = periodOf(filter);
    if (!period) empty = true;
    else {
      if (period.from) add((n) => `e.occurred_at >= ${n}`, period.from);
      if (period.to) add((n) => `e.occurred_at < ${n}`, period.to);
    }
  }
  return { where, params, empty, tooManyActors };
}

/**
 * One page of the log for the auditor or an officer ("audit:read"), newest first, and the access
 * recorded as an "audit.browse" event with the filters (in the same call, after the read).
 */
export async function browseAuditLog(
  user: Principal | null,
  ctx: AuditContext,
  filter: AuditFilter,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditLogPage> {
  assertCan(user, "audit:read");
  const page = await readPage(filter, pageSize);
  const { before, after, ...filters } = filter;
  await db.$transaction((tx) =>
    appendAudit(tx, ctx, {
      action: "audit.browse",
      entityType: "audit_log",
      after: { filters, before: before ?? null, after: after ?? null, shown: page.rows.length },
    }),
  );
  return page;
}

async function readPage(filter: AuditFilter, pageSize: number): Promise<AuditLogPage> {
  const { where, params, empty, tooManyActors } = await filterSql(filter);
  if (empty) return { rows: [], older: null, newer: null, tooManyActors };
  const newerPage = filter.after !== undefined && filter.before === undefined;
  const cursor = newerPage ? filter.after : filter.before;
  if (cursor) {
    params.push(cursor);
    where.push(`e.seq ${newerPage ? ">" : "<"} $${params.length}::bigint`);
  }
  params.push(pageSize + 1);
  const { rows } = await pool().query<{
    seq: string;
    occurred_at: Date;
    actor_id: string | null;
    actor_name: string | null;
    actor_email: string | null;
    actor_role: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
  }>(
    `SELECT e.seq::text AS seq, e.occurred_at, e.actor_id, u.name AS actor_name, u.email AS actor_email,
            e.actor_role, e.action, e.entity_type, e.entity_id
       FROM (SELECT * FROM audit_events e ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
              ORDER BY e.seq ${newerPage ? "ASC" : "DESC"} LIMIT $${params.length}) e
       LEFT JOIN users u ON u.id = e.actor_id
      ORDER BY e.seq DESC`,
    params,
  );
  const more = rows.length > pageSize;
  // The extra row is the furthest from the cursor: the oldest on an older page, the newest on a newer one.
  const shown = more ? (newerPage ? rows.slice(1) : rows.slice(0, pageSize)) : rows;
  const items: AuditLogRow[] = shown.map((r) => ({
    seq: r.seq,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorEmail: r.actor_email,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
  }));
  const first = items[0]?.seq ?? null;
  const last = items.at(-1)?.seq ?? null;
  return {
    rows: items,
    // An empty page past a cursor still links back to the events on the cursor's other side.
    older: newerPage ? (last ?? String(BigInt(cursor!) + 1n)) : more ? last : null,
    newer: newerPage ? (more ? first : null) : cursor ? (first ?? String(BigInt(cursor) - 1n)) : null,
    tooManyActors,
  };
}

/**
 * The filters of a page's query string: each valid value kept, each invalid one dropped and named
 * (the page says which it ignored), a repeated key read once.
 */
export function parseAuditFilter(query: Readonly<Record<string, string | string[] | undefined>>): {
  filter: AuditFilter;
  invalid: string[];
} {
  const filter: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, schema] of Object.entries(AuditFilterSchema.shape)) {
    const raw = query[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) continue;
    const parsed = (schema as z.ZodType).safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined) filter[key] = parsed.data;
    } else invalid.push(key);
  }
  return { filter: filter as AuditFilter, invalid };
}

/** The filters (without cursors) as query values, for links that keep them. */
export function filterQuery(filter: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["actor", "role", "action", "entityType", "entityId", "from", "to"] as const) {
    const value = filter[key];
    if (value) out[key] = value;
  }
  return out;
}
