import "server-only";
import { cache } from "react";
import { pool } from "@/lib/db";
import type { CatalogIssue } from "./schemas";

export interface TaxonomyField {
  code: string;
  nameVi: string;
  nameEn: string;
  sectors: { code: string; nameVi: string; nameEn: string }[];
}

/** Active fields with their active sectors, in the officers' order; for filter selects. Cached per request. */
export const catalogTaxonomy = cache(async (): Promise<TaxonomyField[]> => {
  const { rows } = await pool().query<{ code: string; parentCode: string | null; nameVi: string; nameEn: string }>(
    `SELECT code, parent_code AS "parentCode", name_vi AS "nameVi", name_en AS "nameEn"
       FROM taxonomy_nodes WHERE active AND level IN (1, 2) ORDER BY level, sort_order, code`,
  );
  const fields = new Map<string, TaxonomyField>();
  for (const row of rows) {
    if (row.parentCode === null)
      fields.set(row.code, { code: row.code, nameVi: row.nameVi, nameEn: row.nameEn, sectors: [] });
    else fields.get(row.parentCode)?.sectors.push({ code: row.code, nameVi: row.nameVi, nameEn: row.nameEn });
  }
  return [...fields.values()];
});

/**
 * A well-formed but unknown code (say "198") is reported like any invalid value instead of
 * silently matching nothing.
 */
export async function unknownSectorIssue(sector: string | undefined): Promise<CatalogIssue | null> {
  if (!sector) return null;
  const known = (await catalogTaxonomy()).some((f) => f.code === sector || f.sectors.some((s) => s.code === sector));
  return known
    ? null
    : { path: "sector", code: "unknown", message: `sector ${sector} is not a known field or sector code` };
}
