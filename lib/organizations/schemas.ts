import { z } from "zod";
import { EmailSchema, PublicOrgTypeSchema } from "@/lib/auth/schemas";
import { isPlainText, line, locationCode, optionalLine, optionalText } from "@/lib/listings/schemas";

/**
 * The organization's legal identity, checked by the operator and changed only by its administrator.
 * The English name is part of it: it is the name every English page shows beside the verified badge.
 */
export const LEGAL_FIELDS = ["name", "nameEn", "taxCode", "establishmentDecision", "type"] as const;

/** An organization's public profile as its members edit it (legal fields: administrators only). */
export const OrganizationProfileSchema = z.object({
  name: line(3, 200),
  nameEn: optionalLine(200),
  /** Absent: unchanged. State agencies are never a type chosen by members. */
  type: z.preprocess((v) => (v === "" ? undefined : v), PublicOrgTypeSchema.optional()),
  description: optionalText(5000),
  descriptionEn: optionalText(5000),
  taxCode: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.replace(/[\s.-]/g, "") : undefined),
    z
      .string()
      .regex(/^\d{10}(\d{3})?$/, "tax_code_invalid")
      .optional(),
  ),
  establishmentDecision: optionalText(120),
  address: optionalText(300),
  location: locationCode,
  website: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z
      .url({ protocol: /^https?$/, error: "url_invalid" })
      .max(300, "too_long")
      .optional(),
  ),
});

export type OrganizationProfileInput = z.infer<typeof OrganizationProfileSchema>;

/** An optional note or reason read by someone else: plain text (no NUL, control or invisible characters). */
const note = z.preprocess(
  (v) => (typeof v === "string" ? v.normalize("NFC").trim() || undefined : v),
  z.string({ error: "invalid_input" }).max(1000, "too_long").refine(isPlainText, "invisible_characters").optional(),
);

export const VerificationDecisionSchema = z.object({
  id: z.uuid({ error: "invalid_input" }),
  decision: z.enum(["approve", "reject"], { error: "invalid_input" }),
  /** "verification": the organization's first verification; "legal": a change of a verified one's legal fields. */
  kind: z.enum(["verification", "legal"]).default("verification"),
  reason: z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFC").trim() || undefined : v),
    z.string({ error: "invalid_input" }).max(2000, "too_long").refine(isPlainText, "invisible_characters").optional(),
  ),
});

/** Search for an organization to join: a few letters of its name. */
export const OrganizationSearchSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.normalize("NFC").trim() : v),
  z.string().min(2).max(100).refine(isPlainText),
);

export const MembershipRequestSchema = z.object({
  organizationId: z.uuid({ error: "choose_one" }),
  message: note,
});

export const MembershipDecisionSchema = z.object({
  requestId: z.uuid({ error: "invalid_input" }),
  decision: z.enum(["approve", "reject"], { error: "invalid_input" }),
  note,
});

export const InviteSchema = z.object({ email: EmailSchema });

/** A member or an invitation picked from the members page. */
export const IdSchema = z.object({ id: z.uuid({ error: "invalid_input" }) });
