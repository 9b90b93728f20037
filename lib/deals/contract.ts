import { z } from "zod";
import { TransferForm, TransferMethod, TransferObject } from "@/lib/generated/prisma/enums";
import { line, optionalLine, optionalText, text } from "@/lib/listings/schemas";
import { canonicalJson, jsonValue as jsonSafe, type JsonValue } from "@/lib/json";

/**
 * The content of a technology transfer contract: the 14 items of Law 07/2017 Art. 23 (DOMAIN §4)
 * and what issue #12 adds (transfer form and method; scope: ownership or right of use, exclusive or
 * not, territory, sub-licensing; value in VND; milestones with dates, amounts and who delivers what;
 * term and effective date; warranty; penalties; dispute body; governing law).
 *
 * A party saves drafts, so every field is optional — but each one is validated when present, and
 * errors are message keys under `validation.` (all reported at once). What a confirmation needs on
 * top of that is `missingForConfirmation`. Every save is a new version identified by the SHA-256 of
 * `canonicalContract` (./contract-hash.ts). Client-safe: the contract form uses the same rules.
 */

/** "Absurdly large": above 10^15 VND (about 40 billion USD) is a typing mistake, not a contract. */
export const MAX_CONTRACT_VALUE = 10n ** 15n;

const blank = (v: unknown) => (v === null || v === "" || (Array.isArray(v) && v.length === 0) ? undefined : v);

/** A clause: multi-line prose through the one sanitizer (lib/text.ts), at most 20,000 characters. */
const clause = optionalText(20_000);

/** A VND amount: a whole number of đồng, typed with or without thousand separators. */
function amount(zero: "allowed" | "refused") {
  return z.preprocess(
    (v) => {
      if (typeof v === "number") return Number.isSafeInteger(v) ? BigInt(v) : v;
      if (typeof v !== "string") return blank(v);
      const digits = v
        .normalize("NFC")
        .trim()
        .replace(/[.\s,_]/g, "");
      if (digits === "") return undefined;
      return /^-?\d+$/.test(digits) ? BigInt(digits) : v;
    },
    z
      .bigint({ error: "not_a_number" })
      .refine((v) => v >= 0n, "must_not_be_negative")
      .refine((v) => zero === "allowed" || v !== 0n, "must_be_positive")
      .refine((v) => v <= MAX_CONTRACT_VALUE, "too_large_amount")
      .optional(),
  );
}

/** A calendar date, "YYYY-MM-DD" (dates in a contract have no time of day and no time zone). */
const date = z.preprocess(blank, z.iso.date({ error: "date_invalid" }).optional());

const yesNo = z.preprocess(
  (v) => (v === "true" || v === "on" ? true : v === "false" ? false : blank(v)),
  z.boolean({ error: "choose_one" }).optional(),
);

const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(blank, z.enum(values, { error: "choose_one" }).optional());

/** A set of enum values: duplicates dropped and the enum's order kept, so the hash ignores the order ticked. */
const setOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(
    (v) => (typeof v === "string" && v !== "" ? [v] : blank(v)),
    z
      .array(z.enum(values, { error: "choose_one" }), { error: "choose_one" })
      .transform((chosen) => values.filter((value) => chosen.includes(value)))
      .optional(),
  );

const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(blank, z.array(item, { error: "invalid_input" }).max(max, "too_many_items").optional());

export const SCOPES = ["OWNERSHIP", "RIGHT_OF_USE"] as const;
/** When the contract takes effect: on signing, on a date, or on the registration certificate (mandatory registration). */
export const EFFECTIVE_ON = ["SIGNING", "DATE", "REGISTRATION"] as const;
export const DISPUTE_BODIES = ["COURT", "ARBITRATION"] as const;
export const RESPONSIBLE_SIDES = ["provider", "seeker"] as const;

const enumValues = <T extends string>(values: Record<string, T>) => Object.values(values) as [T, ...T[]];

/** A milestone: a payment, a delivery or both — who delivers what, by when, and what is paid. */
export const MilestoneSchema = z.object({
  title: line(1, 300),
  dueDate: date,
  responsible: oneOf(RESPONSIBLE_SIDES),
  deliverable: optionalText(2_000),
  /** Paid at this milestone; 0 or absent for a delivery without payment. */
  amount: amount("allowed"),
});

/** A support obligation (training, maintenance, expert help) and the date it ends. */
export const SupportObligationSchema = z.object({
  description: text(1, 2_000),
  until: date,
});

export const MILESTONE_FIELDS = ["title", "dueDate", "responsible", "deliverable", "amount"] as const;
export const SUPPORT_FIELDS = ["description", "until"] as const;

