import {
  IpStatus,
  OrgType,
  PriceType,
  TransferForm,
  TransferMethod,
  TransferObject,
} from "@/lib/generated/prisma/enums";
import { PUBLIC_METRICS } from "@/lib/kpi/catalogue";
import { DATASET_FILE_NAMES } from "./catalog";
import type { JsonSchema } from "./openapi-types";

/**
 * The schemas of the public API's answers (components.schemas of the OpenAPI document), written
 * from what the routes return: lib/catalog/serializers.ts (listings), app/api/v1/offers/[id]/matches
 * (matches), lib/search (suggestions), lib/open-data (statistics, open data) and the audit heads.
 * Every object lists all its keys as required: a key is always present, null when empty.
 */

const str: JsonSchema = { type: "string" };
const nstr: JsonSchema = { type: ["string", "null"] };
const int: JsonSchema = { type: "integer" };
/** A list's total: exact, except for a `q` no listing matches word for word (see the description). */
const listTotal: JsonSchema = {
  type: "integer",
  description:
    "Listings matching. Exact, except when no listing matches every word of `q`: the list then holds the listings matching some of its concepts or their synonyms (an approximate search), ranked, and counts at most the 200 best.",
};
const num: JsonSchema = { type: "number" };
const bool: JsonSchema = { type: "boolean" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const ndateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (name: string): JsonSchema => ({ oneOf: [ref(name), { type: "null" }] });
const arr = (items: JsonSchema): JsonSchema => ({ type: "array", items });
const enumOf = (values: Record<string, string> | readonly string[]): JsonSchema => ({
  type: "string",
  enum: Array.isArray(values) ? values : Object.values(values),
});
/** An object whose keys are all required. */
const obj = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  properties,
  required: Object.keys(properties),
  ...(description ? { description } : {}),
});

const head = {
  id: { type: "string", format: "uuid" },
  slug: str,
  url: { type: "string", description: "Path of the listing's public page (Vietnamese; prefix /en for English)." },
  titleVi: str,
  titleEn: nstr,
  summaryVi: str,
  summaryEn: nstr,
} satisfies Record<string, JsonSchema>;

const dates = { publishedAt: ndateTime, updatedAt: dateTime, expiresAt: ndateTime } satisfies Record<
  string,
  JsonSchema
>;

const vnd: JsonSchema = { type: ["number", "null"], description: "VND (whole đồng)." };

const offerOwn = {
  trl: { type: "integer", minimum: 1, maximum: 9 },
  ipStatus: enumOf(IpStatus),
  transferObjects: arr(enumOf(TransferObject)),
  transferForms: arr(enumOf(TransferForm)),
  transferMethods: arr(enumOf(TransferMethod)),
  priceType: enumOf(PriceType),
  priceMin: vnd,
  priceMax: vnd,
  location: str,
  stateFunded: bool,
} satisfies Record<string, JsonSchema>;

const demandOwn = {
  trlMin: { type: "integer", minimum: 1, maximum: 9 },
  budgetMin: vnd,
  budgetMax: vnd,
  deadline: { type: ["string", "null"], format: "date" },
  location: str,
  preferredForms: arr(enumOf(TransferForm)),
  confidential: { type: "boolean", description: "A confidential demand never names its organization." },
} satisfies Record<string, JsonSchema>;

const classification = { field: nullable("Named"), sector: ref("Named"), keywords: arr(str) };
const tail = (organizationNote: string) => ({
  encouraged: bool,
  organization: { ...nullable("Organization"), description: organizationNote },
  ...dates,
});

const verdict = enumOf(["match", "partial", "mismatch", "unknown"]);
const range = arr({ type: ["number", "null"] });

const metric: JsonSchema = {
  type: "object",
  properties: {
    unit: enumOf(["count", "working_days", "days", "percent", "vnd"]),
    aggregation: enumOf(["stock", "flow", "level"]),
    value: {
      type: ["number", "string", "null"],
      description: "A number; for unit vnd the exact amount as a decimal string; null when nothing was measured.",
    },
    numerator: int,
    denominator: int,
  },
  required: ["unit", "aggregation", "value"],
};

const metrics: JsonSchema = obj(Object.fromEntries(PUBLIC_METRICS.map((m) => [m, ref("Metric")])));

