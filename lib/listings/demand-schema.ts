import { z } from "zod";
import { TRANSFER_FORMS } from "./offer-schema";
import {
  checkboxes,
  checkRange,
  flag,
  keywordList,
  locationCode,
  optionalText,
  sectorCode,
  text,
  trlLevel,
  version,
  vnd,
} from "./schemas";

export const DEMAND_ARRAY_FIELDS = ["preferredForms"] as const;

/** A technology demand as a seeker enters it (DOMAIN §3). */
export const DemandInputSchema = z
  .object({
    titleVi: text(5, 200),
    titleEn: optionalText(200),
    summaryVi: optionalText(1000),
    summaryEn: optionalText(1000),
    description: text(50, 20_000),
    sectorCode,
    keywords: keywordList,
    trlMin: trlLevel,
    budgetMin: vnd,
    budgetMax: vnd,
    deadline: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "date_invalid")
        .transform((v) => new Date(`${v}T00:00:00Z`))
        .refine((d) => !Number.isNaN(d.getTime()), "date_invalid")
        .refine((d) => d.getTime() > Date.now() - 86_400_000, "date_in_past")
        .optional(),
    ),
    location: locationCode,
    preferredForms: checkboxes(TRANSFER_FORMS),
    confidential: flag,
    version,
  })
  .superRefine((data, ctx) => checkRange(data, ctx, "budgetMin", "budgetMax"), { when: () => true });

export type DemandInput = z.infer<typeof DemandInputSchema>;
