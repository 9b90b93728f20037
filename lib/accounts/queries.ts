import "server-only";
import { assertCan, type Principal } from "@/lib/authz";
import { pool } from "@/lib/db";

/** Listing counts of one organization, for the workspace overview. */
export async function workspaceCounts(organizationId: string | null) {
  if (!organizationId) return { offers: 0, publishedOffers: 0, demands: 0, publishedDemands: 0 };
  const { rows } = await pool().query<{
    offers: number;
    publishedOffers: number;
    demands: number;
    publishedDemands: number;
  }>(
    `SELECT (SELECT count(*) FROM offers WHERE organization_id = $1)::int AS offers,
            (SELECT count(*) FROM offers WHERE organization_id = $1 AND status = 'PUBLISHED')::int AS "publishedOffers",
            (SELECT count(*) FROM demands WHERE organization_id = $1)::int AS demands,
            (SELECT count(*) FROM demands WHERE organization_id = $1 AND status = 'PUBLISHED')::int AS "publishedDemands"`,
    [organizationId],
  );
  return rows[0]!;
}

/** Users with their roles, newest first, for the system administrator (`user:manage`; others: "forbidden"). */
export async function listUsers(user: Principal, page: number, pageSize = 50) {
  assertCan(user, "user:manage");
  const offset = (page - 1) * pageSize;
  const [{ rows }, { rows: total }] = await Promise.all([
    pool().query<{
      id: string;
      email: string;
      name: string;
      roles: string[];
      status: string;
      organization: string | null;
      created_at: Date;
    }>(
      `SELECT u.id, u.email, u.name, u.roles::text[] AS roles, u.status, o.name AS organization, u.created_at
         FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
        ORDER BY u.created_at DESC, u.id LIMIT $1 OFFSET $2`,
      [pageSize, offset],
    ),
    pool().query<{ n: number }>("SELECT count(*)::int AS n FROM users"),
  ]);
  return { items: rows, total: total[0]!.n, page, pageSize };
}

/** The notification types the user does not want by e-mail (their own settings page). */
export async function emailOptOutOf(userId: string): Promise<string[]> {
  const { rows } = await pool().query<{ optOut: string[] }>(
    `SELECT email_opt_out AS "optOut" FROM users WHERE id = $1::uuid`,
    [userId],
  );
  return rows[0]?.optOut ?? [];
}
