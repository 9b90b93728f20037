import { describe, expect, it } from "vitest";
import {
  CertificateNumberSchema,
  DealReasonSchema,
  ExpressionOfInterestSchema,
  MessageBodySchema,
  OptionalDealReasonSchema,
  RatingSchema,
  RegistrationDecisionSchema,
} from "@/lib/deals/schemas";

/**
 * The first error of each field, as "path: key", as a form shows it. (The shared text builders also
 * add "too_short" after "required" for an empty value: the first one is the one that matters.)
 */
function keys(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const first = new Map<string, string>();
  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.map(String).join(".");
    if (!first.has(path)) first.set(path, `${path}: ${issue.message}`);
  }
  return [...first.values()];
}

describe("what the parties type in a deal", () => {
  it("refuses a 1 MB message, and an empty one", () => {
    expect(keys(MessageBodySchema.safeParse("x".repeat(1024 * 1024)))).toEqual([": too_long"]);
    expect(keys(MessageBodySchema.safeParse("   "))).toEqual([": required"]);
    expect(MessageBodySchema.parse("Chào anh,\nbên em quan tâm.")).toBe("Chào anh,\nbên em quan tâm.");
    expect(keys(MessageBodySchema.safeParse("Chào\u0000"))).toEqual([": invisible_characters"]);
  });

  it("needs a reason to decline or terminate, not to cancel", () => {
    expect(keys(DealReasonSchema.safeParse(""))).toEqual([": required"]);
    expect(DealReasonSchema.parse(" Không phù hợp quy mô. ")).toBe("Không phù hợp quy mô.");
    expect(OptionalDealReasonSchema.parse("")).toBeUndefined();
  });

  it("reads an expression of interest with an optional budget", () => {
    expect(
      ExpressionOfInterestSchema.parse({ message: "Quan tâm", intendedUse: "Sản xuất thử", budget: "1.500.000.000" }),
    ).toEqual({ message: "Quan tâm", intendedUse: "Sản xuất thử", budget: 1_500_000_000n });
    expect(keys(ExpressionOfInterestSchema.safeParse({ message: "", budget: "-1" }))).toEqual([
      "message: required",
      "intendedUse: required",
      "budget: must_not_be_negative",
    ]);
  });

  it("reads an officer's decision: papers asked for, a certificate number, or a reason", () => {
    expect(RegistrationDecisionSchema.parse({ event: "certify", certificateNumber: "123/GCN-SKHCN" })).toEqual({
      event: "certify",
      certificateNumber: "123/GCN-SKHCN",
    });
    expect(keys(RegistrationDecisionSchema.safeParse({ event: "certify", certificateNumber: "" }))).toEqual([
      "certificateNumber: required",
    ]);
    expect(keys(RegistrationDecisionSchema.safeParse({ event: "refuse" }))).toEqual(["reason: required"]);
    expect(keys(RegistrationDecisionSchema.safeParse({ event: "request_papers", note: "Thiếu bản gốc" }))).toEqual([]);
    expect(keys(CertificateNumberSchema.safeParse("<script>"))).toEqual([": certificate_number_invalid"]);
    expect(keys(RegistrationDecisionSchema.safeParse({ event: "approve" })).length).toBe(1);
  });

  it("rates 1 to 5", () => {
    expect(RatingSchema.parse({ stars: "5", comment: "" })).toEqual({ stars: 5 });
    for (const stars of ["0", "6", "4.5", ""]) expect(RatingSchema.safeParse({ stars }).success, stars).toBe(false);
  });
});
