import type { DemandInput } from "./demand-schema";
import type { Tx } from "@/lib/db";
import type { ListingStatus, ScreeningOutcome } from "@/lib/generated/prisma/enums";
import type { ListingKind } from "./kinds";
import type { OfferInput } from "./offer-schema";

/** The columns every listing has, in the shape the lifecycle code needs. */
export interface ListingRow {
  id: string;
  slug: string;
  status: ListingStatus;
  version: number;
  organizationId: string;
  createdById: string;
  titleVi: string;
  sectorCode: string;
  screening: ScreeningOutcome;
  screeningNote: string | null;
  pendingRevision: unknown;
  publishedAt: Date | null;
  expiresAt: Date | null;
  updatedAt: Date;
}

/** A whole listing row: the columns above typed, the kind's own columns (offer or demand) as they come. */
export type ListingRecord = ListingRow & { readonly [column: string]: unknown };

// Offers and demands share the lifecycle but are different Prisma models; this narrow interface
// lets one implementation drive both without duplicating every transition.
interface ListingDelegate {
  findFirst(args: { where: Record<string, unknown> }): Promise<ListingRecord | null>;
  findMany(args: { where: Record<string, unknown>; take?: number }): Promise<ListingRecord[]>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  create(args: { data: Record<string, unknown> }): Promise<ListingRecord>;
}

export function listings(client: Pick<Tx, "offer" | "demand">, kind: ListingKind): ListingDelegate {
  return (kind === "offer" ? client.offer : client.demand) as unknown as ListingDelegate;
}

export type ListingInput = OfferInput | DemandInput;

/** Column values from validated input (the `version` field is concurrency control, not data). */
export function columnsOf(input: ListingInput): Record<string, unknown> {
  const { version: _version, ...rest } = input as ListingInput & { version?: number };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) out[key] = value === undefined ? null : value;
  return out;
}
