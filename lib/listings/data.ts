import type { DemandInput } from "@/lib/demands/schemas";
import type { Tx } from "@/lib/db";
import type { OfferInput } from "@/lib/offers/schemas";

export type ListingKind = "offer" | "demand";

/** The columns every listing has, in the shape the lifecycle code needs. */
export interface ListingRow {
  id: string;
  slug: string;
  status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "REJECTED" | "EXPIRED" | "WITHDRAWN";
  version: number;
  organizationId: string;
  createdById: string;
  titleVi: string;
  sectorCode: string;
  screening: "CLEAR" | "ENCOURAGED" | "RESTRICTED" | "PROHIBITED";
  screeningNote: string | null;
  pendingRevision: unknown;
  publishedAt: Date | null;
  expiresAt: Date | null;
}

// Offers and demands share the lifecycle but are different Prisma models; this narrow interface
// lets one implementation drive both without duplicating every transition.
interface ListingDelegate {
  findFirst(args: { where: Record<string, unknown> }): Promise<ListingRow | null>;
  findMany(args: { where: Record<string, unknown>; take?: number }): Promise<ListingRow[]>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  create(args: { data: Record<string, unknown> }): Promise<ListingRow>;
}

export function listings(client: Pick<Tx, "offer" | "demand">, kind: ListingKind): ListingDelegate {
  return (kind === "offer" ? client.offer : client.demand) as unknown as ListingDelegate;
}

export const TABLE: Record<ListingKind, "offers" | "demands"> = { offer: "offers", demand: "demands" };

export type ListingInput = OfferInput | DemandInput;

/** Column values from validated input (the `version` field is concurrency control, not data). */
export function columnsOf(input: ListingInput): Record<string, unknown> {
  const { version: _version, ...rest } = input as ListingInput & { version?: number };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) out[key] = value === undefined ? null : value;
  return out;
}

const BIGINT_FIELDS = ["priceMin", "priceMax", "budgetMin", "budgetMax"];
const DATE_FIELDS = ["deadline"];

/** A revision is stored as JSON; this restores BigInt and Date columns before applying it. */
export function revisionToColumns(json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (BIGINT_FIELDS.includes(key) && typeof value === "string") out[key] = BigInt(value);
    else if (DATE_FIELDS.includes(key) && typeof value === "string") out[key] = new Date(value);
    else out[key] = value;
  }
  return out;
}