const ContractObjectSchema = z.object({
  // 1 technology name
  technologyName: optionalLine(300),
  // 2 object, products made with it, their standards and quality
  transferObjects: setOf(enumValues(TransferObject)),
  objectDescription: clause,
  products: clause,
  productStandards: clause,
  // 3 ownership and/or right to use
  scope: oneOf(SCOPES),
  exclusive: yesNo,
  territory: optionalLine(500),
  sublicensing: yesNo,
  // 4 transfer method (and the form of transfer, Art. 5)
  transferForm: oneOf(enumValues(TransferForm)),
  transferMethods: setOf(enumValues(TransferMethod)),
  methodDetails: clause,
  // 5 rights and obligations
  providerObligations: clause,
  seekerObligations: clause,
  supportObligations: listOf(SupportObligationSchema, 50),
  // 6 price and payment method
  value: amount("refused"),
  paymentMethod: clause,
  // 7 term and effective date
  effectiveOn: oneOf(EFFECTIVE_ON),
  effectiveDate: date,
  termEndDate: date,
  // 8 definitions
  definitions: clause,
  // 9 plan, schedule and place of transfer
  deliveryPlace: optionalText(2_000),
  milestones: listOf(MilestoneSchema, 100),
  // 10 warranty, 11 penalties, 12 liability for breach
  warranty: clause,
  penalties: clause,
  liability: clause,
  // 13 dispute resolution body
  disputeBody: oneOf(DISPUTE_BODIES),
  disputeBodyName: optionalLine(300),
  // 14 other terms
  governingLaw: optionalLine(300),
  otherTerms: clause,
});

/**
 * What a party saves (a form or a stored version read back). Besides each field's own rules:
 * an effective date only with "takes effect on a date"; the term ends after it starts; exclusivity,
 * territory and sub-licensing describe a right of use, not a transfer of ownership; and once the
 * value and any milestone amount are given, the amounts add up to the value exactly.
 */
export const ContractContentSchema = ContractObjectSchema.superRefine((c, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (c.effectiveDate !== undefined && c.effectiveOn !== undefined && c.effectiveOn !== "DATE") {
    issue(["effectiveDate"], "not_applicable");
  }
  // ISO dates compare as strings. A term ending the day it starts is refused too: nothing to perform.
  if (c.effectiveDate !== undefined && c.termEndDate !== undefined && c.termEndDate <= c.effectiveDate) {
    issue(["termEndDate"], "end_before_start");
  }
  if (c.scope === "OWNERSHIP") {
    for (const field of ["exclusive", "territory", "sublicensing"] as const) {
      if (c[field] !== undefined) issue([field], "only_for_right_of_use");
    }
  }
  // Only valid amounts are added up: a refused value or amount is already reported on its own.
  const valid = (a: bigint | undefined, min: bigint) => a !== undefined && a >= min && a <= MAX_CONTRACT_VALUE;
  const amounts = (c.milestones ?? []).flatMap((m) => (m.amount === undefined ? [] : [m.amount]));
  if (
    c.value !== undefined &&
    valid(c.value, 1n) &&
    amounts.length > 0 &&
    amounts.every((a) => valid(a, 0n)) &&
    amounts.reduce((sum, a) => sum + a, 0n) !== c.value
  ) {
    issue(["milestones"], "amounts_do_not_add_up");
  }
});

export type ContractContent = z.output<typeof ContractContentSchema>;
export type ContractField = keyof ContractContent;
export type Milestone = z.output<typeof MilestoneSchema>;

/** One item of Art. 23: its number, its key, the content fields that make it up, its message keys. */
export interface Art23Item {
  readonly no: number;
  readonly key: Art23Key;
  readonly fields: readonly ContractField[];
  /** `contract.items.<key>.title` and `.guidance`: the item's heading and its short guidance. */
  readonly titleKey: `contract.items.${Art23Key}.title`;
  readonly guidanceKey: `contract.items.${Art23Key}.guidance`;
}

export type Art23Key =
  | "technology_name"
  | "object"
  | "scope"
  | "method"
  | "rights_obligations"
  | "price_payment"
  | "term_effect"
  | "definitions"
  | "plan_schedule_place"
  | "warranty"
  | "penalties"
  | "liability"
  | "dispute_resolution"
  | "other_terms";

const item = (no: number, key: Art23Key, fields: readonly ContractField[]): Art23Item => ({
  no,
  key,
  fields,
  titleKey: `contract.items.${key}.title`,
  guidanceKey: `contract.items.${key}.guidance`,
});