export const SCHEMAS: Record<string, JsonSchema> = {
  Named: obj({ code: str, nameVi: str, nameEn: str }),
  Organization: obj({ name: str, nameEn: nstr, slug: str, type: enumOf(OrgType), verified: bool }),
  Attachment: obj({
    id: { type: "string", format: "uuid" },
    kind: str,
    filename: str,
    mimeType: str,
    size: int,
    url: str,
  }),
  OfferListItem: obj({ ...head, ...classification, ...offerOwn, ...tail("The publishing organization.") }),
  OfferDetail: obj({
    ...head,
    description: str,
    ...classification,
    ...offerOwn,
    ipTitleNumber: nstr,
    applicationAreas: nstr,
    advantages: nstr,
    fundingProgramme: nstr,
    encouraged: bool,
    organization: nullable("Organization"),
    attachments: arr(ref("Attachment")),
    ...dates,
  }),
  DemandListItem: obj({
    ...head,
    summaryVi: nstr,
    ...classification,
    ...demandOwn,
    ...tail("Null for a confidential demand."),
  }),
  DemandDetail: obj({
    ...head,
    summaryVi: nstr,
    description: str,
    ...classification,
    ...demandOwn,
    encouraged: bool,
    organization: { ...nullable("Organization"), description: "Null for a confidential demand." },
    attachments: arr(ref("Attachment")),
    ...dates,
  }),
  OfferList: obj({ items: arr(ref("OfferListItem")), total: listTotal, page: int, pageSize: int }),
  DemandList: obj({ items: arr(ref("DemandListItem")), total: listTotal, page: int, pageSize: int }),
  MatchListing: obj({
    id: { type: "string", format: "uuid" },
    slug: str,
    titleVi: str,
    titleEn: nstr,
    organization: {
      oneOf: [obj({ name: str, nameEn: nstr, slug: str }), { type: "null" }],
      description: "Null for a confidential demand.",
    },
  }),
  MatchExplanation: obj({
    sharedTerms: arr(str),
    text: obj({ similarity: num }),
    sector: obj({ verdict, offerSector: str, demandSector: str }),
    trl: obj({ verdict, offerTrl: int, demandMin: int }),
    budget: obj({ verdict, price: range, budget: range }),
    location: obj({ verdict, offer: str, demand: str }),
    verified: bool,
  }),
  OfferMatches: obj({
    items: arr(obj({ score: num, explanation: ref("MatchExplanation"), demand: ref("MatchListing") })),
  }),
  DemandMatches: obj({
    items: arr(obj({ score: num, explanation: ref("MatchExplanation"), offer: ref("MatchListing") })),
  }),
  Suggestions: obj({
    items: arr(
      obj({ type: enumOf(["offer", "demand", "field", "organization"]), label: str, labelEn: nstr, href: str }),
    ),
  }),
  Metric: metric,
  Metrics: metrics,
  Statistics: obj({
    period: obj({
      key: str,
      kind: enumOf(["month", "quarter", "year"]),
      from: dateTime,
      to: dateTime,
      firstDay: { type: "string", format: "date" },
      lastDay: { type: "string", format: "date" },
    }),
    asOf: { ...dateTime, description: "The instant the figures describe: the period's end, or now while it runs." },
    metrics: ref("Metrics"),
    funnel: arr(obj({ metric: str, count: { type: ["integer", "null"] }, conversion: { type: ["number", "null"] } })),
    byField: arr(obj({ field: nullable("Named"), metrics: ref("Metrics") })),
    byTrl: arr(obj({ trl: int, offers: int, demands: int })),
  }),
  OpenDataIndex: obj({
    licence: obj({ id: str, name: str, url: str, proposed: bool }),
    datasets: arr(obj({ id: str, maxAgeSeconds: int, files: arr(obj({ format: enumOf(["csv", "json"]), url: str })) })),
  }),
  AuditHeads: obj({
    items: arr(
      obj({
        publishedAt: { ...dateTime, description: "When the head was recorded (the nightly verification)." },
        seq: { type: "string", description: "Sequence number of the chain's head event (decimal string)." },
        hash: { type: "string", description: "Hash of that event (hex)." },
      }),
    ),
    total: int,
    page: int,
    pageSize: int,
  }),
  InvalidParameters: obj({
    error: { type: "string", const: "invalid_parameters" },
    issues: arr(obj({ path: str, message: str })),
  }),
  NotFound: obj({ error: { type: "string", const: "not_found" } }),
  DatasetFile: enumOf(DATASET_FILE_NAMES),
};
