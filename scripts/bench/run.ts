/**
 * Times the functions under test against the loaded database: searchListings and the same SQL through
 * bare `pg` (interleaved, alternating which goes first, so neither always gets the warmer cache), the
 * facet statement alone, suggest, and matching. Everything runs once untimed first to warm caches.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { ScoredMatch } from "@/lib/matching/types";
import type { SearchResult, Suggestion } from "@/lib/search/types";
import { buildQueryMix, buildSuggestPrefixes, type BenchQuery, type Kind } from "./queries";
import { percentile, type CategoryRow } from "./stats";

type SearchInput = { q: string; filters?: Record<string, unknown>; page?: number; pageSize?: number; facets?: boolean };
type Statement = { name?: string; text: string; values: unknown[] };

/** The functions the benchmark measures, as lib/search/queries.ts and lib/matching/engine.ts export them. */
export interface Subject {
  searchListings(kind: Kind, input: SearchInput): Promise<SearchResult>;
  searchSql(kind: Kind, input: SearchInput): Statement[];
  suggest(q: string, limit?: number): Promise<Suggestion[]>;
  findMatchesForDemand(demandId: string, limit?: number): Promise<ScoredMatch[]>;
  findMatchesForOffer(offerId: string, limit?: number): Promise<ScoredMatch[]>;
}

export interface Samples {
  search: number[];
  sql: number[];
  sqlSequential: number[];
  facets: number[];
  suggest: number[];
  matchDemand: number[];
  matchOffer: number[];
  categories: CategoryRow[];
  /** Every timed search, for the "slowest" table that tells the search's author where to look. */
  searches: SearchSample[];
}

export interface SearchSample {
  query: BenchQuery;
  ms: number;
  total: number;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

const input = (q: BenchQuery): SearchInput => ({ q: q.q, filters: q.filters, page: 1, pageSize: 20, facets: true });

/** Facet statements are the ones named so; older shapes are recognised as those added by `facets: true`. */
function facetStatements(subject: Subject, q: BenchQuery): Statement[] {
  const all = subject.searchSql(q.kind, input(q));
  if (all.some((s) => s.name)) return all.filter((s) => s.name === "facets");
  const plain = new Set(subject.searchSql(q.kind, { ...input(q), facets: false }).map((s) => s.text));
  return all.filter((s) => !plain.has(s.text));
}

/** Published listings picked by a hash of their (deterministic) slug: a stable, well-spread sample. */
async function sampleIds(raw: pg.Pool, table: "offers" | "demands", n: number): Promise<string[]> {
  const { rows } = await raw.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE status = 'PUBLISHED' ORDER BY md5(slug) LIMIT $1`,
    [n],
  );
  return rows.map((r) => r.id);
}

export async function runBenchmarks(
  subject: Subject,
  raw: pg.Pool,
  seed: number,
  rounds: number,
  log: (line: string) => void,
): Promise<Samples> {
  const mix = buildQueryMix(seed);
  const prefixes = buildSuggestPrefixes();
  const demandIds = await sampleIds(raw, "demands", 55);
  const offerIds = await sampleIds(raw, "offers", 12);
  const s: Samples = {
    search: [],
    sql: [],
    sqlSequential: [],
    facets: [],
    suggest: [],
    matchDemand: [],
    matchOffer: [],
    categories: [],
    searches: [],
  };

  log(`warming up: ${mix.length} searches, ${prefixes.length} suggestions, 5 matches`);
  for (const q of mix) await subject.searchListings(q.kind, input(q));
  for (const prefix of prefixes) await subject.suggest(prefix);
  for (const id of demandIds.slice(0, 5)) await subject.findMatchesForDemand(id, 10);

  const byCategory = new Map<string, { times: number[]; hits: number[] }>();
  for (let round = 0; round < rounds; round++) {
    log(`round ${round + 1}/${rounds}: searching (${mix.length} queries)…`);
    for (const [i, q] of mix.entries()) {
      const statements = subject.searchSql(q.kind, input(q));
      const app = () => timed(() => subject.searchListings(q.kind, input(q)));
      const bare = () => timed(() => Promise.all(statements.map((st) => raw.query(st.text, st.values))));
      let appTime: number, result: SearchResult, sqlTime: number;
      if ((i + round) % 2 === 0) {
        [appTime, result] = await app();
        [sqlTime] = await bare();
      } else {
        [sqlTime] = await bare();
        [appTime, result] = await app();
      }
      s.search.push(appTime);
      s.searches.push({ query: q, ms: appTime, total: result.total });
      s.sql.push(sqlTime);
      const [seqTime] = await timed(async () => {
        for (const st of statements) await raw.query(st.text, st.values);
      });
      s.sqlSequential.push(seqTime);
      for (const st of facetStatements(subject, q))
        s.facets.push((await timed(() => raw.query(st.text, st.values)))[0]);
      const bucket = byCategory.get(q.category) ?? { times: [], hits: [] };
      bucket.times.push(appTime);
      bucket.hits.push(result.total);
      byCategory.set(q.category, bucket);
    }
    log(`round ${round + 1}/${rounds}: suggest (${prefixes.length} prefixes)…`);
    for (const prefix of prefixes) s.suggest.push((await timed(() => subject.suggest(prefix)))[0]);
  }

  log(`matching: ${demandIds.length - 5} demands, ${offerIds.length} offers…`);
  for (const id of demandIds.slice(5)) s.matchDemand.push((await timed(() => subject.findMatchesForDemand(id, 10)))[0]);
  for (const id of offerIds) s.matchOffer.push((await timed(() => subject.findMatchesForOffer(id, 10)))[0]);

  s.categories = [...byCategory.entries()].map(([name, b]) => ({
    name,
    n: b.times.length,
    p50: percentile(b.times, 0.5),
    p95: percentile(b.times, 0.95),
    hits: b.hits.reduce((a, x) => a + x, 0) / b.hits.length,
  }));
  return s;
}
