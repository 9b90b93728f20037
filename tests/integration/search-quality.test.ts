/**
 * Search and matching quality against a labelled set (tests/quality): nDCG@10 of searchListings over
 * graded judgments, precision@5 of findMatchesForDemand over a broker's picks, compared with naive
 * baselines. A drop below the thresholds means a ranking change made results worse for users.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { findMatchesForDemand } from "@/lib/matching/engine";
import { mean, ndcgAt, precisionAt } from "@/lib/search/metrics";
import { searchListings } from "@/lib/search/queries";
import { randomNdcg, sameSectorNewest, titleIlikeSearch } from "../quality/baselines";
import {
  DEMANDS,
  MATCH_JUDGMENTS,
  OFFERS,
  SEARCH_QUERIES,
  datasetProblems,
  type SearchQuerySpec,
} from "../quality/dataset";
import { seedQualitySet, type SeededQualitySet } from "../quality/seed";

/**
 * Mean nDCG@10 over the labelled queries (77: the 35 of the first search issue and 42 questions,
 * synonyms and English queries of issue #14, judged by reading the listings before the relaxed
 * search existed). Reference points: a random ranking scores 0.051, "title ILIKE '%q%', newest first"
 * 0.252 (it finds nothing for any sentence or synonym). On the first 35 the engine scored 0.942; with
 * the 42 new ones, strict search alone scored 0.77 (most sentences found nothing) and the relaxed
 * search with the curated thesaurus 0.931 when this was set. 0.93 is the target issue #14 set:
 * one sentence or synonym query losing its best listing from the top 3 (≈ −0.4 on it, −0.005 on the
 * mean) fails it, which is the point — the margin for re-weighting is in the per-class floors below.
 */
const MIN_MEAN_NDCG = 0.93;
/**
 * Mean nDCG@10 of the question and synonym classes (15 and 18 queries), which only the relaxed
 * search and the thesaurus answer: 0.935 and 0.867 when set; issue #14 asks for at least 0.85.
 */
const MIN_CLASS_NDCG: Record<string, number> = { question: 0.85, synonym: 0.85 };
/**
 * Mean precision@5 over the 12 labelled demands. Each has 2–4 good offers, so the best possible
 * mean is 0.467 (shown as "ceiling"); "same sector, newest first" scores 0.283 and a random pick
 * ≈ 0.02. The engine scored 0.45 (one good offer missed in total) when this was set. Each good
 * offer pushed out of a top 5 costs 0.2/12 ≈ 0.017, so 0.40 tolerates three more such losses, no more.
 */
const MIN_MEAN_P5 = 0.4;

let seeded: SeededQualitySet;
const id = (key: string) => {
  const found = seeded.ids.get(key);
  if (!found) throw new Error(`not seeded: ${key}`);
  return found;
};
const keys = (ids: string[]) => ids.map((i) => seeded.keyOf.get(i) ?? i);
const byId = (judgments: Record<string, number>) =>
  Object.fromEntries(Object.entries(judgments).map(([k, g]) => [id(k), g]));
const round = (x: number) => Math.round(x * 1000) / 1000;

async function engineTop(q: string, pageSize = 10): Promise<string[]> {
  const result = await searchListings("offers", { q, page: 1, pageSize });
  return result.items.map((item) => item.id);
}

interface QueryScore {
  spec: SearchQuerySpec;
  top: string[];
  engine: number;
  baseline: number;
  random: number;
}

interface DemandScore {
  demand: string;
  top: string[];
  p5: number;
  ceiling: number;
  baseline: number;
}

/** For the engine's author: what a weak query returned (key:grade) and which relevant listings it missed. */
function explain(s: QueryScore): string {
  const returned = keys(s.top);
  const got = returned.map((k) => `${k}:${s.spec.judgments[k] ?? 0}`).join(" ");
  const missed = Object.entries(s.spec.judgments)
    .filter(([k]) => !returned.includes(k))
    .map(([k, g]) => `${k}:${g}`)
    .join(" ");
  return `weak "${s.spec.q}" nDCG@10=${round(s.engine)}\n  top10: ${got || "(nothing)"}\n  missed: ${missed || "-"}`;
}

let queryScores: QueryScore[] = [];
let demandScores: DemandScore[] = [];

beforeAll(async () => {
  seeded = await seedQualitySet(db);
  // The vocabulary's counts, as the refresh job keeps them (publication only adds new words).
  await pool().query("SELECT techex_refresh_search_words()");
  const published = OFFERS.map((o) => id(o.key));
  queryScores = [];
  for (const spec of SEARCH_QUERIES) {
    const judgments = byId(spec.judgments);
    const top = await engineTop(spec.q);
    queryScores.push({
      spec,
      top,
      engine: ndcgAt(top, judgments, 10),
      baseline: ndcgAt(await titleIlikeSearch(pool(), spec.q), judgments, 10),
      random: randomNdcg(published, judgments, 10),
    });
  }
  demandScores = [];
  for (const m of MATCH_JUDGMENTS) {
    const relevant = m.relevant.map(id);
    const top = (await findMatchesForDemand(id(m.demand), 5)).map((x) => x.offerId);
    demandScores.push({
      demand: m.demand,
      top,
      p5: precisionAt(top, relevant, 5),
      ceiling: Math.min(relevant.length, 5) / 5,
      baseline: precisionAt(await sameSectorNewest(pool(), id(m.demand), 5), relevant, 5),
    });
  }
}, 120_000);

