/**
 * Loads the generated rows with one `INSERT … SELECT FROM unnest($1::t[], …)` per batch: a single
 * statement with one parameter per column, far faster than per-row inserts. Array columns cannot be
 * unnested from 2-D arrays (unnest flattens them), so they travel as delimited text and are split
 * back in SQL.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { TAXONOMY, type TaxonomyRow } from "@/prisma/data/taxonomy";
import {
  batches,
  buildDemand,
  buildOffer,
  buildOrganizations,
  splitOrganizations,
  type BenchDemand,
  type BenchOffer,
  type BenchOrg,
} from "./generate";

const SEP = "\u001f"; // unit separator: never appears in generated text
type Column<T> = { name: string; type: string; value: (row: T) => unknown; sql?: (ref: string) => string };

const text = <T>(name: string, value: (row: T) => unknown): Column<T> => ({ name, type: "text", value });
const typed = <T>(name: string, type: string, value: (row: T) => unknown): Column<T> => ({ name, type, value });
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const ts = <T>(name: string, value: (row: T) => Date | null): Column<T> =>
  typed(name, "timestamptz", (r) => iso(value(r)));
/** A text[] column sent joined with SEP. */
const list = <T>(name: string, value: (row: T) => string[]): Column<T> => ({
  name,
  type: "text",
  value: (r) => value(r).join(SEP),
  sql: (ref) => `string_to_array(${ref}, E'\\x1f')`,
});
/** An enum[] column, e.g. "TransferForm"[]. */
const enums = <T>(name: string, enumType: string, value: (row: T) => string[]): Column<T> => ({
  name,
  type: "text",
  value: (r) => value(r).join(","),
  sql: (ref) => `string_to_array(${ref}, ',')::"${enumType}"[]`,
});

