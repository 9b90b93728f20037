/**
 * The load benchmark's summary JSON, its targets (issue #11, items 3 and 5) and the printed report.
 * Pure, so a unit test can check the JSON's keys. Targets are reported with pass/fail marks, never
 * enforced: missing one does not fail the run.
 */
import { percentile, round1, table } from "../bench/stats";
import type { TargetStats, WorkloadStats } from "./cannon";

/** Uncompressed bytes of the anonymous HTML of three main pages. */
export interface HtmlSizes {
  home: number;
  catalog: number;
  detail: number;
}

export interface LoadRun {
  size: number;
  seed: number;
  connections: number;
  seconds: number;
  staticAsset: WorkloadStats;
  mixed: WorkloadStats;
  signedIn: WorkloadStats;
  html: HtmlSizes;
}

/** The keys the summary JSON always has (issue #11 item 4, plus the HTML sizes of item 3). */
export const SUMMARY_KEYS = [
  "static_rps",
  "mixed_rps",
  "mixed_p50_ms",
  "mixed_p95_ms",
  "mixed_p99_ms",
  "signed_in_rps",
  "signed_in_p95_ms",
  "errors",
  "non2xx",
  "html_home_kb",
  "html_catalog_kb",
  "html_detail_kb",
] as const;

export type Summary = Record<(typeof SUMMARY_KEYS)[number], number> & Record<string, number>;

const rps = (w: TargetStats, seconds: number) => (seconds > 0 ? w.requests / seconds : 0);
const kb = (bytes: number) => bytes / 1024;

/** The last line's figures, rounded to 0.1. */
export function summarize(run: LoadRun): Summary {
  const { staticAsset, mixed, signedIn } = run;
  const all = [staticAsset, mixed, signedIn];
  const figures: Summary = {
    static_rps: rps(staticAsset, staticAsset.seconds),
    mixed_rps: rps(mixed, mixed.seconds),
    mixed_p50_ms: percentile(mixed.latencies, 0.5),
    mixed_p95_ms: percentile(mixed.latencies, 0.95),
    mixed_p99_ms: percentile(mixed.latencies, 0.99),
    signed_in_rps: rps(signedIn, signedIn.seconds),
    signed_in_p95_ms: percentile(signedIn.latencies, 0.95),
    errors: all.reduce((sum, w) => sum + w.errors, 0),
    non2xx: all.reduce((sum, w) => sum + w.non2xx, 0),
    html_home_kb: kb(run.html.home),
    html_catalog_kb: kb(run.html.catalog),
    html_detail_kb: kb(run.html.detail),
    size: run.size,
    seed: run.seed,
    connections: run.connections,
    seconds: run.seconds,
    static_p50_ms: percentile(staticAsset.latencies, 0.5),
    static_p97_5_ms: percentile(staticAsset.latencies, 0.975),
    mixed_p97_5_ms: percentile(mixed.latencies, 0.975),
    signed_in_p50_ms: percentile(signedIn.latencies, 0.5),
    signed_in_p99_ms: percentile(signedIn.latencies, 0.99),
  };
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, round1(value)])) as Summary;
}

type Check = { label: string; actual: string; target: string; pass: boolean };

/** Issue #11: item 5's throughput, latency and error targets; item 3's HTML size. */
export function checks(s: Summary): Check[] {
  const ratio = s.static_rps > 0 ? s.mixed_rps / s.static_rps : 0;
  const html = (label: string, value: number): Check => ({
    label: `HTML ${label} (uncompressed)`,
    actual: `${value.toFixed(1)} KB`,
    target: "< 60 KB",
    pass: value < 60,
  });
  return [
    {
      label: "mixed req/s vs static asset",
      actual: `${s.mixed_rps.toFixed(1)} (${ratio.toFixed(ratio < 0.1 ? 3 : 2)} ×)`,
      target: `≥ ${(s.static_rps / 2).toFixed(1)} (0.5 ×)`,
      pass: ratio >= 0.5,
    },
    { label: "mixed p95", actual: `${s.mixed_p95_ms.toFixed(1)} ms`, target: "≤ 300 ms", pass: s.mixed_p95_ms <= 300 },
    {
      label: "signed-in p95",
      actual: `${s.signed_in_p95_ms.toFixed(1)} ms`,
      target: "≤ 800 ms",
      pass: s.signed_in_p95_ms <= 800,
    },
    { label: "errors", actual: String(s.errors), target: "0", pass: s.errors === 0 },
    { label: "non-2xx", actual: String(s.non2xx), target: "0", pass: s.non2xx === 0 },
    html("home", s.html_home_kb),
    html("catalog", s.html_catalog_kb),
    html("detail", s.html_detail_kb),
  ];
}

const ms = (samples: number[], p: number) => round1(percentile(samples, p)).toFixed(1);

function row(label: string, stats: TargetStats, seconds: number, errors: string): string[] {
  return [
    label,
    rps(stats, seconds).toFixed(1),
    ms(stats.latencies, 0.5),
    ms(stats.latencies, 0.95),
    ms(stats.latencies, 0.975),
    ms(stats.latencies, 0.99),
    errors,
    String(stats.non2xx),
    stats.requests > 0 ? Math.round(stats.bytes / stats.requests).toLocaleString("en") : "0",
  ];
}

/** A workload's total, then its targets, busiest first (a single-URL workload has no breakdown). */
function rows(label: string, w: WorkloadStats): string[][] {
  const head = row(label, w, w.seconds, String(w.errors));
  if (w.targets.length <= 1) return [head];
  const targets = [...w.targets].sort((a, b) => b.requests - a.requests);
  return [head, ...targets.map((t) => row(`  ${t.name}`, t, w.seconds, "–"))];
}

/** Non-2xx answers per target, e.g. "mixed public › search: 404 × 3", so a failing page is named. */
function failures(run: LoadRun): string[] {
  const lines: string[] = [];
  const workloads: [string, WorkloadStats][] = [
    ["static asset", run.staticAsset],
    ["mixed public", run.mixed],
    ["signed-in", run.signedIn],
  ];
  for (const [label, w] of workloads) {
    for (const t of w.targets) {
      const bad = [...t.statuses].filter(([status]) => status < 200 || status > 299);
      if (bad.length) lines.push(`${label} › ${t.name}: ${bad.map(([s, n]) => `${s} × ${n}`).join(", ")}`);
    }
  }
  return lines;
}

export function report(run: LoadRun, s: Summary): string {
  const results = table(
    ["target", "req/s", "p50 ms", "p95 ms", "p97.5 ms", "p99 ms", "errors", "non-2xx", "mean bytes"],
    [
      ...rows("static asset (JS chunk)", run.staticAsset),
      ...rows("mixed public", run.mixed),
      ...rows("signed-in", run.signedIn),
    ],
  );
  const targets = table(
    ["target (issue #11)", "actual", "target", "result"],
    checks(s).map((c) => [c.label, c.actual, c.target, c.pass ? "pass" : "FAIL"]),
  );
  const bad = failures(run);
  return [
    `${run.size.toLocaleString("en")} offers + ${run.size.toLocaleString("en")} demands, ${run.connections} connections, ` +
      `${run.seconds} s per workload`,
    "",
    results,
    ...(bad.length ? ["", "non-2xx answers:", ...bad.map((line) => `  ${line}`)] : []),
    "",
    targets,
  ].join("\n");
}
