/**
 * What the load benchmark requests: two weighted workloads (anonymous visitors, signed-in members)
 * whose targets build a URL from the generated data with a seeded PRNG. Pure: no I/O, so the mix is
 * the same on every machine and a unit test can check it (tests/unit/load-workload.test.ts).
 *
 * Paths are the app's real ones: Vietnamese, the default locale, has no prefix (`/technologies`;
 * `/vi/...` would answer with a redirect), English is under `/en`. Weights are per 100 requests and
 * follow what a public exchange sees: mostly catalog browsing and detail pages reached from search
 * engines, some search, a little of everything else.
 */
import { LOCATION_CODES } from "@/lib/geo/locations";
import { TAXONOMY } from "@/prisma/data/taxonomy";
import { chance, int, pick, weighted, type Rng } from "../bench/prng";
import type { BenchQuery } from "../bench/queries";
import { canonicalCatalogQuery } from "@/lib/catalog/schemas";

/** A signed-in member: their roles decide which workspace pages they may open. */
export interface LoadUser {
  email: string;
  roles: string[];
  /** The `Cookie` header a browser would send after signing in. */
  cookie: string;
}

/** Everything the targets draw from; read from the generated database (scripts/load/seed.ts). */
export interface LoadData {
  offerSlugs: string[];
  demandSlugs: string[];
  organizationSlugs: string[];
  expertSlugs: string[];
  /** The benchmark's query mix (scripts/bench/queries.ts): what people type into the search box. */
  queries: BenchQuery[];
  users: LoadUser[];
}

export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
}

export interface Target {
  name: string;
  weight: number;
  build(rng: Rng, data: LoadData): LoadRequest;
}

const FIELDS = TAXONOMY.filter((row) => !row.parentCode).map((row) => row.code);
const SECTORS = TAXONOMY.filter((row) => row.parentCode).map((row) => row.code);
const HANOI = LOCATION_CODES.filter((code) => code.startsWith("HN"));
const OFFER_SORTS = ["updated", "trl", "price", "relevance"] as const;
const DEMAND_SORTS = ["updated", "trl", "budget", "relevance"] as const;
const ORG_TYPES = ["UNIVERSITY", "INSTITUTE", "ENTERPRISE", "INTERMEDIARY", "STATE_AGENCY"] as const;
const JSON_ACCEPT = { accept: "application/json" };

/** One visitor in ten reads the English site. */
const locale = (rng: Rng) => (chance(rng, 0.1) ? "/en" : "");

/** Page 1 most of the time, sometimes 2 or 3, as people page through a list. */
const page = (rng: Rng) =>
  weighted(rng, [
    [1, 70],
    [2, 20],
    [3, 10],
  ] as const);

const withQuery = (path: string, query: URLSearchParams) => {
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

/**
 * Skewed towards the front of the list (a few listings are popular, most are read now and then):
 * u² puts a tenth of the picks on the first 1% of the list, yet every entry can come up.
 */
function popular<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("no items to pick from: the generated database is empty");
  const u = rng();
  return items[Math.min(items.length - 1, Math.floor(u * u * items.length))] as T;
}

/** A search query's filters as URL parameters (the names the catalog and the API read). */
function filterParams(filters: Record<string, unknown>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) query.set(key, value === true ? "1" : String(value));
  return query;
}

/**
 * Catalog filters as the filter panel produces them: a field or a sector, a readiness range, a
 * place, verified only, another sort, sometimes words in the box; page 1–3.
 */
function catalogParams(rng: Rng, data: LoadData, kind: "offers" | "demands"): URLSearchParams {
  const query = new URLSearchParams();
  if (chance(rng, 0.15)) {
    const typed = data.queries.filter((q) => q.q !== "");
    if (typed.length > 0) query.set("q", pick(rng, typed).q);
  }
  if (chance(rng, 0.5)) query.set("sector", chance(rng, 0.4) ? pick(rng, FIELDS) : pick(rng, SECTORS));
  if (chance(rng, 0.3)) {
    const min = int(rng, 1, 6);
    query.set("trlMin", String(min));
    if (chance(rng, 0.5)) query.set("trlMax", String(int(rng, min + 1, 9)));
  }
  if (chance(rng, 0.2)) query.set("location", chance(rng, 0.5) ? "HN" : pick(rng, HANOI));
  if (chance(rng, 0.2)) query.set("verified", "1");
  if (chance(rng, 0.1)) query.set("orgType", pick(rng, ORG_TYPES));
  if (chance(rng, 0.15)) query.set("sort", pick(rng, kind === "offers" ? OFFER_SORTS : DEMAND_SORTS));
  const p = page(rng);
  if (p > 1) query.set("page", String(p));
  // As the browser ends up after the catalog's redirect to its canonical URL (e.g. a sort that is
  // the default is left out): a request autocannon does not follow would count as non-2xx.
  const canonical = canonicalCatalogQuery(kind === "offers" ? "offer" : "demand", query);
  return canonical.status === "redirect" ? new URLSearchParams(canonical.search) : query;
}

/** The search box: the benchmark's queries, on the tab of their kind or on the default one. */
function searchPath(rng: Rng, data: LoadData): string {
  const typed = data.queries.filter((q) => q.q !== "");
  const { q, kind } = pick(rng, typed);
  const query = new URLSearchParams({ q });
  if (chance(rng, 0.7)) query.set("tab", kind);
  if (chance(rng, 0.15)) query.set("page", "2");
  return withQuery(`${locale(rng)}/search`, query);
}

