import { describe, expect, it } from "vitest";
import { ALL_ROLES, assertCan, can, PERMISSIONS, type Action } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";
import { canDecide, canReview, reviewerActionFor, screeningUnderReview } from "@/lib/listings/moderation";

const user = (roles: Role[], organizationId: string | null = "org-1") => ({ id: "u", roles, organizationId });

/** The columns of EXPECTED, in this order. */
const ROLES = [
  "PROVIDER",
  "SEEKER",
  "INTERMEDIARY",
  "OPERATOR",
  "OFFICER",
  "AUDITOR",
  "ADMIN",
] as const satisfies readonly Role[];

/**
 * The policy, written out by hand: one row per action, one column per role ("x" allowed, "."
 * refused). It is deliberately NOT derived from PERMISSIONS: changing who may do what must fail
 * this test until the row here is changed too, in the same commit, where a reviewer sees it.
 */
// prettier-ignore
const EXPECTED: Record<Action, string> = {
  //                             PSIOFAD  = PROVIDER SEEKER INTERMEDIARY OPERATOR oFficer AUDITOR aDmin
  "offer:create":               "x......",
  "offer:manage-own":           "x......",
  "demand:create":              ".x.....",
  "demand:manage-own":          ".x.....",
  "organization:manage-own":    "xxx....",
  "membership:manage-own":      "xxx....",
  "membership:request":         "xxx....",
  "membership:decide-orphan":   "...x...",
  "intermediary:profile-own":   "..x....",
  "deal:express-interest":      ".x.....",
  "deal:propose":               "x......",
  "deal:act":                   "xx.....",
  "expert:contact":             "xxx....",
  "workspace:access":           "xxx....",
  "admin:access":               "...xxxx",
  "listing:moderate":           "...x...",
  "organization:verify":        "...x...",
  "event:manage":               "...x...",
  "complaint:answer":           "...x...",
  "listing:decide-restricted":  "....x..",
  "registration:decide":        "....x..",
  "screening:manage":           "....x..",
  "taxonomy:manage":            "....x..",
  "kpi:manage":                 "....x..",
  "thesaurus:manage":           "....x..",
  "search:insights":            "...xx..",
  "flag:raise":                 "....x..",
  "flag:answer":                "...x...",
  "oversight:read":             "...xxx.",
  "deal:read-all":              "...xxx.",
  "audit:read":                 "....xx.",
  "audit:verify":               ".....x.",
  "audit:export":               ".....x.",
  "user:manage":                "......x",
};

const cells = (Object.keys(EXPECTED) as Action[]).flatMap((action) =>
  ROLES.map((role, column) => [action, role, EXPECTED[action][column] === "x"] as const),
);

describe("permission table", () => {
  it("knows exactly the actions and roles of the expected matrix", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...ALL_ROLES].sort()).toEqual([...ROLES].sort());
    for (const row of Object.values(EXPECTED)) expect(row).toMatch(/^[x.]{7}$/);
  });

  it.each(cells)("%s for %s: allowed %s", (action, role, allowed) => {
    expect(can(user([role]), action)).toBe(allowed);
  });

  it("grants a user with several roles what any of them grants, and nothing to nobody", () => {
    const both = user(["OPERATOR", "AUDITOR"]);
    for (const action of Object.keys(EXPECTED) as Action[]) {
      const expected =
        EXPECTED[action][ROLES.indexOf("OPERATOR")] === "x" || EXPECTED[action][ROLES.indexOf("AUDITOR")] === "x";
      expect(can(both, action), action).toBe(expected);
      expect(can(null, action), action).toBe(false);
      expect(can(user([]), action), action).toBe(false);
    }
  });

  it("gives the admin user management and nothing of the domain", () => {
    const admin = user(["ADMIN"]);
    expect((Object.keys(PERMISSIONS) as Action[]).filter((a) => can(admin, a)).sort()).toEqual([
      "admin:access",
      "user:manage",
    ]);
  });

  it("keeps the auditor read-only", () => {
    const auditor = user(["AUDITOR"]);
    const granted = (Object.keys(PERMISSIONS) as Action[]).filter((a) => can(auditor, a));
    expect(granted.every((a) => /:(read|verify|export|access)|read-all/.test(a))).toBe(true);
  });

  it("scopes -own actions to the user's organization and answers not_found otherwise", () => {
    const provider = user(["PROVIDER"], "org-1");
    expect(() => assertCan(provider, "offer:manage-own", { organizationId: "org-1" })).not.toThrow();
    expect(() => assertCan(provider, "offer:manage-own", { organizationId: "org-2" })).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() => assertCan(user(["PROVIDER"], null), "offer:manage-own", { organizationId: null })).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() => assertCan(user(["SEEKER"]), "offer:manage-own", { organizationId: "org-1" })).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() => assertCan(null, "offer:create")).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => assertCan(user(["SEEKER"]), "offer:create")).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("refuses an organization's administrator task to anyone outside it", () => {
    expect(() => assertCan(user(["PROVIDER"], null), "membership:manage-own", { organizationId: null })).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});

