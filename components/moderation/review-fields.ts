import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { locationName } from "@/components/catalog/location-options";
import { priceLabel } from "@/components/offers/price-text";
import { sectorNames } from "@/components/admin/labels/sector-names";
import type { ListingKind } from "@/lib/listings/kinds";

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

const TEXT = new Set(["titleVi", "titleEn", "summaryVi", "summaryEn", "description", "applicationAreas", "advantages"]);
const LISTS = {
  transferObjects: "transferObject",
  transferForms: "transferForm",
  transferMethods: "transferMethod",
  preferredForms: "transferForm",
} as const;

export const EMPTY = "—";

/**
 * Reads listings of `kind` into labelled fields in the request's locale: enum values as the
 * catalogue's words (enums.json), money as the offer page formats it (priceLabel), TRL with its
 * meaning, locations and sectors by name, yes/no as words, dates in the locale.
 */
export async function reviewFieldReader(kind: ListingKind) {
  const locale = await getLocale();
  const tf = await getTranslations(kind === "offer" ? "offerForm" : "demandForm");
  const tc = await getTranslations("catalog.detail");
  const tl = await getTranslations("listing");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const sectors = await sectorNames(locale, { withField: true });
  const vnd = (v: bigint) => format.number(Number(v), "vnd");
  const text = (v: string | null | undefined) => (v && v.trim() ? v : EMPTY);
  const yesNo = (v: boolean | undefined) => (v === undefined ? EMPTY : te(v ? "yes" : "no"));
  const trl = (level: number | undefined) =>
    level === undefined ? EMPTY : te("trlLevel", { level, label: te(`trl.${level}`) });
  const labels = (values: string[] | undefined, group: string) =>
    values && values.length ? values.map((v) => (te.has(`${group}.${v}`) ? te(`${group}.${v}`) : v)) : EMPTY;

  const budget = (min: bigint | null | undefined, max: bigint | null | undefined) =>
    min != null && max != null
      ? tl("budgetRange", { min: vnd(min), max: vnd(max) })
      : min != null
        ? tc("budgetFrom", { min: vnd(min) })
        : max != null
          ? tc("budgetUpTo", { max: vnd(max) })
          : tl("budgetOpen");

  const label = (key: string) =>
    key === "sector" ? tf("sectorCode") : key === "price" ? tc("price") : key === "budget" ? tc("budget") : tf(key);

  const value = async (key: string, s: ReviewSource, fallbackSector?: string): Promise<string | string[]> => {
    if (TEXT.has(key)) return text(s[key as keyof ReviewSource] as string | null | undefined);
    if (key in LISTS) return labels(s[key as keyof typeof LISTS], LISTS[key as keyof typeof LISTS]);
    switch (key) {
      case "sector":
        return s.sectorCode ? (sectors.get(s.sectorCode) ?? fallbackSector ?? s.sectorCode) : EMPTY;
      case "keywords":
        return s.keywords?.length ? s.keywords.join(", ") : EMPTY;
      case "trl":
        return trl(s.trl);
      case "trlMin":
        return trl(s.trlMin);
      case "ipStatus":
        return s.ipStatus ? te(`ipStatus.${s.ipStatus}`) : EMPTY;
      case "ipTitleNumber":
      case "fundingProgramme":
        return text(s[key]);
      case "price":
        return priceLabel({ type: s.priceType ?? "NEGOTIABLE", min: s.priceMin ?? null, max: s.priceMax ?? null });
      case "budget":
        return budget(s.budgetMin, s.budgetMax);
      case "deadline":
        // A DATE column: formatted in UTC so the day never shifts with the server's zone.
        return s.deadline ? format.dateTime(s.deadline, { dateStyle: "long", timeZone: "UTC" }) : tc("noDeadline");
      case "location":
        return s.location ? locationName(locale, s.location) : EMPTY;
      case "stateFunded":
        return yesNo(s.stateFunded);
      case "confidential":
        return yesNo(s.confidential);
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
        text: TEXT.has(key),
      })),
    );
}

/** The same field read from two versions differs: compared on the words shown, so a composite field (price) counts once. */
export function sameValue(a: ReviewField["value"], b: ReviewField["value"]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
