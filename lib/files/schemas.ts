import { z } from "zod";
import { DEAL_DOCUMENT_PURPOSES } from "@/lib/deals/document-access";

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

/**
 * What POST /api/uploads is for, from its query string (read before the body):
 * `?for=offer&id=…&kind=IMAGE`, `?for=demand&id=…`, `?for=organization` (a verification document
 * of the user's own organization), or `?for=deal&id=<reference>&purpose=…&confidential=1&replaces=<id>`
 * (a deal document; `replaces` makes it the next version of that document).
 */
export const UploadQuerySchema = z.discriminatedUnion("for", [
  z.object({ for: z.enum(["offer", "demand"]), id: z.uuid(), kind: AttachmentKindSchema.default("DOCUMENT") }),
  z.object({ for: z.literal("organization") }),
  z.object({
    for: z.literal("deal"),
    id: z.string().max(30),
    purpose: z.enum(DEAL_DOCUMENT_PURPOSES).default("DOCUMENT"),
    confidential: z.enum(["0", "1"]).default("0"),
    replaces: z.uuid().optional(),
  }),
]);

export type UploadQuery = z.infer<typeof UploadQuerySchema>;

/** What POST /api/uploads answers with on success. */
export interface UploadedAttachment {
  id: string;
  filename: string;
  kind: AttachmentKindInput;
  mimeType: string;
  size: number;
}

/**
 * Body of every answer of POST /api/uploads. On failure `message` is a key of the "files"
 * catalog (e.g. "errors.too_large") and `values` its parameters, so any client can localize it.
 */
export type UploadResponseBody =
  | { ok: true; attachment: UploadedAttachment }
  | { ok: false; code: string; message: string; values?: Record<string, number> };
