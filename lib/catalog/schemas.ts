import { z } from "zod";
import { LOCATION_CODES } from "@/lib/geo/locations";
import { IpStatus, OrgType, TransferForm } from "@/lib/generated/prisma/enums";
import { DEMAND_SORTS, OFFER_SORTS } from "@/lib/search/filters";
import { PageSchema } from "@/lib/page-number";
import { encodeListKey, explicitQuery, type ListQuery } from "@/lib/cache/list-key";
import { defaultSort, firstValues, isCanonical, toQueryString, type QueryInput } from "./query-input";

/**
 * Catalog filters as they arrive in the URL (pages) or the public API's query string. One schema
 * serves both: the API answers 400 with the issues, pages drop the offending values and show a
 * notice (see `parseLenient`). Messages are plain English because the API returns them verbatim;
 * pages map `path` + `code` to localized text instead.
 *
 * `q` is the full-text query: lib/search matches and ranks it, over the search index tables, and
 * the filters and sorts are the ones lib/search/filters.ts knows. `page` follows the rule of
 * lib/page-number.ts.
 */

export const PAGE_SIZE = 12;

/**
 * Whether a route segment can be a slug (lib/slug.ts makes [a-z0-9-] only). Anything else is "not
 * found" without asking the database, which refuses NUL in text with an error (22021).
 */
export const isSlug = (slug: string) => /^[a-z0-9-]{1,200}$/.test(slug);
export const API_PAGE_SIZE = 20;
export const API_MAX_PAGE_SIZE = 100;

const list = (values: readonly string[]) => values.join(", ");

const trl = (name: string) =>
  z
    .string()
    .regex(/^[1-9]$/, `${name} must be a whole number from 1 to 9`)
    .transform(Number);
