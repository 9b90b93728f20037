import { getTranslations } from "next-intl/server";
import { priceLabel } from "@/components/offers/price-text";
import type { ListingKind } from "@/lib/listings/kinds";
import { EMPTY, fieldWords, LISTING_LISTS, LISTING_TEXT, listingLabels } from "./field-words";

/**
 * The editable columns of an offer or a demand as the moderation page reads them: a listing row, or
 * a row with its pending revision's columns laid over it (lib/listings/revision.ts).
 */
export interface ReviewSource {
  titleVi?: string;
  titleEn?: string | null;
  summaryVi?: string | null;
  summaryEn?: string | null;
  description?: string;
  sectorCode?: string;
  keywords?: string[];
  location?: string;
  trl?: number;
  ipStatus?: string;
  ipTitleNumber?: string | null;
  transferObjects?: string[];
  transferForms?: string[];
  transferMethods?: string[];
  priceType?: string;
  priceMin?: bigint | null;
  priceMax?: bigint | null;
  applicationAreas?: string | null;
  advantages?: string | null;
  stateFunded?: boolean;
  fundingProgramme?: string | null;
  trlMin?: number;
  budgetMin?: bigint | null;
  budgetMax?: bigint | null;
  deadline?: Date | null;
  preferredForms?: string[];
  confidential?: boolean;
}

/** One field as the moderator reads it: a label and words (a list for multi-choice fields), never a code. */
export interface ReviewField {
  key: string;
  label: string;
  value: string | string[];
  /** Free text typed by the owner: shown with its line breaks. */
  text?: boolean;
}

/** The fields in the order of the owner's form; price and budget are read as one field each. */
const FIELDS = {
  offer: [
    "titleVi",
    "titleEn",
    "summaryVi",
    "summaryEn",
    "description",
    "sector",
    "keywords",
    "trl",
    "ipStatus",
    "ipTitleNumber",
    "transferObjects",
    "transferForms",
    "transferMethods",
    "price",
    "applicationAreas",
    "advantages",
    "location",
    "stateFunded",
    "fundingProgramme",
  ],
  demand: [
    "titleVi",
    "titleEn",
    "summaryVi",
    "summaryEn",
    "description",
    "sector",
    "keywords",
    "trlMin",
    "budget",
    "deadline",
    "preferredForms",
    "location",
    "confidential",
  ],
} as const;

/** Reexported for the pages and components that read "no value" as the review does. */
export { EMPTY };

/**
 * Reads listings of `kind` into labelled fields in the request's locale: enum values as the
 * catalogue's words (enums.json), money as the offer page formats it (priceLabel), TRL with its
 * meaning, locations and sectors by name, yes/no as words, dates in the locale (./field-words.ts).
 */
export async function reviewFieldReader(kind: ListingKind) {
  const tf = await listingLabels(kind);
  const tc = await getTranslations("catalog.detail");
  const tl = await getTranslations("listing");
  const words = await fieldWords();
  const vnd = words.money;

  const budget = (min: bigint | null | undefined, max: bigint | null | undefined) =>
    min != null && max != null
      ? tl("budgetRange", { min: vnd(min), max: vnd(max) })
      : min != null
        ? tc("budgetFrom", { min: vnd(min) })
        : max != null
          ? tc("budgetUpTo", { max: vnd(max) })
          : tl("budgetOpen");

  const label = (key: string) =>
    key === "sector"
      ? tf("sectorCode")!
      : key === "price"
        ? tc("price")
        : key === "budget"
          ? tc("budget")
          : (tf(key) ?? key);

  const value = async (key: string, s: ReviewSource, fallbackSector?: string): Promise<string | string[]> => {
    if (LISTING_TEXT.has(key)) return words.text(s[key as keyof ReviewSource] as string | null | undefined);
    if (key in LISTING_LISTS) {
      const list = key as keyof typeof LISTING_LISTS;
      return words.choices(s[list], LISTING_LISTS[list]);
    }
    switch (key) {
      case "sector":
        return words.sector(s.sectorCode, fallbackSector);
      case "keywords":
        return s.keywords?.length ? s.keywords.join(", ") : EMPTY;
      case "trl":
        return words.trl(s.trl);
      case "trlMin":
        return words.trl(s.trlMin);
      case "ipStatus":
        return s.ipStatus ? words.choice("ipStatus", s.ipStatus) : EMPTY;
      case "ipTitleNumber":
      case "fundingProgramme":
        return words.text(s[key]);
      case "price":
        return priceLabel({ type: s.priceType ?? "NEGOTIABLE", min: s.priceMin ?? null, max: s.priceMax ?? null });
      case "budget":
        return budget(s.budgetMin, s.budgetMax);
      case "deadline":
        return s.deadline ? words.day(s.deadline) : tc("noDeadline");
      case "location":
        return words.location(s.location);
      case "stateFunded":
        return words.yesNo(s.stateFunded);
      case "confidential":
        return words.yesNo(s.confidential);
      default:
        return EMPTY;
    }
  };

  /** Every field of `source`; `fallbackSector` names a sector no longer in the active taxonomy. */
  return async (source: ReviewSource, fallbackSector?: string): Promise<ReviewField[]> =>
    Promise.all(
      FIELDS[kind].map(async (key) => ({
        key,
        label: label(key),
        value: await value(key, source, fallbackSector),
        text: LISTING_TEXT.has(key),
      })),
    );
}

/** The same field read from two versions differs: compared on the words shown, so a composite field (price) counts once. */
export function sameValue(a: ReviewField["value"], b: ReviewField["value"]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
