import { z } from "zod";

/** An attachment id from a URL or form: anything else is answered "not found" without a query. */
export const AttachmentIdSchema = z.uuid();

/**
 * What a file is attached to: exactly one offer, demand or organization (verification documents).
 * One owner per file keeps the visibility rule in queries.ts unambiguous.
 */
export const AttachmentTargetSchema = z
  .object({ offerId: z.uuid().optional(), demandId: z.uuid().optional(), organizationId: z.uuid().optional() })
  .strict()
  .refine((t) => [t.offerId, t.demandId, t.organizationId].filter(Boolean).length === 1, {
    message: "exactly_one_target",
  });

export type AttachmentTarget = z.infer<typeof AttachmentTargetSchema>;

export const AttachmentKindSchema = z.enum(["IMAGE", "DOCUMENT"]);
export type AttachmentKindInput = z.infer<typeof AttachmentKindSchema>;
