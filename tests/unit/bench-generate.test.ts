import { describe, expect, it } from "vitest";
import { LOCATION_CODES } from "@/lib/geo/locations";
import { TAXONOMY } from "@/prisma/data/taxonomy";
import {
  batches,
  buildDemand,
  buildOffer,
  buildOrganizations,
  splitOrganizations,
  STATUSES,
  type BenchDemand,
  type BenchOffer,
} from "@/scripts/bench/generate";
import { buildQueryMix, buildSuggestPrefixes } from "@/scripts/bench/queries";

const NOW = new Date("2026-11-22T00:00:00Z");
const SECTOR_CODES = new Set(TAXONOMY.filter((row) => row.parentCode).map((row) => row.code));

function dataset(seed: number, n = 300) {
  const orgs = buildOrganizations(seed, 40, NOW);
  const { providers, seekers } = splitOrganizations(orgs);
  const offers = [...batches(seed, "offers", n, 64, (rng, i) => buildOffer(rng, i, providers, NOW))].flat();
  const demands = [...batches(seed, "demands", n, 64, (rng, i) => buildDemand(rng, i, seekers, NOW))].flat();
  return { orgs, offers, demands };
}

const texts = (row: BenchOffer | BenchDemand) => [row.titleVi, row.summaryVi, row.description, ...row.keywords];

describe("benchmark generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = dataset(42);
    const b = dataset(42);
    expect(b).toEqual(a);
    const c = dataset(7);
    expect(c.offers.map((o) => o.titleVi)).not.toEqual(a.offers.map((o) => o.titleVi));
  });

  it("does not depend on the batch size", () => {
    const orgs = buildOrganizations(1, 20, NOW);
    const build = (size: number) =>
      [...batches(1, "offers", 100, size, (rng, i) => buildOffer(rng, i, orgs, NOW))].flat();
    expect(build(7)).toEqual(build(100));
  });

  it("writes NFC Vietnamese with diacritics", () => {
    const { offers, demands } = dataset(42);
    const all = [...offers, ...demands].flatMap(texts);
    for (const text of all) expect(text).toBe(text.normalize("NFC"));
    const vietnamese = all.filter((t) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(t));
    expect(vietnamese.length / all.length).toBeGreaterThan(0.9);
  });

  it("fills every listing field within the domain's rules", () => {
    const { orgs, offers, demands } = dataset(42);
    const orgIds = new Set(orgs.map((o) => o.id));
    for (const row of [...offers, ...demands]) {
      expect(SECTOR_CODES.has(row.sectorCode)).toBe(true);
      expect(STATUSES).toContain(row.status);
      expect(LOCATION_CODES).toContain(row.location);
      expect(orgIds.has(row.organizationId)).toBe(true);
      expect(row.keywords.length).toBeGreaterThanOrEqual(3);
      expect(row.keywords.length).toBeLessThanOrEqual(6);
      expect(row.titleVi.length).toBeLessThanOrEqual(200);
      const sentences = row.description.split(/(?<=\.)\s+/).filter(Boolean).length;
      expect(sentences).toBeGreaterThanOrEqual(3);
      expect(sentences).toBeLessThanOrEqual(7); // 3–6 plus, rarely, the rare-term sentence
      if (row.status === "PUBLISHED") {
        expect(row.publishedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(row.expiresAt!.getTime()).toBeGreaterThan(NOW.getTime());
      }
    }
    for (const offer of offers) {
      expect(offer.trl).toBeGreaterThanOrEqual(1);
      expect(offer.trl).toBeLessThanOrEqual(9);
      if (offer.priceType === "NEGOTIABLE") expect(offer.priceMin).toBeNull();
      else expect(offer.priceMax!).toBeGreaterThanOrEqual(offer.priceMin!);
    }
    const published = [...offers, ...demands].filter((r) => r.status === "PUBLISHED").length;
    expect(published / (offers.length + demands.length)).toBeGreaterThan(0.88);
  });

  it("gives unique slugs and ids", () => {
    const { offers, demands, orgs } = dataset(42);
    for (const rows of [offers, demands, orgs]) {
      expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    }
  });
});

describe("benchmark query mix", () => {
  it("has at least 60 deterministic queries covering every category", () => {
    const mix = buildQueryMix(42);
    expect(mix.length).toBeGreaterThanOrEqual(60);
    expect(buildQueryMix(42)).toEqual(mix);
    expect(new Set(mix.map((q) => q.category)).size).toBe(9);
  });

  it("puts sentences and synonyms (the relaxed path) in at least a fifth of the mix", () => {
    const mix = buildQueryMix(42);
    const relaxed = mix.filter((q) => q.category === "question" || q.category === "synonym");
    expect(relaxed.length / mix.length).toBeGreaterThanOrEqual(0.2);
  });

  it("suggests with prefixes of 2 to 12 characters", () => {
    for (const prefix of buildSuggestPrefixes()) {
      expect([...prefix].length).toBeGreaterThanOrEqual(2);
      expect([...prefix].length).toBeLessThanOrEqual(12);
    }
  });
});
