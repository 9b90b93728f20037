import "server-only";
import { z } from "zod";
import { pool } from "@/lib/db";

/**
 * The published heads of the audit chain (issue #13 item 5): each nightly checkpoint (job
 * `audit.checkpoint`, source "nightly") is the chain's sequence number and hash at that moment, shown
 * to everybody on /statistics/chain and in GET /api/v1/audit-heads. Anyone who keeps a copy can later
 * ask an auditor to verify the chain from it: an event at or after that head rewritten, or the
 * newest events deleted, no longer match it. No personal data: a date, a number and a hash.
 */

export interface PublishedHead {
  /** When the head was recorded (the nightly verification that found the chain intact). */
  publishedAt: Date;
  seq: string;
  hash: string;
}

export interface PublishedHeadPage {
  items: PublishedHead[];
  total: number;
  page: number;
  pageSize: number;
}

export const HEADS_PAGE_SIZE = 50;
export const HEADS_MAX_PAGE_SIZE = 500;

/** GET /api/v1/audit-heads parameters: page, pageSize, format. */
export const HeadsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(999_999).default(1),
  pageSize: z.coerce.number().int().min(1).max(HEADS_MAX_PAGE_SIZE).default(HEADS_PAGE_SIZE),
  format: z.enum(["json", "csv"]).default("json"),
});

/**
 * The published heads, newest first. The table grows by one row a night (about 365 a year), so
 * numbered pages over its primary key are cheap; nothing here needs an index beyond it.
 */
export async function publishedHeads(page = 1, pageSize = HEADS_PAGE_SIZE): Promise<PublishedHeadPage> {
  const [{ rows: counted }, { rows }] = await Promise.all([
    pool().query<{ n: number }>("SELECT count(*)::int AS n FROM audit_checkpoints WHERE source = 'nightly'"),
    pool().query<{ published_at: Date; seq: string; hash: string }>(
      `SELECT created_at AS published_at, seq::text AS seq, hash FROM audit_checkpoints
        WHERE source = 'nightly' ORDER BY id DESC LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    ),
  ]);
  return {
    items: rows.map((r) => ({ publishedAt: r.published_at, seq: r.seq, hash: r.hash })),
    total: counted[0]?.n ?? 0,
    page,
    pageSize,
  };
}

/** The heads as CSV (RFC 4180, header line first); every value is plain digits, hex or a timestamp. */
export function headsCsv(heads: readonly PublishedHead[]): string {
  const lines = ["published_at,seq,hash", ...heads.map((h) => `${h.publishedAt.toISOString()},${h.seq},${h.hash}`)];
  return `${lines.join("\r\n")}\r\n`;
}

/** Every published head, newest first (the CSV download: a few hundred rows a year). */
export async function everyPublishedHead(): Promise<PublishedHead[]> {
  const { rows } = await pool().query<{ published_at: Date; seq: string; hash: string }>(
    `SELECT created_at AS published_at, seq::text AS seq, hash FROM audit_checkpoints
      WHERE source = 'nightly' ORDER BY id DESC`,
  );
  return rows.map((r) => ({ publishedAt: r.published_at, seq: r.seq, hash: r.hash }));
}
