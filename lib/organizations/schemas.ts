import { z } from "zod";
import { locationCode, optionalText, text } from "@/lib/listings/schemas";

/** An organization's public profile as its members edit it. */
export const OrganizationProfileSchema = z.object({
  name: text(3, 200),
  nameEn: optionalText(200),
  description: optionalText(5000),
  descriptionEn: optionalText(5000),
  taxCode: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.replace(/[\s.-]/g, "") : undefined),
    z.string().regex(/^\d{10}(\d{3})?$/, "tax_code_invalid").optional(),
  ),
  establishmentDecision: optionalText(120),
  address: optionalText(300),
  location: locationCode,
  website: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.url({ protocol: /^https?$/, error: "url_invalid" }).max(300, "too_long").optional(),
  ),
});

export type OrganizationProfileInput = z.infer<typeof OrganizationProfileSchema>;

export const VerificationDecisionSchema = z.object({
  id: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  reason: z.preprocess((v) => (typeof v === "string" ? v.normalize("NFC").trim() : v), z.string().max(2000, "too_long").optional()),
});
