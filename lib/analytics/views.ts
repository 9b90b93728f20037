import "server-only";
import { pool } from "@/lib/db";
import { LISTING_KIND, type ListingKind } from "@/lib/listings/kinds";
import type { Viewer } from "./viewer";
import { hanoiDay } from "./weeks";

/**
 * Counts one view of a published listing (issue #15 item 8) on its day in Hanoi time: one more in
 * `listing_view_days`, the only thing stored — no user, address, cookie or browser. Nothing is
 * counted when the listing is not published (a draft, a withdrawn or unknown id) or when `viewer`
 * is a member of the organization that owns it, with a current session (an owner looking at their
 * own listing). One statement: the listing check, the owner check and the upsert together.
 * Answers whether the view was counted.
 */
export async function recordListingView(
  kind: ListingKind,
  id: string,
  viewer: Viewer | null,
  now = new Date(),
): Promise<boolean> {
  const { rowCount } = await pool().query(
    `INSERT INTO listing_view_days (listing_kind, listing_id, day, views)
     SELECT $1, l.id, $3::date, 1
       FROM ${LISTING_KIND[kind].table} l
      WHERE l.id = $2::uuid
        AND l.status = 'PUBLISHED'
        AND NOT EXISTS (
              SELECT 1 FROM users u
               WHERE u.id = $4::uuid AND u.session_version = $5::int AND u.organization_id = l.organization_id)
     ON CONFLICT (listing_kind, listing_id, day)
     DO UPDATE SET views = LEAST(listing_view_days.views, 2147483646) + 1`,
    [kind, id, hanoiDay(now), viewer?.userId ?? null, viewer?.sessionVersion ?? null],
  );
  return rowCount === 1;
}