/** The 14 items of Law 07/2017 Art. 23, in the law's order; every content field belongs to one. */
export const ART23_ITEMS: readonly Art23Item[] = [
  item(1, "technology_name", ["technologyName"]),
  item(2, "object", ["transferObjects", "objectDescription", "products", "productStandards"]),
  item(3, "scope", ["scope", "exclusive", "territory", "sublicensing"]),
  item(4, "method", ["transferForm", "transferMethods", "methodDetails"]),
  item(5, "rights_obligations", ["providerObligations", "seekerObligations", "supportObligations"]),
  item(6, "price_payment", ["value", "paymentMethod"]),
  item(7, "term_effect", ["effectiveOn", "effectiveDate", "termEndDate"]),
  item(8, "definitions", ["definitions"]),
  item(9, "plan_schedule_place", ["deliveryPlace", "milestones"]),
  item(10, "warranty", ["warranty"]),
  item(11, "penalties", ["penalties"]),
  item(12, "liability", ["liability"]),
  item(13, "dispute_resolution", ["disputeBody", "disputeBodyName"]),
  item(14, "other_terms", ["governingLaw", "otherTerms"]),
];

/** An Art. 23 item that blocks confirmation, with the fields (paths) still to fill in or correct. */
export interface MissingItem {
  readonly no: number;
  readonly key: Art23Key;
  readonly fields: readonly string[];
}

/**
 * The Art. 23 items still missing, in the law's order: an empty list means the content may be
 * confirmed. An item is complete when:
 *  1 the technology is named; 2 the objects, their description, the products and their standards
 *  and quality are given; 3 ownership or right of use — for a right of use also exclusive or not,
 *  the territory and whether sub-licensing is allowed; 4 the form and at least one method;
 *  5 both parties' obligations (support obligations are optional); 6 the value, the payment method
 *  and a payment schedule (at least one milestone with an amount, the amounts adding up — the
 *  schema already refuses any other total); 7 when it takes effect (a date if "on a date"; on the
 *  registration certificate when registration is mandatory, DOMAIN §5) and when the term ends;
 *  8 definitions; 9 the place and at least one milestone, each with a date and who is responsible;
 *  10–12 warranty, penalties, liability; 13 the kind and name of the dispute body; 14 the governing
 *  law (other terms are optional).
 */
export function missingForConfirmation(
  content: ContractContent,
  options: { readonly registrationMandatory?: boolean } = {},
): MissingItem[] {
  const c = content;
  const absent = (...fields: ContractField[]) => fields.filter((f) => c[f] === undefined);
  const milestones = c.milestones ?? [];
  const missingByItem: Record<Art23Key, string[]> = {
    technology_name: absent("technologyName"),
    object: absent("transferObjects", "objectDescription", "products", "productStandards"),
    scope: c.scope === "RIGHT_OF_USE" ? absent("exclusive", "territory", "sublicensing") : absent("scope"),
    method: absent("transferForm", "transferMethods"),
    rights_obligations: absent("providerObligations", "seekerObligations"),
    price_payment: [
      ...absent("value", "paymentMethod"),
      ...(milestones.some((m) => m.amount !== undefined && m.amount > 0n) ? [] : ["milestones"]),
    ],
    term_effect: [
      ...absent("effectiveOn", "termEndDate"),
      ...(c.effectiveOn === "DATE" ? absent("effectiveDate") : []),
      ...(options.registrationMandatory && c.effectiveOn !== undefined && c.effectiveOn !== "REGISTRATION"
        ? ["effectiveOn"]
        : []),
    ],
    definitions: absent("definitions"),
    plan_schedule_place: [
      ...absent("deliveryPlace"),
      ...(milestones.length === 0 ? ["milestones"] : []),
      ...milestones.flatMap((m, i) => [
        ...(m.dueDate === undefined ? [`milestones.${i}.dueDate`] : []),
        ...(m.responsible === undefined ? [`milestones.${i}.responsible`] : []),
      ]),
    ],
    warranty: absent("warranty"),
    penalties: absent("penalties"),
    liability: absent("liability"),
    dispute_resolution: absent("disputeBody", "disputeBodyName"),
    other_terms: absent("governingLaw"),
  };
  return ART23_ITEMS.flatMap(({ no, key }) => {
    const fields = missingByItem[key];
    return fields.length === 0 ? [] : [{ no, key, fields }];
  });
}

/** The content as the `terms` jsonb column stores it (amounts as decimal strings). */
export function storedContract(content: ContractContent): JsonValue {
  return jsonSafe(content) ?? null;
}

/** A stored version read back, or null when it does not read as contract content (hand-edited data). */
export function parseStoredContract(value: unknown): ContractContent | null {
  const parsed = ContractContentSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The canonical text of a version: keys sorted at every level, absent fields left out, amounts as
 * decimal strings, sets in enum order. Equal content gives the same text whatever order it was
 * typed or stored in; its SHA-256 (./contract-hash.ts) is what both parties confirm.
 */
export function canonicalContract(content: ContractContent): string {
  return canonicalJson(jsonSafe(content));
}
