/**
 * The vocabulary lookups of spelling correction read the primary key of search_words, never the
 * trigram index: pg_trgm also answers `word = ANY(...)`, and for the few thousand one-edit spellings
 * of a long typed word that read 650,000 index pages (1.5 s a lookup, several lookups a search page:
 * a 200-letter query took 6 s to answer, a long pasted question 14 s). The lookups run on
 * searchPool(), whose sessions disable sequential scans: the planner then weighs only the two indexes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool, searchPool } from "@/lib/db";
import { correctTokens, KNOWN_WORDS_SQL } from "@/lib/search/words";
import { oneEditAway } from "@/lib/search/spelling";
import { tokenize } from "@/lib/search/text";
import { seedQualitySet } from "../quality/seed";

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** The plan of KNOWN_WORDS_SQL for `words`, as executed: its indexes and the pages it read. */
async function lookupPlan(words: string[]) {
  const { rows } = await searchPool().query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${KNOWN_WORDS_SQL}`,
    [words],
  );
  const root = rows[0]!["QUERY PLAN"][0].Plan;
  return {
    indexes: nodes(root).flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])),
    pages: (root["Shared Hit Blocks"] ?? 0) + (root["Shared Read Blocks"] ?? 0),
  };
}

beforeAll(async () => {
  await seedQualitySet(db);
  await pool().query("SELECT techex_refresh_search_words()");
});

describe("vocabulary lookups of spelling correction", () => {
  // What correctTokens looks up for a long pasted question: its words and every one-edit spelling.
  const question = "có công nghệ nào xử lý nước thải cho trang trại không ".repeat(4);
  const typed = [...new Set(tokenize(question).filter((t) => t.length >= 3))];
  const candidates = [...typed, ...typed.flatMap(oneEditAway)];

  it("find exactly the known words among thousands of candidates", async () => {
    const { rows } = await searchPool().query<{ word: string }>(KNOWN_WORDS_SQL, [candidates]);
    const { rows: naive } = await pool().query<{ word: string }>(
      "SELECT word FROM search_words WHERE word = ANY($1::text[])",
      [candidates],
    );
    expect(candidates.length).toBeGreaterThan(2000);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.word).sort()).toEqual(naive.map((r) => r.word).sort());
  });

  it("read the primary key, not the trigram index, and a few hundred pages at most", async () => {
    const plan = await lookupPlan(candidates);
    expect(plan.indexes).not.toContain("search_words_trgm_idx");
    expect(plan.pages).toBeLessThan(2_000);
  });

  it("still correct a typo", async () => {
    expect(await correctTokens(["xu", "ly", "nuoc", "thia"])).toEqual(["xu", "ly", "nuoc", "thai"]);
  });
});
