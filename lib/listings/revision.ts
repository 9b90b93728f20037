import { z } from "zod";
import {
  IpStatus,
  PriceType,
  ScreeningOutcome,
  TransferForm,
  TransferMethod,
  TransferObject,
} from "@/lib/generated/prisma/enums";

/**
 * A published listing's pending revision (DOMAIN §5: an edit of a published listing is reviewed
 * while the published version stays live), stored as JSON in `pendingRevision` by `updateListing`:
 * the edited columns (amounts as strings, dates as ISO strings — see `toJsonSafe`) plus when it was
 * submitted and how it was screened. Read back through this one schema, never with casts.
 * Client-safe: the owner's editor and the moderation page read it too.
 */

const line = z.string().nullable();
/** VND amounts: BigInt columns, stored as decimal strings. */
const amount = z
  .string()
  .regex(/^-?\d+$/)
  .transform((v) => BigInt(v))
  .nullable();
const instant = z.iso.datetime().transform((v) => new Date(v));

/**
 * The editable columns of an offer or a demand. Each is optional: a revision applies the columns it
 * carries, and keys that are not columns are dropped, so a stored revision can never write one.
 */
const RevisionColumnsSchema = z
  .object({
    titleVi: z.string(),
    titleEn: line,
    summaryVi: line,
    summaryEn: line,
    description: z.string(),
    sectorCode: z.string(),
    keywords: z.array(z.string()),
    location: z.string(),
    // offers
    trl: z.number().int(),
    ipStatus: z.enum(IpStatus),
    ipTitleNumber: line,
    transferObjects: z.array(z.enum(TransferObject)),
    transferForms: z.array(z.enum(TransferForm)),
    transferMethods: z.array(z.enum(TransferMethod)),
    priceType: z.enum(PriceType),
    priceMin: amount,
    priceMax: amount,
    applicationAreas: line,
    advantages: line,
    stateFunded: z.boolean(),
    fundingProgramme: line,
    // demands
    trlMin: z.number().int(),
    budgetMin: amount,
    budgetMax: amount,
    deadline: instant.nullable(),
    preferredForms: z.array(z.enum(TransferForm)),
    confidential: z.boolean(),
  })
  .partial();

/** The stored revision, read into its columns (typed as the listing's) and its review facts. */
export const StoredRevisionSchema = RevisionColumnsSchema.extend({
  submittedAt: instant.nullable().optional(),
  /** The revision's own screening: it is decided on this, not on the published version's. */
  screening: z.enum(ScreeningOutcome).optional(),
  screeningNote: line.optional(),
}).transform(({ submittedAt, screening, screeningNote, ...columns }) => ({
  columns,
  submittedAt: submittedAt ?? null,
  screening: screening ?? ScreeningOutcome.CLEAR,
  screeningNote: screeningNote ?? null,
}));

export type PendingRevision = z.output<typeof StoredRevisionSchema>;
export type RevisionColumns = PendingRevision["columns"];

/**
 * The pending revision of a published listing, or null: a listing in any other status has none (a
 * submission is decided on its own columns), and a stored value that does not read as a revision
 * (hand-edited data) counts as none — it cannot be approved, and the owner's next edit replaces it.
 */
export function parsePendingRevision(listing: { status: string; pendingRevision: unknown }): PendingRevision | null {
  if (listing.status !== "PUBLISHED" || listing.pendingRevision === null || listing.pendingRevision === undefined) {
    return null;
  }
  const parsed = StoredRevisionSchema.safeParse(listing.pendingRevision);
  return parsed.success ? parsed.data : null;
}
