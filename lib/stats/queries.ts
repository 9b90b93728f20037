import "server-only";
import { assertCan, type Principal } from "@/lib/authz";
import { pool } from "@/lib/db";

export interface HomeFigures {
  publishedOffers: number;
  publishedDemands: number;
  verifiedOrganizations: number;
  signedContracts: number;
}

/** The headline figures on the home page, in one round trip. */
export async function homeFigures(): Promise<HomeFigures> {
  const { rows } = await pool().query<HomeFigures>(`
    SELECT (SELECT count(*) FROM offers WHERE status = 'PUBLISHED')::int AS "publishedOffers",
           (SELECT count(*) FROM demands WHERE status = 'PUBLISHED')::int AS "publishedDemands",
           (SELECT count(*) FROM organizations WHERE verification_status = 'VERIFIED')::int AS "verifiedOrganizations",
           (SELECT count(*) FROM contracts WHERE signed_at IS NOT NULL)::int AS "signedContracts"`);
  return rows[0]!;
}

/**
 * Work waiting for staff: listings to moderate, restricted ones for the officer, organizations to
 * verify. For the staff who oversee the exchange (`oversight:read`); anyone else: "forbidden".
 */
export async function staffQueueCounts(user: Principal) {
  assertCan(user, "oversight:read");
  const { rows } = await pool().query<{
    submitted: number;
    restricted: number;
    organizations: number;
    oldest_submitted: Date | null;
    oldest_organization: Date | null;
  }>(`
    SELECT ((SELECT count(*) FROM offers WHERE status = 'SUBMITTED' AND screening <> 'RESTRICTED')
          + (SELECT count(*) FROM demands WHERE status = 'SUBMITTED' AND screening <> 'RESTRICTED'))::int AS submitted,
           ((SELECT count(*) FROM offers WHERE status = 'SUBMITTED' AND screening = 'RESTRICTED')
          + (SELECT count(*) FROM demands WHERE status = 'SUBMITTED' AND screening = 'RESTRICTED'))::int AS restricted,
           (SELECT count(*) FROM organizations WHERE verification_status = 'PENDING')::int AS organizations,
           LEAST((SELECT min(submitted_at) FROM offers WHERE status = 'SUBMITTED'),
                 (SELECT min(submitted_at) FROM demands WHERE status = 'SUBMITTED')) AS oldest_submitted,
           (SELECT min(updated_at) FROM organizations WHERE verification_status = 'PENDING') AS oldest_organization`);
  const row = rows[0]!;
  return {
    submitted: row.submitted,
    restricted: row.restricted,
    organizations: row.organizations,
    /** The longest-waiting submission: the operator's 2-working-day target is judged on it. */
    oldestSubmittedAt: row.oldest_submitted,
    oldestOrganizationAt: row.oldest_organization,
  };
}

export interface FieldFigures {
  code: string;
  nameVi: string;
  nameEn: string;
  offers: number;
  demands: number;
}

/** Published offers and demands per field of the taxonomy (level 1), for the public statistics page. */
export async function figuresByField(): Promise<FieldFigures[]> {
  const { rows } = await pool().query<FieldFigures>(`
    SELECT f.code, f.name_vi AS "nameVi", f.name_en AS "nameEn",
           (SELECT count(*) FROM offers o JOIN taxonomy_nodes s ON s.code = o.sector_code
             WHERE s.parent_code = f.code AND o.status = 'PUBLISHED')::int AS offers,
           (SELECT count(*) FROM demands d JOIN taxonomy_nodes s ON s.code = d.sector_code
             WHERE s.parent_code = f.code AND d.status = 'PUBLISHED')::int AS demands
      FROM taxonomy_nodes f WHERE f.level = 1 ORDER BY f.sort_order, f.code`);
  return rows;
}
