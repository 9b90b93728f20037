import "server-only";
import { pool } from "@/lib/db";
import type { CsvValue } from "@/lib/csv";

/**
 * The published listings of the open data downloads: whitelisted columns only, read in SQL. Never
 * a user (author, contact person, e-mail, phone), a moderation or screening note, a description
 * or an attachment; a confidential demand's organization columns are NULL in SQL, so its identity
 * never leaves the database (as in the catalog and the API). Organizations' names are public.
 *
 * Read in pages of BATCH rows by keyset (newest first), one short query each, so a download of the
 * whole catalog holds no connection and little memory whatever its size. Each batch is a
 * consistent read; a listing published or withdrawn while a download runs may be missing from it
 * or appear in it (the next download is exact).
 */

export type ListingKind = "offers" | "demands";

export interface ListingColumn {
  readonly name: string;
  /** The JSON value; CSV writes arrays joined with "; ". */
  readonly value: (row: Record<string, unknown>) => CsvValue | string[];
}

const BATCH = 500;

const col = (name: string, from = name): ListingColumn => ({
  name,
  value: (row) => {
    const v = row[from];
    if (v instanceof Date) return v.toISOString();
    return v as CsvValue | string[];
  },
});

const COMMON_HEAD = ["id", "slug", "url", "titleVi", "titleEn", "summaryVi", "summaryEn"].map((n) => col(n));
const CLASSIFICATION = [
  "fieldCode",
  "fieldNameVi",
  "fieldNameEn",
  "sectorCode",
  "sectorNameVi",
  "sectorNameEn",
  "keywords",
].map((n) => col(n));
const TAIL = [
  "location",
  "encouraged",
  "organizationName",
  "organizationNameEn",
  "organizationSlug",
  "organizationType",
  "organizationVerified",
  "publishedAt",
  "updatedAt",
  "expiresAt",
].map((n) => col(n));

/** The columns of each download, in order (the CSV header and the JSON keys). */
export const LISTING_COLUMNS: Record<ListingKind, readonly ListingColumn[]> = {
  offers: [
    ...COMMON_HEAD,
    ...CLASSIFICATION,
    ...[
      "trl",
      "ipStatus",
      "transferObjects",
      "transferForms",
      "transferMethods",
      "priceType",
      "priceMinVnd",
      "priceMaxVnd",
      "stateFunded",
    ].map((n) => col(n)),
    ...TAIL,
  ],
  demands: [
    ...COMMON_HEAD,
    ...CLASSIFICATION,
    ...["trlMin", "budgetMinVnd", "budgetMaxVnd", "deadline", "preferredForms", "confidential"].map((n) => col(n)),
    ...TAIL,
  ],
};

const SQL: Record<ListingKind, { alias: string; own: string; hidden: string | null; path: string }> = {
  offers: {
    alias: "o",
    path: "/technologies/",
    own: `o.trl, o.ip_status AS "ipStatus", o.transfer_objects::text[] AS "transferObjects",
      o.transfer_forms::text[] AS "transferForms", o.transfer_methods::text[] AS "transferMethods",
      o.price_type AS "priceType", o.price_min::text AS "priceMinVnd", o.price_max::text AS "priceMaxVnd",
      o.state_funded AS "stateFunded"`,
    hidden: null,
  },
  demands: {
    alias: "d",
    path: "/demands/",
    own: `d.trl_min AS "trlMin", d.budget_min::text AS "budgetMinVnd", d.budget_max::text AS "budgetMaxVnd",
      d.deadline::text AS deadline, d.preferred_forms::text[] AS "preferredForms", d.confidential`,
    hidden: "d.confidential",
  },
};

function statement(kind: ListingKind): string {
  const { alias: l, own, hidden } = SQL[kind];
  // An individual's "organization" is the person (DOMAIN §10: no personal data in open data): its
  // name and page are left out, like a confidential demand's organization. Its type stays.
  const personal = `g.type = 'INDIVIDUAL'`;
  const org = (column: string, name: string, always = false) => {
    const hide = [hidden, always ? null : personal].filter(Boolean).join(" OR ");
    return hide ? `CASE WHEN ${hide} THEN NULL ELSE ${column} END AS "${name}"` : `${column} AS "${name}"`;
  };
  return `SELECT ${l}.id, ${l}.slug, ${l}.title_vi AS "titleVi", ${l}.title_en AS "titleEn",
      ${l}.summary_vi AS "summaryVi", ${l}.summary_en AS "summaryEn",
      f.code AS "fieldCode", f.name_vi AS "fieldNameVi", f.name_en AS "fieldNameEn",
      s.code AS "sectorCode", s.name_vi AS "sectorNameVi", s.name_en AS "sectorNameEn", ${l}.keywords,
      ${own}, ${l}.location, ${l}.screening = 'ENCOURAGED' AS encouraged,
      ${org("g.name", "organizationName")}, ${org("g.name_en", "organizationNameEn")},
      ${org("g.slug", "organizationSlug")}, ${org("g.type::text", "organizationType", true)},
      ${org("g.verification_status = 'VERIFIED'", "organizationVerified", true)},
      ${l}.published_at AS "publishedAt", ${l}.updated_at AS "updatedAt", ${l}.expires_at AS "expiresAt"
    FROM ${kind} ${l}
    JOIN organizations g ON g.id = ${l}.organization_id
    JOIN taxonomy_nodes s ON s.code = ${l}.sector_code
    LEFT JOIN taxonomy_nodes f ON f.code = COALESCE(s.parent_code, s.code)
   WHERE ${l}.status = 'PUBLISHED' AND ${l}.published_at IS NOT NULL
     AND ($1::timestamptz IS NULL OR (${l}.published_at, ${l}.id) < ($1::timestamptz, $2::uuid))
   ORDER BY ${l}.published_at DESC, ${l}.id DESC
   LIMIT ${BATCH}`;
}

/**
 * Every published listing of `kind`, newest first, batch by batch, each row as the download's
 * record (`LISTING_COLUMNS` order); `url` is absolute on `baseUrl` (the configured public origin).
 */
export async function* publishedListings(
  kind: ListingKind,
  baseUrl: URL,
): AsyncGenerator<Record<string, CsvValue | string[]>[]> {
  const sql = statement(kind);
  let after: [Date, string] | [null, null] = [null, null];
  for (;;) {
    const { rows }: { rows: Record<string, unknown>[] } = await pool().query<Record<string, unknown>>(sql, after);
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const withUrl = { ...row, url: new URL(`${SQL[kind].path}${String(row.slug)}`, baseUrl).toString() };
      return Object.fromEntries(LISTING_COLUMNS[kind].map((c) => [c.name, c.value(withUrl)]));
    });
    if (rows.length < BATCH) return;
    const last: Record<string, unknown> = rows.at(-1)!;
    after = [last.publishedAt as Date, last.id as string];
  }
}
