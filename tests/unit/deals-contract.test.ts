import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson as auditCanonicalJson, toJsonSafe } from "@/lib/audit/chain";
import {
  ART23_ITEMS,
  canonicalContract,
  ContractContentSchema,
  missingForConfirmation,
  parseStoredContract,
  storedContract,
  type ContractContent,
} from "@/lib/deals/contract";
import { diffContracts } from "@/lib/deals/contract-diff";
import { contractSha256 } from "@/lib/deals/contract-hash";
import { expressLicenceContract, type ExpressOffer } from "@/lib/deals/express-licence";

const OFFER: ExpressOffer = {
  titleVi: "Quy trình sản xuất chế phẩm vi sinh xử lý rơm rạ",
  summaryVi: "Chế phẩm vi sinh phân hủy rơm rạ tại ruộng trong 20–25 ngày, giảm đốt rơm.",
  applicationAreas: "nông nghiệp, xử lý phụ phẩm",
  transferObjects: ["KNOW_HOW", "DOCUMENTS_SOFTWARE_DATA"],
  transferMethods: ["TRAINING", "DOCUMENTS"],
};
const PRICE = 150_000_000n;
const express = (registrationMandatory = false) =>
  expressLicenceContract(OFFER, PRICE, { startDate: "2026-03-10", registrationMandatory });

/** Every error of `input`, as "path: key". */
function errorsOf(input: unknown): string[] {
  const parsed = ContractContentSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}
const parse = (input: unknown): ContractContent => ContractContentSchema.parse(input);

describe("contract content: what a party saves", () => {
  it("accepts an empty draft, and empty fields count as not given", () => {
    expect(parse({})).toEqual({});
    expect(parse({ technologyName: "  ", value: "", milestones: [], transferMethods: [], exclusive: "" })).toEqual({});
  });

  it("refuses a value of 0, a negative one and an absurdly large one, each with its own key", () => {
    expect(errorsOf({ value: "0" })).toEqual(["value: must_be_positive"]);
    expect(errorsOf({ value: "-5000000" })).toEqual(["value: must_not_be_negative"]);
    expect(errorsOf({ value: "1000000000000001" })).toEqual(["value: too_large_amount"]);
    expect(errorsOf({ value: "12 triệu" })).toEqual(["value: not_a_number"]);
    expect(errorsOf({ value: 1.5 })).toEqual(["value: not_a_number"]);
    expect(parse({ value: "1000000000000000" }).value).toBe(10n ** 15n);
    expect(parse({ value: "1.500.000" }).value).toBe(1_500_000n);
    expect(parse({ value: 2_000_000 }).value).toBe(2_000_000n);
  });

  it("refuses a term that ends before (or when) it starts", () => {
    const term = (termEndDate: string) => ({ effectiveOn: "DATE", effectiveDate: "2026-06-01", termEndDate });
    expect(errorsOf(term("2026-05-31"))).toEqual(["termEndDate: end_before_start"]);
    expect(errorsOf(term("2026-06-01"))).toEqual(["termEndDate: end_before_start"]);
    expect(errorsOf(term("2026-06-02"))).toEqual([]);
    expect(errorsOf({ effectiveDate: "2026-02-30" })).toEqual(["effectiveDate: date_invalid"]);
    expect(errorsOf({ effectiveOn: "SIGNING", effectiveDate: "2026-06-01" })).toEqual([
      "effectiveDate: not_applicable",
    ]);
  });

  it("refuses milestone amounts that do not add up to the value", () => {
    const schedule = (...amounts: string[]) => ({
      value: "100.000.000",
      milestones: amounts.map((amount, i) => ({ title: `Đợt ${i + 1}`, amount })),
    });
    expect(errorsOf(schedule("30000000", "60000000"))).toEqual(["milestones: amounts_do_not_add_up"]);
    expect(errorsOf(schedule("30000000", "80000000"))).toEqual(["milestones: amounts_do_not_add_up"]);
    expect(errorsOf(schedule("30000000", "70000000"))).toEqual([]);
    // Deliveries without payment do not count; amounts without a value yet cannot be compared.
    expect(
      errorsOf({
        ...schedule("100000000"),
        milestones: [{ title: "Thanh toán", amount: "100000000" }, { title: "Bàn giao" }],
      }),
    ).toEqual([]);
    expect(errorsOf({ milestones: [{ title: "Đợt 1", amount: "5" }] })).toEqual([]);
    // A refused amount is reported on its own, not added up as well.
    expect(errorsOf({ value: "10", milestones: [{ title: "Đợt 1", amount: "-5" }] })).toEqual([
      "milestones.0.amount: must_not_be_negative",
    ]);
    expect(errorsOf({ milestones: [{ amount: "5" }] })).toEqual(["milestones.0.title: required"]);
  });

  it("passes every text through the one sanitizer", () => {
    expect(errorsOf({ penalties: "Phạt 8%\u0000" })).toEqual(["penalties: invisible_characters"]);
    expect(errorsOf({ warranty: "Bảo hành\u202e 12 tháng" })).toEqual(["warranty: invisible_characters"]);
    expect(errorsOf({ technologyName: "Tên\ncông nghệ" })).toEqual(["technologyName: invisible_characters"]);
    expect(errorsOf({ liability: "x".repeat(20_001) })).toEqual(["liability: too_long"]);
    // Prose keeps its line breaks; text is trimmed and composed (NFC).
    expect(parse({ warranty: " Dòng một\nDòng hai " }).warranty).toBe("Dòng một\nDòng hai");
    expect(parse({ technologyName: "Co\u0302ng nghệ" }).technologyName).toBe("Công nghệ");
  });

  it("keeps exclusivity, territory and sub-licensing for a right of use", () => {
    expect(errorsOf({ scope: "OWNERSHIP", exclusive: "false", territory: "Việt Nam" })).toEqual([
      "exclusive: only_for_right_of_use",
      "territory: only_for_right_of_use",
    ]);
    expect(parse({ scope: "RIGHT_OF_USE", exclusive: "false", sublicensing: "true" })).toEqual({
      scope: "RIGHT_OF_USE",
      exclusive: false,
      sublicensing: true,
    });
    expect(errorsOf({ scope: "LEASE", transferForm: "GIFT", transferMethods: ["DOCUMENTS", "TELEPATHY"] })).toEqual([
      "scope: choose_one",
      "transferForm: choose_one",
      "transferMethods.1: choose_one",
    ]);
  });

  it("reports every problem at once", () => {
    expect(
      errorsOf({
        value: "0",
        effectiveDate: "2026-06-01",
        termEndDate: "2026-01-01",
        penalties: "\u0007",
        milestones: [{ title: "Đợt 1", amount: "10" }],
      }),
    ).toEqual([
      "value: must_be_positive",
      "penalties: invisible_characters",
      "termEndDate: end_before_start",
      // Not "amounts_do_not_add_up": nothing adds up to a refused value.
    ]);
    expect(
      errorsOf({
        value: "100",
        effectiveDate: "2026-06-01",
        termEndDate: "2026-01-01",
        milestones: [{ title: "A", amount: "10" }],
      }),
    ).toEqual(["termEndDate: end_before_start", "milestones: amounts_do_not_add_up"]);
  });
});

