import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// For the raw pool only: int8 (counts, VND amounts) as a JS number when it is safe to do so.
// Prisma's own adapter keeps its defaults.
const rawTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8
      ? (value: string) => {
          const n = Number(value);
          return Number.isSafeInteger(n) ? n : value;
        }
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Globals = { prisma?: PrismaClient; pool?: pg.Pool; searchPool?: pg.Pool };
// One client per process; survives hot reload in development. Nothing here is shared across
// instances, so any number of app processes can run behind a load balancer.
const globals = globalThis as unknown as Globals;

const TRIGRAM_SESSION = "-c pg_trgm.word_similarity_threshold=0.45";

/** Raw `pg` pool for hot paths (search, matching, dashboards) where Prisma's overhead matters. */
export function pool(): pg.Pool {
  if (!globals.pool) {
    // The typo fallbacks (lib/search) accept titles at least this similar; they only run when the
    // query's words found nothing, so they can be more forgiving than pg_trgm's default of 0.6. Set in
    // the startup packet: a SET on connect would race the pool's first query.
    globals.pool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: 10,
      types: rawTypes,
      options: TRIGRAM_SESSION,
    });
  }
  return globals.pool;
}

/** Session settings of searchPool; in the startup packet, so they apply before the first query. */
export const SEARCH_SESSION = `-c enable_seqscan=off -c jit=off ${TRIGRAM_SESSION}`;

/**
 * Connections for the search and catalog statements (lib/search/sql.ts), which are written for index
 * access. The planner does not count the cost of reading an out-of-line (TOAST) tsvector, so on the
 * narrow search index tables it would pick a sequential scan that reads every vector (~10x slower
 * than the bitmap scan of the GIN index, which needs none). Sequential scans are therefore disabled
 * for these sessions; JIT is off because that penalty would push costs past JIT's threshold.
 */
export function searchPool(): pg.Pool {
  if (!globals.searchPool) {
    globals.searchPool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: 10,
      types: rawTypes,
      options: SEARCH_SESSION,
    });
  }
  return globals.searchPool;
}

function createClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }) });
}

/** The Prisma client, created on first use (so `next build` needs no database). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globals.prisma ??= createClient();
    const value = Reflect.get(globals.prisma, property);
    return typeof value === "function" ? value.bind(globals.prisma) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