/** The public API with the catalog's filters, or a filtered query from the benchmark mix. */
function apiPath(rng: Rng, data: LoadData, kind: "offers" | "demands"): LoadRequest {
  const filtered = data.queries.filter((q) => q.kind === kind && Object.keys(q.filters).length > 0);
  const query =
    filtered.length > 0 && chance(rng, 0.3)
      ? filterParams(pick(rng, filtered).filters)
      : catalogParams(rng, data, kind);
  return { path: withQuery(`/api/v1/${kind}`, query), headers: JSON_ACCEPT };
}

/** Anonymous visitors. */
export const PUBLIC_WORKLOAD: readonly Target[] = [
  {
    name: "catalog: technologies",
    weight: 18,
    build: (rng, data) => ({ path: withQuery(`${locale(rng)}/technologies`, catalogParams(rng, data, "offers")) }),
  },
  {
    name: "catalog: demands",
    weight: 10,
    build: (rng, data) => ({ path: withQuery(`${locale(rng)}/demands`, catalogParams(rng, data, "demands")) }),
  },
  { name: "search", weight: 14, build: (rng, data) => ({ path: searchPath(rng, data) }) },
  {
    name: "detail: technology",
    weight: 22,
    build: (rng, data) => ({ path: `${locale(rng)}/technologies/${popular(rng, data.offerSlugs)}` }),
  },
  {
    name: "detail: demand",
    weight: 10,
    build: (rng, data) => ({ path: `${locale(rng)}/demands/${popular(rng, data.demandSlugs)}` }),
  },
  { name: "home", weight: 8, build: (rng) => ({ path: locale(rng) || "/" }) },
  {
    name: "organizations",
    weight: 3,
    build: (rng) => {
      const query = new URLSearchParams();
      if (chance(rng, 0.3)) query.set("orgType", pick(rng, ORG_TYPES));
      if (chance(rng, 0.2)) query.set("verified", "1");
      const p = page(rng);
      if (p > 1) query.set("page", String(p));
      return { path: withQuery(`${locale(rng)}/organizations`, query) };
    },
  },
  {
    name: "organization profile",
    weight: 3,
    build: (rng, data) => ({ path: `${locale(rng)}/organizations/${popular(rng, data.organizationSlugs)}` }),
  },
  {
    name: "experts",
    weight: 2,
    build: (rng, data) =>
      chance(rng, 0.6)
        ? {
            path: withQuery(
              `${locale(rng)}/experts`,
              chance(rng, 0.5) ? new URLSearchParams({ sector: pick(rng, FIELDS) }) : new URLSearchParams(),
            ),
          }
        : { path: `${locale(rng)}/experts/${pick(rng, data.expertSlugs)}` },
  },
  { name: "statistics", weight: 2, build: (rng) => ({ path: `${locale(rng)}/statistics` }) },
  { name: "api: offers", weight: 5, build: (rng, data) => apiPath(rng, data, "offers") },
  { name: "api: demands", weight: 3, build: (rng, data) => apiPath(rng, data, "demands") },
];

/** A member whose roles include `role` (any member when none does: the page then answers 404). */
function member(rng: Rng, data: LoadData, role?: string): LoadUser {
  const able = role ? data.users.filter((u) => u.roles.includes(role)) : data.users;
  return pick(rng, able.length > 0 ? able : data.users);
}

const signedIn = (path: string, user: LoadUser): LoadRequest => ({ path, headers: { cookie: user.cookie } });

/** Signed-in members of the provider's and the seeker's organizations, working in their workspace. */
export const SIGNED_IN_WORKLOAD: readonly Target[] = [
  { name: "workspace", weight: 20, build: (rng, data) => signedIn(`${locale(rng)}/account`, member(rng, data)) },
  {
    name: "own offers",
    weight: 12,
    build: (rng, data) =>
      signedIn(`${locale(rng)}/account/offers${chance(rng, 0.2) ? "?page=2" : ""}`, member(rng, data, "PROVIDER")),
  },
  {
    name: "own demands",
    weight: 12,
    build: (rng, data) =>
      signedIn(`${locale(rng)}/account/demands${chance(rng, 0.2) ? "?page=2" : ""}`, member(rng, data, "SEEKER")),
  },
  {
    name: "matches",
    weight: 22,
    build: (rng, data) =>
      signedIn(`${locale(rng)}/account/matches${chance(rng, 0.2) ? "?page=2" : ""}`, member(rng, data)),
  },
  {
    name: "notifications",
    weight: 14,
    build: (rng, data) => signedIn(`${locale(rng)}/account/notifications`, member(rng, data)),
  },
  {
    name: "detail (signed in)",
    weight: 12,
    build: (rng, data) => signedIn(`${locale(rng)}/technologies/${popular(rng, data.offerSlugs)}`, member(rng, data)),
  },
  {
    name: "catalog (signed in)",
    weight: 8,
    build: (rng, data) =>
      signedIn(withQuery(`${locale(rng)}/technologies`, catalogParams(rng, data, "offers")), member(rng, data)),
  },
];

export interface Pick {
  target: string;
  request: LoadRequest;
}

/**
 * Draws requests from `workload`, weighted, from one PRNG stream: the same seed gives the same
 * sequence of requests (which connection sends which one depends on timing, not on the mix).
 */
export function picker(workload: readonly Target[], data: LoadData, rng: Rng): () => Pick {
  const pairs = workload.map((target) => [target, target.weight] as const);
  return () => {
    const target = weighted(rng, pairs);
    return { target: target.name, request: target.build(rng, data) };
  };
}
