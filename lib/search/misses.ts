import "server-only";
import { WindowLimiter } from "@/lib/security/beacon";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, can, type Principal } from "@/lib/authz";
import { pool, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clampPage } from "@/lib/page-number";
import { tokenize } from "./text";
import { MAX_MISS_LENGTH, type MissFilter } from "./thesaurus-schemas";

/**
 * What people search for and do not find (issue #14 item 4): a search that still returns nothing
 * is counted by its normalized text — never who searched, nor from where. Officers and the operator
 * read the list in /admin/search-insights, dismiss what needs nothing, and add a synonym from it in
 * one click (./thesaurus-admin.ts marks the miss handled with the new entry). A miss seen again
 * after it was handled opens again.
 */

export interface MissKey {
  /** The folded words joined by one space (the primary key). */
  query: string;
  /** As typed: NFC, lower case, spaces collapsed. */
  sample: string;
}

/** Cuts `text` to `max` characters (code points, as VARCHAR counts them). */
const clip = (text: string, max: number) => [...text].slice(0, max).join("");

/** The key and sample of a search, or null when it has no word (only punctuation or spaces). */
export function missKey(q: string): MissKey | null {
  const words = tokenize(q);
  if (!words.length) return null;
  // Whole words only: a key cut inside a word would never equal the next search's key.
  while (words.length > 1 && words.join(" ").length > MAX_MISS_LENGTH) words.pop();
  const query = clip(words.join(" "), MAX_MISS_LENGTH);
  const sample = clip(q.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim(), MAX_MISS_LENGTH);
  return { query, sample };
}

/**
 * Counts one zero-result search: a new row, or one more on the known one (last seen now). A miss
 * that had been handled opens again. Nothing is stored for a search with no word. The first sample
 * typed is kept (it is what the list shows). Answers whether something was recorded.
 */
export async function recordMiss(q: string): Promise<boolean> {
  const key = missKey(q);
  if (!key) return false;
  await pool().query(
    `INSERT INTO search_misses (query, sample, count, first_seen, last_seen, handled_at)
     VALUES ($1, $2, 1, now(), now(), NULL)
     ON CONFLICT (query) DO UPDATE
        SET count = LEAST(search_misses.count, 2147483646) + 1, last_seen = now(), handled_at = NULL`,
    [key.query, key.sample],
  );
  return true;
}

/** Officers and the operator work the list; the auditor reads it. */
export function canReadMisses(user: Principal | null | undefined): boolean {
  return can(user, "search:insights") || can(user, "oversight:read");
}

export interface MissRow {
  query: string;
  sample: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
  handledAt: Date | null;
}

export const MISSES_PAGE_SIZE = 25;

/**
 * One page of misses, most counted first (then the most recent): open ones by default, handled ones
 * or all on request, last seen within the period. The page is clamped to the last one.
 */
export async function listMisses(
  user: Principal,
  filter: Partial<MissFilter>,
  requestedPage = 1,
): Promise<{ items: MissRow[]; total: number; page: number; pageCount: number; open: number }> {
  if (!canReadMisses(user)) throw new AppError("forbidden");
  const where: string[] = [];
  const values: unknown[] = [];
  if ((filter.state ?? "open") === "open") where.push("handled_at IS NULL");
  if (filter.state === "handled") where.push("handled_at IS NOT NULL");
  if (filter.period && filter.period !== "all") {
    values.push(Number(filter.period));
    where.push(`last_seen >= now() - make_interval(days => $${values.length})`);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const { rows: counts } = await pool().query<{ total: number; open: number }>(
    `SELECT (SELECT count(*) FROM search_misses ${clause})::int AS total,
            (SELECT count(*) FROM search_misses WHERE handled_at IS NULL)::int AS open`,
    values,
  );
  const total = counts[0]?.total ?? 0;
  const { page, pageCount } = clampPage(requestedPage, total, MISSES_PAGE_SIZE);
  const { rows } = await pool().query<MissRow>(
    `SELECT query, sample, count, first_seen AS "firstSeen", last_seen AS "lastSeen", handled_at AS "handledAt"
       FROM search_misses ${clause}
      ORDER BY count DESC, last_seen DESC, query
      LIMIT ${MISSES_PAGE_SIZE} OFFSET ${(page - 1) * MISSES_PAGE_SIZE}`,
    values,
  );
  return { items: rows, total, page, pageCount, open: counts[0]?.open ?? 0 };
}

/** An open miss, for the thesaurus form prefilled from it; null when unknown or handled. */
export async function openMiss(user: Principal, query: string): Promise<MissRow | null> {
  if (!canReadMisses(user) && !can(user, "thesaurus:manage")) throw new AppError("forbidden");
  const { rows } = await pool().query<MissRow>(
    `SELECT query, sample, count, first_seen AS "firstSeen", last_seen AS "lastSeen", handled_at AS "handledAt"
       FROM search_misses WHERE query = $1 AND handled_at IS NULL`,
    [query],
  );
  return rows[0] ?? null;
}

/**
 * Marks an open miss handled inside the caller's transaction (a synonym added for it, or a
 * dismissal) and answers the audit entry to append, or null when there is no open miss by that key.
 */
export async function markMissHandled(tx: Tx, query: string, via: "dismissed" | "synonym", synonymId?: string) {
  const rows = await tx.$queryRaw<{ count: number; handled_at: Date }[]>`
    UPDATE search_misses SET handled_at = now() WHERE query = ${query} AND handled_at IS NULL
    RETURNING count, handled_at`;
  const row = rows[0];
  if (!row) return null;
  return {
    action: "search.handle_miss" as const,
    entityType: "search_miss",
    entityId: query.slice(0, 80),
    before: { query, count: row.count, handledAt: null },
    after: { query, count: row.count, handledAt: row.handled_at, via, ...(synonymId && { synonymId }) },
  };
}

/**
 * "Đã xử lý": the operator or an officer closes a miss that needs no synonym (a typo, a test, an
 * out-of-scope search). Audited. An unknown or already handled miss answers an error.
 */
export async function dismissMiss(ctx: AuditContext, user: Principal, query: string) {
  assertCan(user, "search:insights");
  return audited(ctx, async (tx) => {
    const entry = await markMissHandled(tx, query, "dismissed");
    if (!entry) {
      const known = await tx.searchMiss.findUnique({ where: { query }, select: { query: true } });
      throw known ? new AppError("invalid_state", "already_handled") : new AppError("not_found");
    }
    return { result: { query }, audit: entry };
  });
}

// ─── Rate limit of the public report ────────────────────────────────────────────────────────────

/** Reports accepted per client address and window; beyond, the route answers 429. */
export const MISS_REPORTS_PER_WINDOW = 60;
export const MISS_REPORT_WINDOW_MS = 60_000;

/** Nothing personal is kept (lib/security/beacon.ts). */
const limiter = new WindowLimiter(MISS_REPORTS_PER_WINDOW, MISS_REPORT_WINDOW_MS);

/** Whether one more report from `ip` is allowed now (counted when it is). */
export const allowMissReport = (ip: string | null, now = Date.now()) => limiter.allow(ip, now);

/** Forgets every window (tests). */
export const resetMissReportLimiter = () => limiter.reset();