describe("the labelled set", () => {
  it("is consistent and large enough to mean something", () => {
    expect(datasetProblems()).toEqual([]);
    expect(OFFERS.length).toBeGreaterThanOrEqual(80);
    expect(DEMANDS.length).toBeGreaterThanOrEqual(25);
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(60);
    const count = (cls: string) => SEARCH_QUERIES.filter((q) => q.class === cls).length;
    expect(count("question")).toBeGreaterThanOrEqual(10);
    expect(count("synonym")).toBeGreaterThanOrEqual(10);
    expect(count("english")).toBeGreaterThanOrEqual(6);
    expect(MATCH_JUDGMENTS.length).toBeGreaterThanOrEqual(10);
  });
});

describe("search quality (nDCG@10 over graded judgments)", () => {
  it("ranks well on average, finds something for every query and beats the naive baselines", () => {
    console.table(
      queryScores.map((s) => ({
        query: s.spec.q,
        class: s.spec.class,
        nDCG10: round(s.engine),
        titleIlike: round(s.baseline),
        random: round(s.random),
        top3: keys(s.top.slice(0, 3)).join(", "),
      })),
    );
    const byClass = new Map<string, number[]>();
    for (const s of queryScores) byClass.set(s.spec.class, [...(byClass.get(s.spec.class) ?? []), s.engine]);
    console.table(
      [...byClass].map(([cls, values]) => ({ class: cls, queries: values.length, meanNDCG10: round(mean(values)) })),
    );
    const engine = mean(queryScores.map((s) => s.engine));
    const baseline = mean(queryScores.map((s) => s.baseline));
    const random = mean(queryScores.map((s) => s.random));
    console.log(`mean nDCG@10 — engine ${round(engine)}, title ILIKE ${round(baseline)}, random ${round(random)}`);
    for (const s of queryScores.filter((x) => x.engine < 0.9)) console.log(explain(s));

    expect(queryScores.filter((s) => s.engine === 0).map((s) => s.spec.q)).toEqual([]);
    expect(engine).toBeGreaterThanOrEqual(MIN_MEAN_NDCG);
    for (const [cls, floor] of Object.entries(MIN_CLASS_NDCG)) {
      const values = byClass.get(cls) ?? [];
      expect(values.length, cls).toBeGreaterThanOrEqual(10);
      expect(mean(values), cls).toBeGreaterThanOrEqual(floor);
    }
    expect(engine).toBeGreaterThan(baseline);
    expect(engine).toBeGreaterThan(random);
  });

  it("gives the same top results with or without diacritics, in capitals and in NFD", async () => {
    const nfc = "xử lý nước thải";
    const forms = [nfc, "xu ly nuoc thai", "XU LY NUOC THAI", "XỬ LÝ NƯỚC THẢI", nfc.normalize("NFD")];
    expect(nfc.normalize("NFD")).not.toBe(nfc);
    const tops = await Promise.all(forms.map((q) => engineTop(q)));
    const reference = tops[0]!;
    expect(reference.length).toBeGreaterThan(0);
    for (const top of tops) {
      expect(new Set(keys(top))).toEqual(new Set(keys(reference)));
      expect(keys(top)[0]).toBe(keys(reference)[0]);
    }
  });

  it("still finds the intended listing in the top 3 despite a one-letter typo", () => {
    const typos = queryScores.filter((s) => s.spec.class === "typo");
    expect(typos.length).toBeGreaterThanOrEqual(3);
    for (const s of typos) {
      const intended = Object.entries(s.spec.judgments)
        .filter(([, g]) => g === 3)
        .map(([k]) => k);
      expect({ q: s.spec.q, top3: keys(s.top.slice(0, 3)) }).toEqual({
        q: s.spec.q,
        top3: expect.arrayContaining(intended),
      });
    }
  });
});

describe("matching quality (precision@5 over a broker's picks)", () => {
  it("puts genuinely good offers first for every labelled demand and beats a sector filter", () => {
    console.table(
      demandScores.map((s) => ({
        demand: s.demand,
        p5: round(s.p5),
        ceiling: round(s.ceiling),
        sameSectorNewest: round(s.baseline),
        top5: keys(s.top).join(", "),
      })),
    );
    const engine = mean(demandScores.map((s) => s.p5));
    const ceiling = mean(demandScores.map((s) => s.ceiling));
    const baseline = mean(demandScores.map((s) => s.baseline));
    console.log(
      `mean precision@5 — engine ${round(engine)} (ceiling ${round(ceiling)}), same sector newest ${round(baseline)}`,
    );

    expect(demandScores.filter((s) => s.p5 === 0).map((s) => s.demand)).toEqual([]);
    expect(engine).toBeGreaterThanOrEqual(MIN_MEAN_P5);
    expect(engine).toBeGreaterThan(baseline);
  });
});
