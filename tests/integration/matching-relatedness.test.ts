/**
 * The minimum relatedness (lib/matching/score.ts MIN_RELATEDNESS) against the labelled set
 * (tests/quality): no pair a broker picked may fall below it, and what the engine suggests is related
 * through shared words. precision@5 itself is tests/integration/search-quality.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { findMatchesForDemand } from "@/lib/matching/engine";
import { MIN_RELATEDNESS } from "@/lib/matching/score";
import { MATCH_JUDGMENTS } from "../quality/dataset";
import { seedQualitySet, type SeededQualitySet } from "../quality/seed";

let seeded: SeededQualitySet;
const id = (key: string) => seeded.ids.get(key)!;

beforeAll(async () => {
  seeded = await seedQualitySet(db);
  await pool().query("SELECT techex_refresh_search_words()");
}, 120_000);

describe("the minimum relatedness on the labelled set", () => {
  it("keeps every offer a broker picked, and suggests nothing unrelated", async () => {
    const picks: { pair: string; similarity: number }[] = [];
    const missing: string[] = [];
    for (const judgment of MATCH_JUDGMENTS) {
      const found = await findMatchesForDemand(id(judgment.demand), 100);
      expect(found.length).toBeGreaterThan(0);
      for (const m of found) expect(m.explanation.text.similarity).toBeGreaterThanOrEqual(MIN_RELATEDNESS);
      for (const key of judgment.relevant) {
        const pick = found.find((m) => m.offerId === id(key));
        if (pick) picks.push({ pair: `${judgment.demand} → ${key}`, similarity: pick.explanation.text.similarity });
        else missing.push(`${judgment.demand} → ${key}`);
      }
    }
    expect(missing).toEqual([]);
    const lowest = Math.min(...picks.map((p) => p.similarity));
    console.log(
      `lowest similarity of a broker's pick ${lowest} (minimum ${MIN_RELATEDNESS}):`,
      picks.filter((p) => p.similarity === lowest).map((p) => p.pair),
    );
    expect(lowest).toBeGreaterThanOrEqual(MIN_RELATEDNESS);
  });
});
