import { execFileSync } from "node:child_process";
import pg from "pg";
import { inject, describe, expect, it } from "vitest";
import { readCatalog } from "../support/catalog";
import { withDatabase } from "../support/urls";

/**
 * Objects that migrations add by hand and schema.prisma cannot express. Anything else in the
 * migrated database must be exactly what schema.prisma describes, and vice versa.
 */
const SEARCHED = ["offers", "demands", "organizations", "experts"];
const HAND_WRITTEN = {
  // Generated search columns (migration 20261122100000_search): Prisma cannot express GENERATED columns.
  columns: [
    ...SEARCHED.flatMap((t) => [`${t}.search_vector`, `${t}.search_title`]),
    "offers.head_vector",
    "demands.head_vector",
  ],
  indexes: [
    ...SEARCHED.filter((t) => t !== "offers" && t !== "demands").flatMap((t) => [
      `${t}_search_vector_idx`,
      `${t}_search_title_trgm_idx`,
    ]),
    "offers_head_vector_idx",
    "demands_head_vector_idx",
    // One open deal per organization pair and listing (migration *_deals): a partial expression index.
    "deals_one_open_per_pair_and_listing",
    // The Department's figures (migration *_kpi_indexes): covering and partial indexes.
    "audit_events_entity_seq_idx",
    "offers_kpi_idx",
    "demands_kpi_idx",
    // The listings' keys the figures join through (migration *_kpi_rollups): covering indexes.
    "offers_kpi_keys_idx",
    "demands_kpi_keys_idx",
  ],
  // Deal rules the database keeps even against a bug (migration *_deals): Prisma cannot express CHECKs.
  constraints: [
    "deals.deals_two_parties",
    "deals.deals_listing_present",
    "deals.deals_budget_not_negative",
    "deals.deals_nda_side",
    // A deal document has its side, purpose and version; other files none (migration *_deal_documents).
    "attachments.attachments_deal_document_check",
  ],
  // The search index (migration 20261122200000_search_index): derived tables maintained by triggers,
  // their source views and the title vocabulary; all their columns, indexes and constraints.
  // The monthly KPI rollups (migration *_kpi_rollups): derived tables written by the job kpi.rollups
  // and the change log its triggers write.
  tables: [
    "offer_search",
    "demand_search",
    "offer_search_source",
    "demand_search_source",
    "search_words",
    "kpi_rollup_months",
    "kpi_rollup_rows",
    "kpi_rollup_dirt",
  ],
};
const inHandWrittenTable = (key: string) =>
  HAND_WRITTEN.tables.some((t) => key.startsWith(`${t}.`) || key.startsWith(`${t}_`));

describe("migrations agree with schema.prisma", () => {
  it("creates every model's table and every field's column, type, nullability, default, index and constraint", async () => {
    // What Prisma would create from schema.prisma alone, in a scratch database.
    const serverUrl = inject("dbServerUrl");
    const scratch = `techex_schema_${Date.now()}`;
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: serverUrl }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratch}`);
    try {
      const client = new pg.Client({ connectionString: withDatabase(serverUrl, scratch) });
      await client.connect();
      await client.query(sql);
      await client.end();

      const expected = await readCatalog(withDatabase(serverUrl, scratch));
      const actual = await readCatalog(process.env.DATABASE_URL!);

      for (const kind of ["columns", "enums", "indexes", "constraints"] as const) {
        const allowedExtra: string[] = (HAND_WRITTEN as Record<string, string[]>)[kind] ?? [];
        const missing = [...expected[kind]].filter(([key, value]) => actual[kind].get(key) !== value);
        const extra = [...actual[kind].keys()].filter(
          (key) => !expected[kind].has(key) && !allowedExtra.includes(key) && !inHandWrittenTable(key),
        );
        expect({ kind, missing, extra }).toEqual({ kind, missing: [], extra: [] });
      }
      expect(expected.columns.size).toBeGreaterThan(150); // the comparison really covered the schema
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await admin.end();
    }
  });
});
