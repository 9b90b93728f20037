import { describe, expect, it } from "vitest";
import { canonicalCatalogQuery } from "@/lib/catalog/schemas";
import { stream } from "@/scripts/bench/prng";
import { buildQueryMix } from "@/scripts/bench/queries";
import type { WorkloadStats } from "@/scripts/load/cannon";
import { checks, summarize, SUMMARY_KEYS } from "@/scripts/load/report";
import { picker, PUBLIC_WORKLOAD, SIGNED_IN_WORKLOAD, type LoadData, type Target } from "@/scripts/load/workload";

const DATA: LoadData = {
  offerSlugs: Array.from({ length: 500 }, (_, i) => `cong-nghe-${i}`),
  demandSlugs: Array.from({ length: 300 }, (_, i) => `nhu-cau-${i}`),
  organizationSlugs: ["vien-a", "truong-b", "cong-ty-c"],
  expertSlugs: ["nguyen-van-a-0", "tran-thi-b-1"],
  queries: buildQueryMix(42),
  users: [
    { email: "p@load.vn", roles: ["PROVIDER"], cookie: "next-auth.session-token=provider" },
    { email: "s@load.vn", roles: ["SEEKER"], cookie: "next-auth.session-token=seeker" },
  ],
};

const draw = (workload: readonly Target[], seed: number, n: number) => {
  const next = picker(workload, DATA, stream(seed, "test"));
  return Array.from({ length: n }, () => next());
};

describe.each([
  ["public", PUBLIC_WORKLOAD],
  ["signed-in", SIGNED_IN_WORKLOAD],
])("the %s workload", (_name, workload) => {
  it("draws the same requests for the same seed, and others for another seed", () => {
    expect(draw(workload, 42, 300)).toEqual(draw(workload, 42, 300));
    expect(draw(workload, 7, 300)).not.toEqual(draw(workload, 42, 300));
  });

  it("reaches every target, roughly in proportion to its weight", () => {
    const n = 20_000;
    const counts = new Map<string, number>();
    for (const { target } of draw(workload, 1, n)) counts.set(target, (counts.get(target) ?? 0) + 1);
    const total = workload.reduce((sum, t) => sum + t.weight, 0);
    expect([...counts.keys()].sort()).toEqual(workload.map((t) => t.name).sort());
    for (const t of workload) {
      const share = (counts.get(t.name) ?? 0) / n;
      expect(Math.abs(share - t.weight / total)).toBeLessThan(0.02);
    }
  });

  it("builds app paths only (no /vi prefix, which redirects), each a valid URL", () => {
    for (const { request } of draw(workload, 3, 2000)) {
      expect(request.path).toMatch(/^\/(?!vi\b)/);
      expect(() => new URL(request.path, "http://localhost")).not.toThrow();
    }
  });
});

describe("the public workload", () => {
  it("spreads detail pages over many listings, and sends API requests as JSON", () => {
    const picks = draw(PUBLIC_WORKLOAD, 5, 20_000);
    const details = new Set(picks.filter((p) => p.target === "detail: technology").map((p) => p.request.path));
    expect(details.size).toBeGreaterThan(200);
    const api = picks.filter((p) => p.target.startsWith("api:"));
    expect(
      api.every((p) => p.request.path.startsWith("/api/v1/") && p.request.headers?.accept === "application/json"),
    ).toBe(true);
  });
});

describe("the signed-in workload", () => {
  it("sends a member's cookie with every request, and own lists only to members allowed to see them", () => {
    for (const { target, request } of draw(SIGNED_IN_WORKLOAD, 9, 2000)) {
      expect(request.headers?.cookie).toMatch(/^next-auth\.session-token=/);
      if (target === "own offers") expect(request.headers?.cookie).toContain("provider");
      if (target === "own demands") expect(request.headers?.cookie).toContain("seeker");
    }
  });
});

const stats = (name: string, latencies: number[], extra: Partial<WorkloadStats> = {}): WorkloadStats => ({
  name,
  requests: latencies.length,
  non2xx: 0,
  bytes: latencies.length * 1000,
  latencies,
  statuses: new Map([[200, latencies.length]]),
  seconds: 10,
  errors: 0,
  timeouts: 0,
  targets: [],
  ...extra,
});

describe("the summary", () => {
  const run = {
    size: 2000,
    seed: 42,
    connections: 50,
    seconds: 10,
    staticAsset: stats(
      "static",
      Array.from({ length: 1000 }, () => 5),
    ),
    mixed: stats(
      "mixed",
      Array.from({ length: 400 }, (_, i) => i + 1),
      { non2xx: 2, errors: 1 },
    ),
    signedIn: stats(
      "signed-in",
      Array.from({ length: 100 }, (_, i) => 10 * (i + 1)),
    ),
    html: { home: 61_440, catalog: 30_720, detail: 20_000 },
  };

  it("has every required key, as numbers", () => {
    const summary = summarize(run);
    for (const key of SUMMARY_KEYS) expect(typeof summary[key], key).toBe("number");
    expect(summary).toMatchObject({
      static_rps: 100,
      mixed_rps: 40,
      mixed_p50_ms: 200,
      mixed_p95_ms: 380,
      mixed_p99_ms: 396,
      signed_in_rps: 10,
      signed_in_p95_ms: 950,
      errors: 1,
      non2xx: 2,
      html_home_kb: 60,
      html_catalog_kb: 30,
    });
  });

  it("marks each of the issue's targets pass or fail", () => {
    const marks = Object.fromEntries(checks(summarize(run)).map((c) => [c.label, c.pass]));
    expect(marks).toEqual({
      "mixed req/s vs static asset": false,
      "mixed p95": false,
      "signed-in p95": false,
      errors: false,
      "non-2xx": false,
      "HTML home (uncompressed)": false,
      "HTML catalog (uncompressed)": true,
      "HTML detail (uncompressed)": true,
    });
  });
});

describe("catalog requests", () => {
  it("are the canonical URLs the catalog answers with 200, never one it redirects", () => {
    let catalogs = 0;
    for (const { target, request } of draw(PUBLIC_WORKLOAD, 7, 2000)) {
      if (!target.startsWith("catalog:")) continue;
      catalogs += 1;
      const url = new URL(request.path, "http://x");
      const kind = url.pathname.endsWith("/technologies") ? "offer" : "demand";
      expect(canonicalCatalogQuery(kind, url.searchParams).status, request.path).not.toBe("redirect");
    }
    expect(catalogs).toBeGreaterThan(100);
  });
});
