import "server-only";
import { pool } from "@/lib/db";
import { Params } from "./where";

export interface CatalogPage<T> {
  items: T[];
  total: number;
  /** The page shown; differs from `requestedPage` when that was beyond the last page and clamped. */
  page: number;
  requestedPage: number;
  pageSize: number;
  pageCount: number;
}

export interface PageQuery {
  /** SELECT list (without the total). */
  select: string;
  /** FROM + JOINs. */
  from: string;
  /** Builds the WHERE text, registering its values in `p`. */
  where: (p: Params) => string;
  /** Whitelisted ORDER BY text, or a builder when the order needs parameters (relevance). */
  order: string | ((p: Params) => string);
}

/**
 * One page of rows plus the total in one round trip (`count(*) OVER ()` is computed before LIMIT).
 * Only a page beyond the end costs more: a count, then — when `clamp` — the last page instead.
 */
export async function fetchPage<R>(query: PageQuery, page: number, pageSize: number, clamp: boolean): Promise<CatalogPage<R>> {
  const run = async (n: number) => {
    const p = new Params();
    const where = query.where(p);
    const order = typeof query.order === "function" ? query.order(p) : query.order;
    const sql = `SELECT ${query.select}, count(*) OVER ()::int AS "__total" FROM ${query.from} WHERE ${where}
                 ORDER BY ${order} LIMIT ${p.add(pageSize)} OFFSET ${p.add((n - 1) * pageSize)}`;
    return (await pool().query<R & { __total: number }>(sql, p.values)).rows;
  };
  const result = (rows: (R & { __total: number })[], total: number, shown: number): CatalogPage<R> => ({
    items: rows.map(({ __total: _total, ...row }) => row as R),
    total,
    page: shown,
    requestedPage: page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  });

  const rows = await run(page);
  if (rows.length > 0 || page === 1) return result(rows, rows[0]?.__total ?? 0, page);

  const p = new Params();
  const count = await pool().query<{ total: number }>(`SELECT count(*)::int AS total FROM ${query.from} WHERE ${query.where(p)}`, p.values);
  const total = count.rows[0]?.total ?? 0;
  if (!clamp || total === 0) return result([], total, clamp ? 1 : page);
  const last = Math.ceil(total / pageSize);
  return result(await run(last), total, last);
}