describe("who decides a listing (lib/listings/moderation.ts)", () => {
  const operator = user(["OPERATOR"], null);
  const officer = user(["OFFICER"], null);
  const auditor = user(["AUDITOR"], null);
  const submitted = (screening: string) => ({ status: "SUBMITTED", screening, pendingRevision: null });
  const revised = (listingScreening: string, revisionScreening: string | undefined) => ({
    status: "PUBLISHED",
    screening: listingScreening,
    pendingRevision: { titleVi: "…", ...(revisionScreening ? { screening: revisionScreening } : {}) },
  });

  it("gives restricted submissions to the officer and every other submission to the operator", () => {
    expect(reviewerActionFor(submitted("RESTRICTED"))).toBe("listing:decide-restricted");
    for (const screening of ["CLEAR", "ENCOURAGED", "PROHIBITED"])
      expect(reviewerActionFor(submitted(screening))).toBe("listing:moderate");
    expect(canDecide(officer, submitted("RESTRICTED"))).toBe(true);
    expect(canDecide(operator, submitted("RESTRICTED"))).toBe(false);
    expect(canDecide(operator, submitted("CLEAR"))).toBe(true);
    expect(canDecide(officer, submitted("CLEAR"))).toBe(false);
    expect(canDecide(auditor, submitted("CLEAR"))).toBe(false);
    expect(canDecide(auditor, submitted("RESTRICTED"))).toBe(false);
  });

  it("decides a revision on its own screening, not the published version's", () => {
    expect(screeningUnderReview(revised("CLEAR", "RESTRICTED"))).toBe("RESTRICTED");
    expect(reviewerActionFor(revised("CLEAR", "RESTRICTED"))).toBe("listing:decide-restricted");
    expect(reviewerActionFor(revised("RESTRICTED", "CLEAR"))).toBe("listing:moderate");
    // A revision stored without a screening (older rows) counts as CLEAR.
    expect(screeningUnderReview(revised("RESTRICTED", undefined))).toBe("CLEAR");
    expect(canDecide(operator, revised("RESTRICTED", "CLEAR"))).toBe(true);
    expect(canDecide(operator, revised("CLEAR", "RESTRICTED"))).toBe(false);
  });

  it("has nobody decide a listing that waits for no decision", () => {
    for (const status of ["DRAFT", "PUBLISHED", "REJECTED", "WITHDRAWN", "EXPIRED"]) {
      const listing = { status, screening: "RESTRICTED", pendingRevision: null };
      expect(reviewerActionFor(listing), status).toBeNull();
      expect(canDecide(officer, listing)).toBe(false);
      expect(canDecide(operator, listing)).toBe(false);
    }
    // A revision left on a listing that is no longer published is not reviewed.
    expect(
      reviewerActionFor({ status: "WITHDRAWN", screening: "CLEAR", pendingRevision: { screening: "CLEAR" } }),
    ).toBeNull();
  });

  it("lets only the operator and the officer work the moderation queue", () => {
    expect(ROLES.filter((role) => canReview(user([role])))).toEqual(["OPERATOR", "OFFICER"]);
  });
});
