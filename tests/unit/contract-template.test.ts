import { describe, expect, it } from "vitest";
import { missingForConfirmation } from "@/lib/deals/contract";
import { standardDraft } from "@/lib/deals/contract-template";

const OFFER = {
  titleVi: "Quy trình xử lý nước thải dệt nhuộm bằng vi sinh",
  summaryVi: "Xử lý nước thải dệt nhuộm đạt QCVN 13-MT:2015/BTNMT.",
  transferObjects: ["KNOW_HOW" as const],
  transferMethods: ["TRAINING" as const, "DOCUMENTS" as const],
};
const TERMS = { startDate: "2026-12-01", registrationMandatory: false };

describe("the standard first draft", () => {
  it("is complete when a price is known: only confirmations are left", () => {
    const draft = standardDraft(OFFER, 800_000_000n, TERMS);
    expect(draft.value).toBe(800_000_000n);
    expect(draft.technologyName).toBe(OFFER.titleVi);
    expect(missingForConfirmation(draft)).toEqual([]);
  });

  it("without a price has no value and no amounts, and says the price item is missing", () => {
    const draft = standardDraft(OFFER, null, TERMS);
    expect(draft.value).toBeUndefined();
    expect(draft.milestones?.every((m) => m.amount === undefined)).toBe(true);
    expect(missingForConfirmation(draft).map((m) => m.key)).toEqual(["price_payment"]);
  });
});
