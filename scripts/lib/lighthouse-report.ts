/**
 * What `npm run lighthouse` reads out of a Lighthouse result (scores, failing audits, performance
 * metrics) and how it prints them. Pure functions over the result's JSON, no browser.
 */

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

/** The targets (#15 item 10), in points out of 100. */
export const TARGETS: Record<Category, number> = {
  performance: 90,
  accessibility: 95,
  "best-practices": 95,
  seo: 95,
};

/** The part of a Lighthouse result (LH.Result) this script reads. */
export interface LighthouseResult {
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number; group?: string }[] }>;
  audits: Record<
    string,
    {
      id: string;
      title: string;
      score: number | null;
      scoreDisplayMode: string;
      displayValue?: string;
      numericValue?: number;
      details?: { type?: string; items?: unknown[] };
    }
  >;
}

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  /** CSS selectors of the offending elements, when the audit names nodes (accessibility). */
  targets: string[];
}

export interface PageScores {
  name: string;
  url: string;
  /** Where the browser ended up (a redirect, e.g. to the sign-in page, shows here). */
  finalUrl?: string;
  /** Points out of 100, or null when the category could not be scored (an error). */
  scores: Record<Category, number | null>;
  /** Performance metrics as Lighthouse displays them (FCP, LCP, TBT, CLS, Speed Index). */
  metrics: Record<string, string>;
  failing: FailingAudit[];
  error?: string;
}

const METRICS = [
  ["first-contentful-paint", "FCP"],
  ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"],
  ["cumulative-layout-shift", "CLS"],
  ["speed-index", "SI"],
] as const;

/** Selectors of the nodes an audit names (accessibility audits list them as `node` items). */
function nodeSelectors(details: LighthouseResult["audits"][string]["details"]): string[] {
  const selectors: string[] = [];
  // Most audits list items; a few (the metrics, debug data) hold an object there instead.
  const items = Array.isArray(details?.items) ? details.items : [];
  for (const item of items) {
    const node = (item as { node?: { selector?: string } }).node;
    if (node?.selector) selectors.push(node.selector);
  }
  return selectors.slice(0, 5);
}

/**
 * The scores of one run and every audit that cost points: in each category the weighted audits
 * that did not pass, and for performance also the diagnostics and opportunities scored below 0.9
 * (they carry no weight themselves but explain the metrics that do).
 */
export function summarizeResult(name: string, url: string, lhr: LighthouseResult): PageScores {
  const scores = {} as Record<Category, number | null>;
  const failing: FailingAudit[] = [];
  for (const category of CATEGORIES) {
    const entry = lhr.categories[category];
    scores[category] = entry?.score == null ? null : Math.round(entry.score * 100);
    for (const ref of entry?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null) continue;
      if (ref.group === "metrics") continue; // shown as metrics below
      const counts = ref.weight > 0 || (category === "performance" && audit.scoreDisplayMode !== "informative");
      const threshold = category === "performance" ? 0.9 : 1;
      if (!counts || audit.score >= threshold) continue;
      if (audit.scoreDisplayMode === "notApplicable" || audit.scoreDisplayMode === "manual") continue;
      failing.push({
        category,
        id: audit.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue,
        targets: nodeSelectors(audit.details),
      });
    }
  }
  const metrics: Record<string, string> = {};
  for (const [id, short] of METRICS) {
    const audit = lhr.audits[id];
    if (audit?.displayValue) metrics[short] = audit.displayValue.replace(/\u00a0/g, " ");
  }
  return {
    name,
    url,
    finalUrl: lhr.finalDisplayedUrl,
    scores,
    metrics,
    failing,
    error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined,
  };
}

/** The run whose performance score is the median of the runs (Lighthouse's advice for variance). */
export function medianRun(runs: PageScores[]): PageScores {
  const scored = runs.filter((run) => run.scores.performance !== null);
  if (scored.length === 0) return runs[0]!;
  const sorted = [...scored].sort((a, b) => a.scores.performance! - b.scores.performance!);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export function meetsTargets(page: PageScores): Record<Category, boolean> {
  const result = {} as Record<Category, boolean>;
  for (const category of CATEGORIES) {
    const score = page.scores[category];
    result[category] = score !== null && score >= TARGETS[category];
  }
  return result;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - text.length));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - text.length)) + text;

/** The table of scores, each marked ✓ or ✗ against its target, and a row of the targets. */
export function scoreTable(pages: PageScores[]): string {
  const nameWidth = Math.max(12, ...pages.map((page) => page.name.length));
  const head = [pad("page", nameWidth), ...CATEGORIES.map((c) => padStart(c, 16))].join("  ");
  const lines = [head, "-".repeat(head.length)];
  for (const page of pages) {
    const ok = meetsTargets(page);
    const cells = CATEGORIES.map((c) => {
      const score = page.scores[c];
      return padStart(score === null ? "error" : `${score} ${ok[c] ? "✓" : "✗"}`, 16);
    });
    lines.push([pad(page.name, nameWidth), ...cells].join("  "));
  }
  lines.push("-".repeat(head.length));
  lines.push([pad("target", nameWidth), ...CATEGORIES.map((c) => padStart(`≥ ${TARGETS[c]}`, 16))].join("  "));
  return lines.join("\n");
}

/** Per page: its metrics, and the audits that cost points in a category below its target. */
export function failureReport(pages: PageScores[]): string {
  const lines: string[] = [];
  for (const page of pages) {
    lines.push(`${page.name}  ${page.url}`);
    const landed = page.finalUrl ? new URL(page.finalUrl) : undefined;
    if (landed && `${landed.pathname}${landed.search}` !== page.url)
      lines.push(`  redirected to: ${landed.pathname}${landed.search}`);
    if (page.error) lines.push(`  error: ${page.error}`);
    const metrics = Object.entries(page.metrics)
      .map(([short, value]) => `${short} ${value}`)
      .join(" · ");
    if (metrics) lines.push(`  metrics: ${metrics}`);
    const ok = meetsTargets(page);
    for (const category of CATEGORIES) {
      if (ok[category]) continue;
      for (const audit of page.failing.filter((a) => a.category === category)) {
        const value = audit.displayValue ? ` (${audit.displayValue.replace(/\u00a0/g, " ")})` : "";
        lines.push(`  ${category}: ${audit.id} — ${audit.title}${value}`);
        for (const target of audit.targets) lines.push(`      ${target}`);
      }
    }
  }
  return lines.join("\n");
}
