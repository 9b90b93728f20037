import "server-only";
import { pool } from "@/lib/db";
import { notificationTranslator, renderNotification, toNotificationLocale } from "./render";
import type { NotificationParams } from "./types";
import { clampPage } from "@/lib/page-number";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export interface NotificationItem {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * How many of the user's notifications are unread. Runs on every page for the header bell, so it
 * is one indexed count through the raw pool (index notifications(user_id, read_at, created_at)).
 */
export async function unreadCount(userId: string): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL",
    [userId],
  );
  return rows[0]?.n ?? 0;
}

/**
 * One page (20 a page, newest first) of the user's own notifications, with title and body rendered
 * in `locale` from the stored type and parameters. A page past the end shows the last page.
 */
export async function listNotifications(userId: string, page = 1, locale = "vi"): Promise<NotificationPage> {
  const pageSize = NOTIFICATIONS_PAGE_SIZE;
  const { rows: counts } = await pool().query<{ total: number; unread: number }>(
    `SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread
       FROM notifications WHERE user_id = $1`,
    [userId],
  );
  const { total, unread } = counts[0] ?? { total: 0, unread: 0 };
  const { page: current, pageCount } = clampPage(Math.max(1, Math.trunc(page) || 1), total, pageSize);
  const { rows } = await pool().query<{
    id: string;
    type: string;
    params: NotificationParams | null;
    link: string | null;
    read_at: Date | null;
    created_at: Date;
  }>(
    `SELECT id, type, params, link, read_at, created_at
       FROM notifications WHERE user_id = $1
      ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
    [userId, pageSize, (current - 1) * pageSize],
  );
  const t = await notificationTranslator(toNotificationLocale(locale));
  const items = rows.map((row) => ({
    id: row.id,
    type: row.type,
    ...renderNotification(t, row.type, row.params ?? {}),
    link: row.link,
    readAt: row.read_at,
    createdAt: row.created_at,
  }));
  return { items, total, unread, page: current, pageSize, pageCount };
}
