import "server-only";
import { can, type Principal } from "@/lib/authz";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Officers edit the taxonomy; the operator and the auditor read it. */
export function canReadTaxonomy(user: Principal | null | undefined): boolean {
  return can(user, "taxonomy:manage") || can(user, "oversight:read");
}

export interface AdminTaxonomyNode {
  code: string;
  parentCode: string | null;
  level: number;
  nameVi: string;
  nameEn: string;
  active: boolean;
  sortOrder: number;
  /** Offers and demands filed under the node (any status): such a node can only be deactivated. */
  listings: number;
}

export interface AdminTaxonomyField extends AdminTaxonomyNode {
  sectors: AdminTaxonomyNode[];
}

/** The whole tree, inactive nodes included, in the public order (sortOrder, then code). */
export async function taxonomyAdminTree(user: Principal): Promise<AdminTaxonomyField[]> {
  if (!canReadTaxonomy(user)) throw new AppError("forbidden");
  const { rows } = await pool().query<AdminTaxonomyNode>(
    `SELECT n.code, n.parent_code AS "parentCode", n.level, n.name_vi AS "nameVi", n.name_en AS "nameEn",
            n.active, n.sort_order AS "sortOrder",
            ((SELECT count(*) FROM offers o WHERE o.sector_code = n.code)
             + (SELECT count(*) FROM demands d WHERE d.sector_code = n.code))::int AS listings
       FROM taxonomy_nodes n
      ORDER BY n.level, n.sort_order, n.code`,
  );
  const fields = new Map<string, AdminTaxonomyField>();
  for (const row of rows) {
    if (row.parentCode === null) fields.set(row.code, { ...row, sectors: [] });
    else fields.get(row.parentCode)?.sectors.push(row);
  }
  for (const field of fields.values()) field.listings += field.sectors.reduce((sum, s) => sum + s.listings, 0);
  return [...fields.values()];
}
