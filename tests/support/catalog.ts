import pg from "pg";

/** A comparable description of a database's public schema (tables, columns, enums, indexes, constraints). */
export interface Catalog {
  columns: Map<string, string>;
  enums: Map<string, string>;
  indexes: Map<string, string>;
  constraints: Map<string, string>;
}

export async function readCatalog(connectionString: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const columns = await client.query<{ key: string; value: string }>(`
      SELECT table_name || '.' || column_name AS key,
             concat_ws(' ', udt_name, 'len=' || character_maximum_length, 'prec=' || datetime_precision,
                       CASE WHEN is_nullable = 'YES' THEN 'null' ELSE 'not null' END,
                       'default=' || column_default) AS value
        FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const enums = await client.query<{ key: string; value: string }>(`
      SELECT t.typname AS key, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS value
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
       GROUP BY t.typname`);
    const indexes = await client.query<{ key: string; value: string }>(`
      SELECT indexname AS key, indexdef AS value FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const constraints = await client.query<{ key: string; value: string }>(`
      SELECT conrelid::regclass::text || '.' || conname AS key, pg_get_constraintdef(oid) AS value
        FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`);
    const toMap = (rows: { key: string; value: string }[]) => new Map(rows.map((r) => [r.key, r.value]));
    return {
      columns: toMap(columns.rows),
      enums: toMap(enums.rows),
      indexes: toMap(indexes.rows),
      constraints: toMap(constraints.rows),
    };
  } finally {
    await client.end();
  }
}