export async function insertRows<T>(client: pg.ClientBase, table: string, columns: Column<T>[], rows: T[]) {
  if (rows.length === 0) return;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const refs = columns.map((c, i) => (c.sql ? c.sql(`u.c${i}`) : `u.c${i}`)).join(", ");
  const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${refs} FROM unnest(${params}) AS u(${aliases})`;
  await client.query(
    sql,
    columns.map((c) => rows.map(c.value)),
  );
}

const TAXONOMY_COLUMNS: Column<TaxonomyRow>[] = [
  text("code", (r) => r.code),
  text("parent_code", (r) => r.parentCode),
  typed("level", "smallint", (r) => (r.parentCode ? 2 : 1)),
  text("name_vi", (r) => r.nameVi),
  text("name_en", (r) => r.nameEn),
  typed("sort_order", "int", (r) => r.sortOrder),
];
const ORG_COLUMNS: Column<BenchOrg & { now: Date }>[] = [
  typed("id", "uuid", (o) => o.id),
  text("slug", (o) => o.slug),
  text("name", (o) => o.name),
  text("name_en", (o) => o.nameEn),
  typed("type", '"OrgType"', (o) => o.type),
  text("location", (o) => o.location),
  typed("verification_status", '"VerificationStatus"', (o) => o.verificationStatus),
  ts("verified_at", (o) => (o.verificationStatus === "VERIFIED" ? o.createdAt : null)),
  ts("created_at", (o) => o.createdAt),
  ts("updated_at", (o) => o.now),
];
const USER_COLUMNS: Column<BenchOrg & { now: Date }>[] = [
  typed("id", "uuid", (o) => o.userId),
  text("email", (o) => o.userEmail),
  text("name", (o) => o.userName),
  // These accounts never sign in; a non-hash placeholder makes that explicit.
  text("password_hash", () => "!bench-no-login"),
  enums("roles", "Role", (o) => o.roles),
  typed("organization_id", "uuid", (o) => o.id),
  ts("created_at", (o) => o.createdAt),
  ts("updated_at", (o) => o.now),
];

function listingColumns<T extends BenchOffer | BenchDemand>(): Column<T>[] {
  return [
    typed("id", "uuid", (r) => r.id),
    text("slug", (r) => r.slug),
    typed("organization_id", "uuid", (r) => r.organizationId),
    typed("created_by_id", "uuid", (r) => r.createdById),
    typed("status", '"ListingStatus"', (r) => r.status),
    text("title_vi", (r) => r.titleVi),
    text("title_en", (r) => r.titleEn),
    text("summary_vi", (r) => r.summaryVi),
    text("summary_en", (r) => r.summaryEn),
    text("description", (r) => r.description),
    text("sector_code", (r) => r.sectorCode),
    list("keywords", (r) => r.keywords),
    text("location", (r) => r.location),
    ts("submitted_at", (r) => r.submittedAt),
    ts("published_at", (r) => r.publishedAt),
    ts("expires_at", (r) => r.expiresAt),
    ts("created_at", (r) => r.createdAt),
    ts("updated_at", (r) => r.updatedAt),
  ];
}
const OFFER_COLUMNS: Column<BenchOffer>[] = [
  ...listingColumns<BenchOffer>(),
  typed("trl", "smallint", (r) => r.trl),
  typed("ip_status", '"IpStatus"', (r) => r.ipStatus),
  text("ip_title_number", (r) => r.ipTitleNumber),
  enums("transfer_objects", "TransferObject", (r) => r.transferObjects),
  enums("transfer_forms", "TransferForm", (r) => r.transferForms),
  enums("transfer_methods", "TransferMethod", (r) => r.transferMethods),
  typed("price_type", '"PriceType"', (r) => r.priceType),
  typed("price_min", "bigint", (r) => r.priceMin),
  typed("price_max", "bigint", (r) => r.priceMax),
  text("application_areas", (r) => r.applicationAreas),
  text("advantages", (r) => r.advantages),
  typed("state_funded", "boolean", (r) => r.stateFunded),
  text("funding_programme", (r) => r.fundingProgramme),
];
const DEMAND_COLUMNS: Column<BenchDemand>[] = [
  ...listingColumns<BenchDemand>(),
  typed("trl_min", "smallint", (r) => r.trlMin),
  typed("budget_min", "bigint", (r) => r.budgetMin),
  typed("budget_max", "bigint", (r) => r.budgetMax),
  typed("deadline", "date", (r) => iso(r.deadline)?.slice(0, 10) ?? null),
  enums("preferred_forms", "TransferForm", (r) => r.preferredForms),
  typed("confidential", "boolean", (r) => r.confidential),
];

export interface LoadOptions {
  seed: number;
  size: number;
  organizations: number;
  now: Date;
  batchSize?: number;
  log: (line: string) => void;
}

/** Streams `rows` into `table`, building the next batch while the previous one is in flight. */
async function load<T>(
  client: pg.ClientBase,
  table: string,
  columns: Column<T>[],
  rows: Iterable<T[]>,
  total: number,
  log: (line: string) => void,
) {
  let pending: Promise<void> = Promise.resolve();
  let done = 0;
  let nextReport = total / 4;
  for (const batch of rows) {
    await pending;
    pending = insertRows(client, table, columns, batch);
    done += batch.length;
    if (done >= nextReport) {
      log(`  ${table}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`);
      nextReport += total / 4;
    }
  }
  await pending;
}

/** Taxonomy, organizations with one member each, then offers and demands on two connections in parallel. */
export async function loadDataset(clients: [pg.ClientBase, pg.ClientBase], options: LoadOptions) {
  const { seed, size, now, log } = options;
  const batchSize = options.batchSize ?? 1000;
  const [a, b] = clients;
  await insertRows(a, "taxonomy_nodes", TAXONOMY_COLUMNS, TAXONOMY);
  const orgs = buildOrganizations(seed, options.organizations, now);
  const withNow = orgs.map((o) => ({ ...o, now }));
  await insertRows(a, "organizations", ORG_COLUMNS, withNow);
  await insertRows(a, "users", USER_COLUMNS, withNow);
  log(`  ${orgs.length} organizations and their members`);
  const { providers, seekers } = splitOrganizations(orgs);
  // A bulk load fills the search index tables once at the end (as techex_rebuild_search_index
  // does) instead of row by row through their sync triggers: a third of the time. The database is
  // the benchmark's own; the triggers are back on before anything is measured.
  await a.query(
    `ALTER TABLE offers DISABLE TRIGGER offers_search_sync; ALTER TABLE demands DISABLE TRIGGER demands_search_sync`,
  );
  try {
    await Promise.all([
      load(
        a,
        "offers",
        OFFER_COLUMNS,
        batches(seed, "offers", size, batchSize, (rng, i) => buildOffer(rng, i, providers, now)),
        size,
        log,
      ),
      load(
        b,
        "demands",
        DEMAND_COLUMNS,
        batches(seed, "demands", size, batchSize, (rng, i) => buildDemand(rng, i, seekers, now)),
        size,
        log,
      ),
    ]);
  } finally {
    await a.query(
      `ALTER TABLE offers ENABLE TRIGGER offers_search_sync; ALTER TABLE demands ENABLE TRIGGER demands_search_sync`,
    );
  }
  await Promise.all([
    a.query("DELETE FROM offer_search; INSERT INTO offer_search SELECT * FROM offer_search_source"),
    b.query("DELETE FROM demand_search; INSERT INTO demand_search SELECT * FROM demand_search_source"),
  ]);
  log("  search index tables filled");
  // The title vocabulary (the job refreshes it every 5 minutes in production) and the state
  // autovacuum reaches soon after a bulk load: fresh statistics (or the planner guesses on 200k
  // unanalysed rows) and the visibility map.
  await a.query("SELECT techex_refresh_search_words()");
  await Promise.all([
    a.query("VACUUM ANALYZE offers, offer_search, organizations, users, taxonomy_nodes, search_words"),
    b.query("VACUUM ANALYZE demands, demand_search"),
  ]);
}

/**
 * Generates and inserts `size` offers and as many demands (deterministic from `seed`, dates relative to
 * today) into the database at `ownerUrl`, over two connections; answers the seconds it took. Used by
 * `npm run bench` and `npm run load`.
 */
export async function fillDatabase(
  ownerUrl: string,
  size: number,
  seed: number,
  log: (line: string) => void,
): Promise<number> {
  const clients: [pg.Client, pg.Client] = [
    new pg.Client({ connectionString: ownerUrl }),
    new pg.Client({ connectionString: ownerUrl }),
  ];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    // Dates relative to today (UTC midnight), so a day's runs share identical data.
    const now = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const start = performance.now();
    log(`generating ${size.toLocaleString("en")} offers and ${size.toLocaleString("en")} demands (seed ${seed})…`);
    await loadDataset(clients, {
      seed,
      size,
      organizations: Math.min(2000, Math.max(50, Math.ceil(size / 50))),
      now,
      log,
    });
    return (performance.now() - start) / 1000;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