describe("Art. 23 items", () => {
  it("lists the 14 items in the law's order, with their message keys, covering every field once", () => {
    expect(ART23_ITEMS.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(ART23_ITEMS[0]).toMatchObject({
      key: "technology_name",
      titleKey: "contract.items.technology_name.title",
      guidanceKey: "contract.items.technology_name.guidance",
    });
    const fields = ART23_ITEMS.flatMap((i) => i.fields);
    expect([...fields].sort()).toEqual(Object.keys(ContractContentSchema.shape).sort());
    expect(new Set(fields).size).toBe(fields.length);
  });

  it("finds all 14 missing in an empty draft, each with its fields", () => {
    const missing = missingForConfirmation({});
    expect(missing.map((m) => m.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(missing.find((m) => m.key === "price_payment")?.fields).toEqual(["value", "paymentMethod", "milestones"]);
    expect(missing.find((m) => m.key === "other_terms")?.fields).toEqual(["governingLaw"]);
  });

  it("names exactly what is still missing in an almost complete contract", () => {
    const { definitions: _definitions, exclusive: _exclusive, ...rest } = express();
    const almost = parse({
      ...rest,
      milestones: [...(rest.milestones ?? []), { title: "Đào tạo", deliverable: "Hai buổi đào tạo" }],
    });
    expect(missingForConfirmation(almost)).toEqual([
      { no: 3, key: "scope", fields: ["exclusive"] },
      { no: 8, key: "definitions", fields: ["definitions"] },
      { no: 9, key: "plan_schedule_place", fields: ["milestones.2.dueDate", "milestones.2.responsible"] },
    ]);
  });

  it("needs a payment schedule and, for a mandatory registration, effect on the certificate", () => {
    const unpaid = parse({ ...express(), milestones: express().milestones?.map(({ amount: _amount, ...m }) => m) });
    expect(missingForConfirmation(unpaid)).toEqual([{ no: 6, key: "price_payment", fields: ["milestones"] }]);
    expect(missingForConfirmation(express(false), { registrationMandatory: true })).toEqual([
      { no: 7, key: "term_effect", fields: ["effectiveOn"] },
    ]);
    expect(missingForConfirmation(parse({ ...express(), effectiveOn: "DATE" }))).toEqual([
      { no: 7, key: "term_effect", fields: ["effectiveDate"] },
    ]);
  });
});

describe("canonical content and its hash", () => {
  it("does not depend on the order keys or set members were given in", () => {
    const a = parse({ value: "5000000", technologyName: "Công nghệ A", transferMethods: ["TRAINING", "DOCUMENTS"] });
    const b = parse({
      transferMethods: ["DOCUMENTS", "TRAINING", "DOCUMENTS"],
      technologyName: "Công nghệ A",
      value: 5_000_000,
    });
    expect(canonicalContract(a)).toBe(canonicalContract(b));
    expect(canonicalContract(a)).toBe(
      '{"technologyName":"Công nghệ A","transferMethods":["DOCUMENTS","TRAINING"],"value":"5000000"}',
    );
    expect(contractSha256(a)).toBe(contractSha256(b));
    expect(contractSha256(a)).toBe(createHash("sha256").update(canonicalContract(a), "utf8").digest("hex"));
    expect(contractSha256(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with any change of content", () => {
    const base = express();
    const hash = contractSha256(base);
    expect(contractSha256(parse({ ...base, warranty: `${base.warranty} ` }))).toBe(hash);
    expect(contractSha256(parse({ ...base, warranty: `${base.warranty}.` }))).not.toBe(hash);
    expect(contractSha256(parse({ ...base, exclusive: true }))).not.toBe(hash);
  });

  it("reads back from its stored JSON to the same hash, and agrees with the audit log's canonical JSON", () => {
    const content = express(true);
    const stored = JSON.parse(JSON.stringify(storedContract(content)));
    expect(stored.value).toBe("150000000");
    const back = parseStoredContract(stored);
    expect(back).toEqual(content);
    expect(back && contractSha256(back)).toBe(contractSha256(content));
    expect(canonicalContract(content)).toBe(auditCanonicalJson(toJsonSafe(content)));
    expect(parseStoredContract({ value: "-1" })).toBeNull();
  });
});

describe("a readable diff between two versions", () => {
  it("lists changed fields in the order of Art. 23, with JSON values", () => {
    const v1 = express();
    const v2 = parse({
      ...v1,
      value: 180_000_000n,
      warranty: "Bảo hành 24 tháng.",
      milestones: [
        { ...v1.milestones?.[0], amount: 180_000_000n },
        v1.milestones?.[1],
        { title: "Đào tạo vận hành", dueDate: "2026-05-10", responsible: "provider" },
      ],
    });
    expect(diffContracts(v1, v2)).toEqual([
      { no: 6, item: "price_payment", field: "value", before: "150000000", after: "180000000" },
      { no: 9, item: "plan_schedule_place", field: "milestones.0.amount", before: "150000000", after: "180000000" },
      { no: 9, item: "plan_schedule_place", field: "milestones.2.title", before: null, after: "Đào tạo vận hành" },
      { no: 9, item: "plan_schedule_place", field: "milestones.2.dueDate", before: null, after: "2026-05-10" },
      { no: 9, item: "plan_schedule_place", field: "milestones.2.responsible", before: null, after: "provider" },
      { no: 10, item: "warranty", field: "warranty", before: v1.warranty, after: "Bảo hành 24 tháng." },
    ]);
    expect(diffContracts(v1, v1)).toEqual([]);
    expect(diffContracts(v2, v1).map((c) => c.field)).toEqual(diffContracts(v1, v2).map((c) => c.field));
  });

  it("shows a field given or removed as null on the other side, and sets as whole values", () => {
    expect(diffContracts(parse({}), parse({ transferMethods: ["DOCUMENTS"], exclusive: "false" }))).toEqual([
      { no: 3, item: "scope", field: "exclusive", before: null, after: false },
      { no: 4, item: "method", field: "transferMethods", before: null, after: ["DOCUMENTS"] },
    ]);
  });
});

describe("the express licence's standard terms", () => {
  it("make a complete contract, with or without mandatory registration", () => {
    expect(missingForConfirmation(express(false))).toEqual([]);
    expect(missingForConfirmation(express(true), { registrationMandatory: true })).toEqual([]);
    expect(express(true).effectiveOn).toBe("REGISTRATION");
    expect(express(false).effectiveOn).toBe("SIGNING");
  });

  it("are a non-exclusive right of use without sub-licensing, at the offer's price paid once", () => {
    const c = express();
    expect(c).toMatchObject({
      technologyName: OFFER.titleVi,
      scope: "RIGHT_OF_USE",
      exclusive: false,
      sublicensing: false,
      transferForm: "STANDALONE",
      transferObjects: ["KNOW_HOW", "DOCUMENTS_SOFTWARE_DATA"],
      transferMethods: ["DOCUMENTS", "TRAINING"],
      value: PRICE,
      termEndDate: "2031-03-10",
      supportObligations: [{ until: "2027-03-10" }],
    });
    expect(c.milestones).toEqual([
      expect.objectContaining({ dueDate: "2026-03-25", responsible: "seeker", amount: PRICE }),
      expect.objectContaining({ dueDate: "2026-04-09", responsible: "provider" }),
    ]);
    // Vietnamese, composed, through the same rules as a party's own text.
    expect(canonicalContract(c)).toBe(canonicalContract(c).normalize("NFC"));
    expect(c.governingLaw).toContain("Việt Nam");
  });

  it("cannot be made without a valid price", () => {
    expect(() => expressLicenceContract(OFFER, 0n, { startDate: "2026-03-10", registrationMandatory: false })).toThrow(
      RangeError,
    );
    expect(() =>
      expressLicenceContract(OFFER, 10n ** 16n, { startDate: "2026-03-10", registrationMandatory: false }),
    ).toThrow(/too_large_amount/);
  });
});
