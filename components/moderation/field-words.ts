import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { sectorNames } from "@/components/admin/labels/sector-names";
import { locationName } from "@/components/catalog/location-options";
import type { ListingKind } from "@/lib/listings/kinds";
import { SCREENED_TEXT_FIELDS } from "@/lib/listings/screening";

/** What a staff screen shows for a value that is not there. */
export const EMPTY = "—";

/** The listing columns whose values are typed text (shown as they are, with their line breaks). */
export const LISTING_TEXT: ReadonlySet<string> = new Set(SCREENED_TEXT_FIELDS);

/** Multi-choice listing columns and the enums.json group that names their values. */
export const LISTING_LISTS = {
  transferObjects: "transferObject",
  transferForms: "transferForm",
  transferMethods: "transferMethod",
  preferredForms: "transferForm",
} as const;

/** Single-choice listing columns and the enums.json group that names their values. */
export const LISTING_CHOICES = {
  ipStatus: "ipStatus",
  priceType: "priceType",
  status: "listingStatus",
  screening: "screening",
} as const;

/** Listing columns that hold an amount of VND (a BigInt in the row, a decimal string in the audit log). */
export const LISTING_MONEY = new Set(["priceMin", "priceMax", "budgetMin", "budgetMax"]);

/** An amount as a row or the audit log holds it: a BigInt, a number or a decimal string. */
export type Amount = bigint | number | string;

/**
 * The words staff screens use for stored listing values, in the request's locale: enum codes as the
 * catalogue's words (enums.json), money in VND as the offer page formats it, TRL with its meaning,
 * sectors ("Field › Sector") and locations by name, yes/no, a DATE column's day. Shared by the
 * moderation review (./review-fields.ts) and the audit log's entity history
 * (components/admin/audit/change-words.ts), so both read a listing the same way.
 */
export async function fieldWords() {
  const locale = await getLocale();
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const sectors = await sectorNames(locale, { withField: true });
  const choice = (group: string, code: string) => (te.has(`${group}.${code}`) ? te(`${group}.${code}`) : code);
  return {
    locale,
    /** One enum code in words (the code itself when the catalogue has no word for it). */
    choice,
    /** A multi-choice value, each code in words; EMPTY when nothing is chosen. */
    choices: (values: readonly string[] | undefined, group: string): string | string[] =>
      values && values.length ? values.map((v) => choice(group, v)) : EMPTY,
    text: (v: string | null | undefined) => (v && v.trim() ? v : EMPTY),
    money: (v: Amount) => format.number(Number(v), "vnd"),
    yesNo: (v: boolean | undefined) => (v === undefined ? EMPTY : te(v ? "yes" : "no")),
    trl: (level: number | undefined) =>
      level === undefined ? EMPTY : te("trlLevel", { level, label: te.has(`trl.${level}`) ? te(`trl.${level}`) : "" }),
    sector: (code: string | undefined, fallback?: string) => (code ? (sectors.get(code) ?? fallback ?? code) : EMPTY),
    location: (code: string | undefined) => (code ? locationName(locale, code) : EMPTY),
    /** A DATE column: formatted in UTC so the day never shifts with the server's zone. */
    day: (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" }),
    /** A moment (an ISO timestamp in the audit log) as the staff tables show it. */
    moment: (d: Date) => format.dateTime(d, "datetime"),
  };
}

export type FieldWords = Awaited<ReturnType<typeof fieldWords>>;

/** The label of a listing column as the owner's form names it (offerForm / demandForm), or null. */
export async function listingLabels(kind: ListingKind) {
  const tf = await getTranslations(kind === "offer" ? "offerForm" : "demandForm");
  return (key: string): string | null => (tf.has(key) ? tf(key) : null);
}
