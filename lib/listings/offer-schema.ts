import { z } from "zod";
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

export const IP_STATUSES = [
  "PATENT",
  "UTILITY_SOLUTION",
  "INDUSTRIAL_DESIGN",
  "PLANT_VARIETY",
  "COPYRIGHT_SOFTWARE",
  "LAYOUT_DESIGN",
  "APPLICATION_PENDING",
  "KNOW_HOW",
  "NONE",
] as const;
export const TRANSFER_OBJECTS = [
  "KNOW_HOW",
  "DOCUMENTS_SOFTWARE_DATA",
  "RATIONALISATION",
  "MACHINERY_WITH_TECHNOLOGY",
] as const;
export const TRANSFER_FORMS = [
  "STANDALONE",
  "INVESTMENT_PROJECT",
  "CAPITAL_CONTRIBUTION",
  "FRANCHISE",
  "IP_RIGHT_TRANSFER",
  "MACHINERY_SALE",
] as const;
export const TRANSFER_METHODS = ["DOCUMENTS", "TRAINING", "EXPERT_ASSISTANCE", "MACHINERY_PLUS", "OTHER"] as const;
export const PRICE_TYPES = ["NEGOTIABLE", "RANGE", "FIXED"] as const;

/** Array fields of the offer form (checkbox groups). */
export const OFFER_ARRAY_FIELDS = ["transferObjects", "transferForms", "transferMethods"] as const;

/** A technology offer as its owner enters it (DOMAIN §3, Law 07/2017 Art. 4–6). */
export const OfferInputSchema = z
  .object({
    titleVi: text(5, 200),
    titleEn: optionalText(200),
    summaryVi: text(20, 1000),
    summaryEn: optionalText(1000),
    description: text(50, 20_000),
    sectorCode,
    keywords: keywordList,
    trl: trlLevel,
    ipStatus: z.enum(IP_STATUSES, { error: "choose_one" }),
    ipTitleNumber: optionalText(60),
    transferObjects: checkboxes(TRANSFER_OBJECTS),
    transferForms: checkboxes(TRANSFER_FORMS),
    transferMethods: checkboxes(TRANSFER_METHODS),
    priceType: z.enum(PRICE_TYPES, { error: "choose_one" }),
    priceMin: vnd,
    priceMax: vnd,
    applicationAreas: optionalText(5000),
    advantages: optionalText(5000),
    location: locationCode,
    stateFunded: flag,
    fundingProgramme: optionalText(300),
    version,
  })
  .superRefine(
    (data, ctx) => {
      if (data.priceType === "RANGE") {
        if (data.priceMin === undefined) ctx.addIssue({ code: "custom", path: ["priceMin"], message: "required" });
        if (data.priceMax === undefined) ctx.addIssue({ code: "custom", path: ["priceMax"], message: "required" });
        checkRange(data, ctx, "priceMin", "priceMax");
      }
      if (data.priceType === "FIXED" && data.priceMin === undefined) {
        ctx.addIssue({ code: "custom", path: ["priceMin"], message: "required" });
      }
      if (data.stateFunded === true && !data.fundingProgramme) {
        ctx.addIssue({ code: "custom", path: ["fundingProgramme"], message: "required" });
      }
      const titled = ["PATENT", "UTILITY_SOLUTION", "INDUSTRIAL_DESIGN", "PLANT_VARIETY", "LAYOUT_DESIGN"];
      if (typeof data.ipStatus === "string" && titled.includes(data.ipStatus) && !data.ipTitleNumber) {
        ctx.addIssue({ code: "custom", path: ["ipTitleNumber"], message: "required" });
      }
    },
    { when: () => true },
  )
  .transform((data) => ({
    ...data,
    // A fixed express-licence price is one amount; a negotiable price has none.
    priceMin: data.priceType === "NEGOTIABLE" ? undefined : data.priceMin,
    priceMax: data.priceType === "NEGOTIABLE" ? undefined : data.priceType === "FIXED" ? data.priceMin : data.priceMax,
    fundingProgramme: data.stateFunded ? data.fundingProgramme : undefined,
  }));

export type OfferInput = z.infer<typeof OfferInputSchema>;