// 15 digits stay below Number.MAX_SAFE_INTEGER, so VND amounts survive the trip through JSON.
const vnd = (name: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${name} must be a whole number of VND (0 or more, at most 15 digits)`)
    .transform(Number);
export const oneOf = <T extends Record<string, string>>(name: string, values: T) =>
  z.enum(values, { error: `${name} must be one of: ${list(Object.values(values))}` });

export const SectorCodeSchema = z
  .string()
  .regex(/^[1-6](\d{2})?$/, "sector must be a field code (1-6) or a three-digit sector code such as 207");
export const VerifiedSchema = z
  .enum(["1", "true", "on", "0", "false"], { error: "verified must be 1 or 0" })
  .transform((v) => v === "1" || v === "true" || v === "on");
const PageSizeSchema = z
  .string()
  .regex(/^[1-9]\d{0,2}$/, `pageSize must be a whole number from 1 to ${API_MAX_PAGE_SIZE}`)
  .transform(Number)
  .refine((n) => n <= API_MAX_PAGE_SIZE, `pageSize must be a whole number from 1 to ${API_MAX_PAGE_SIZE}`);

const commonShape = {
  // Full-text query (lib/search): accents and case ignored, prefixes and small typos tolerated.
  q: z
    .string()
    .max(200, "q must be at most 200 characters")
    .refine(
      (q) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(q),
      "q must not contain control characters",
    )
    .optional(),
  sector: SectorCodeSchema.optional(),
  trlMin: trl("trlMin").optional(),
  trlMax: trl("trlMax").optional(),
  form: oneOf("form", TransferForm).optional(),
  orgType: oneOf("orgType", OrgType).optional(),
  location: z
    .enum(LOCATION_CODES as [string, ...string[]], {
      error: "location must be a location code such as HN or HN-CAUGIAY",
    })
    .optional(),
  verified: VerifiedSchema.default(false),
  page: PageSchema.default(1),
};

const offerShape = {
  ...commonShape,
  ip: oneOf("ip", IpStatus).optional(),
  priceMin: vnd("priceMin").optional(),
  priceMax: vnd("priceMax").optional(),
  sort: z.enum(OFFER_SORTS, { error: `sort must be one of: ${list(OFFER_SORTS)}` }).default("newest"),
};

const demandShape = {
  ...commonShape,
  budgetMin: vnd("budgetMin").optional(),
  budgetMax: vnd("budgetMax").optional(),
  sort: z.enum(DEMAND_SORTS, { error: `sort must be one of: ${list(DEMAND_SORTS)}` }).default("newest"),
};

/** "min ≤ max" for each pair; the issue points at the max, which is the value pages drop. */
const ranges =
  (pairs: [min: string, max: string][]) =>
  <T extends object>(data: T, ctx: z.RefinementCtx<T>) => {
    const bounds = data as Record<string, number | undefined>;
    for (const [min, max] of pairs) {
      const lo = bounds[min];
      const hi = bounds[max];
      if (lo !== undefined && hi !== undefined && lo > hi) {
        ctx.addIssue({
          code: "custom",
          path: [max],
          message: `${max} must be greater than or equal to ${min}`,
          params: { range: true },
        });
      }
    }
  };

const offerRanges = ranges([
  ["trlMin", "trlMax"],
  ["priceMin", "priceMax"],
]);
const demandRanges = ranges([
  ["trlMin", "trlMax"],
  ["budgetMin", "budgetMax"],
]);

export const OfferQuerySchema = z.object(offerShape).superRefine(offerRanges);
export const DemandQuerySchema = z.object(demandShape).superRefine(demandRanges);
export const OfferApiQuerySchema = z
  .object({ ...offerShape, pageSize: PageSizeSchema.default(API_PAGE_SIZE) })
  .superRefine(offerRanges);
export const DemandApiQuerySchema = z
  .object({ ...demandShape, pageSize: PageSizeSchema.default(API_PAGE_SIZE) })
  .superRefine(demandRanges);

export type OfferQuery = z.output<typeof OfferQuerySchema>;
export type DemandQuery = z.output<typeof DemandQuerySchema>;
export type OfferApiQuery = z.output<typeof OfferApiQuerySchema>;
export type DemandApiQuery = z.output<typeof DemandApiQuerySchema>;

/** `code` lets pages pick a localized sentence; `message` is the English text the API returns. */
export type CatalogIssue = {
  path: string;
  code: "invalid" | "range" | "unknown" | "page_out_of_range";
  message: string;
};

/** The notice for a page that showed `shown` instead of the `requested` page past the end (none when equal). */
export function pageOutOfRange(requested: number, shown: number): CatalogIssue[] {
  return requested === shown
    ? []
    : [{ path: "page", code: "page_out_of_range", message: `page ${requested} is beyond the last page (${shown})` }];
}

export function toIssues(error: z.ZodError): CatalogIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "query",
    code: issue.code === "custom" && issue.params?.range ? "range" : "invalid",
    message: issue.message,
  }));
}

/** Strict parse for the API: the data, or every issue at once. */
export function parseStrict<S extends z.ZodType>(schema: S, input: QueryInput) {
  const result = schema.safeParse(firstValues(input));
  return result.success
    ? ({ ok: true, data: result.data as z.output<S> } as const)
    : ({ ok: false, issues: toIssues(result.error) } as const);
}

/**
 * Lenient parse for pages: every invalid value is dropped (so the rest of the filters still apply)
 * and reported. Dropping a key can only remove issues, so this settles within a few passes.
 */
export function parseLenient<S extends z.ZodType>(
  schema: S,
  input: QueryInput,
): { data: z.output<S>; issues: CatalogIssue[] } {
  const values = firstValues(input);
  const issues: CatalogIssue[] = [];
  for (let pass = 0; pass < 4; pass++) {
    const result = schema.safeParse(values);
    if (result.success) return { data: result.data as z.output<S>, issues };
    for (const issue of toIssues(result.error)) {
      issues.push(issue);
      delete values[issue.path.split(".")[0]!];
    }
  }
  // Unreachable with the schemas above; an empty query always parses.
  return { data: schema.parse({}) as z.output<S>, issues };
}

const PAGE_SCHEMAS = { offer: OfferQuerySchema, demand: DemandQuerySchema } as const;

/**
 * Where a catalog page's query string stands, from the URL alone (proxy.ts, before rendering):
 * valid and canonical — cached under its key; valid but written otherwise — redirected to the
 * canonical URL; anything the page would drop with a notice — rendered per request, uncached. So
 * one logical query is one cache entry and invalid variants never enter the cache.
 */
export function canonicalCatalogQuery(kind: "offer" | "demand", input: URLSearchParams): ListQuery {
  const values = firstValues(input);
  const parsed = PAGE_SCHEMAS[kind].safeParse(values);
  if (!parsed.success) return { status: "uncached" };
  // The order the page shows when none is named (lib/catalog/catalog.ts ranks a text query by relevance).
  const query = values.sort ? parsed.data : { ...parsed.data, sort: defaultSort(parsed.data) };
  const search = toQueryString(query);
  if (!isCanonical(input, search)) return { status: "redirect", search };
  const key = encodeListKey(explicitQuery(query));
  return key ? { status: "canonical", key } : { status: "uncached" };
}

/**
 * The query a cache key stands for, when it is one `canonicalCatalogQuery` writes (the internal
 * route refuses any other: it is only reached through proxy.ts, never to fill the cache with junk).
 */
export function catalogKeyQuery(kind: "offer" | "demand", explicit: string): URLSearchParams | null {
  const params = new URLSearchParams(explicit);
  const parsed = PAGE_SCHEMAS[kind].safeParse(firstValues(params));
  return parsed.success && explicitQuery(parsed.data) === explicit ? params : null;
}
