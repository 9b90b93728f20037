import { describe, expect, it } from "vitest";
import {
  awaitingSides,
  checkConfirmedVersion,
  confirmationBlock,
  confirmedSides,
  isSignable,
  voidedByNewVersion,
  type ContractFacts,
} from "@/lib/deals/confirmation";

const H1 = "1".repeat(64);
const H2 = "2".repeat(64);
const version = (versionNo: number, contentSha256: string, confirmations: ContractFacts["confirmations"] = []) => ({
  versionNo,
  contentSha256,
  complete: true,
  confirmations,
});

describe("confirming the same contract version", () => {
  it("counts a confirmation only for the latest version, with its hash", () => {
    const v1 = version(1, H1, [{ side: "seeker", versionNo: 1, contentSha256: H1 }]);
    expect(confirmedSides(v1)).toEqual(["seeker"]);
    expect(awaitingSides(v1)).toEqual(["provider"]);
    // The provider edits: version 2 voids the seeker's confirmation of version 1.
    const v2 = version(2, H2, v1.confirmations);
    expect(voidedByNewVersion(v1)).toEqual(v1.confirmations);
    expect(confirmedSides(v2)).toEqual([]);
    expect(awaitingSides(v2)).toEqual(["provider", "seeker"]);
    expect(voidedByNewVersion(v2)).toEqual([]);
    // A confirmation recorded with another hash (a tampered or mismatched row) counts for nothing.
    expect(confirmedSides(version(2, H2, [{ side: "seeker", versionNo: 2, contentSha256: H1 }]))).toEqual([]);
    expect(awaitingSides(null)).toEqual(["provider", "seeker"]);
  });

  it("is signable once both parties confirmed the latest version", () => {
    const both = version(3, H2, [
      { side: "provider", versionNo: 3, contentSha256: H2 },
      { side: "seeker", versionNo: 3, contentSha256: H2 },
    ]);
    expect(isSignable(both)).toBe(true);
    expect(isSignable({ ...both, complete: false })).toBe(false);
    expect(isSignable({ ...both, versionNo: 4, contentSha256: H1 })).toBe(false);
    expect(
      isSignable(version(3, H2, [both.confirmations[0] ?? { side: "provider", versionNo: 0, contentSha256: "" }])),
    ).toBe(false);
    expect(isSignable(null)).toBe(false);
  });

  it("says why a side may not confirm", () => {
    expect(confirmationBlock(null, "seeker")).toBe("no_contract");
    expect(confirmationBlock({ ...version(1, H1), complete: false }, "seeker")).toBe("contract_incomplete");
    const seekerDone = version(1, H1, [{ side: "seeker", versionNo: 1, contentSha256: H1 }]);
    expect(confirmationBlock(seekerDone, "seeker")).toBe("already_confirmed");
    expect(confirmationBlock(seekerDone, "provider")).toBeNull();
  });

  it("refuses a confirmation of a version that is no longer the one the user saw", () => {
    const latest = version(2, H2);
    expect(checkConfirmedVersion(latest, { versionNo: 2, contentSha256: H2 })).toBeNull();
    expect(checkConfirmedVersion(latest, { versionNo: 1, contentSha256: H1 })).toBe("contract_changed");
    expect(checkConfirmedVersion(latest, { versionNo: 2, contentSha256: H1 })).toBe("contract_changed");
    expect(checkConfirmedVersion(null, { versionNo: 1, contentSha256: H1 })).toBe("no_contract");
  });
});
