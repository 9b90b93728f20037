import { describe, expect, it } from "vitest";
import { ALL_ROLES, assertCan, can, PERMISSIONS, type Action } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";

const user = (roles: Role[], organizationId: string | null = "org-1") => ({ id: "u", roles, organizationId });

describe("permission table", () => {
  const actions = Object.keys(PERMISSIONS) as Action[];

  it.each(actions.flatMap((action) => ALL_ROLES.map((role) => [action, role] as const)))(
    "%s for %s follows the table",
    (action, role) => {
      const allowed = (PERMISSIONS[action] as readonly Role[]).includes(role);
      expect(can(user([role]), action)).toBe(allowed);
    },
  );

  it("gives the admin user management and nothing of the domain", () => {
    const admin = user(["ADMIN"]);
    expect(actions.filter((a) => can(admin, a)).sort()).toEqual(["admin:access", "user:manage"]);
  });

  it("keeps the auditor read-only", () => {
    const auditor = user(["AUDITOR"]);
    const granted = actions.filter((a) => can(auditor, a));
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

  it("lets organization members (not staff) request and manage membership, and only the operator decide orphan requests", () => {
    for (const role of ["PROVIDER", "SEEKER", "INTERMEDIARY"] as const) {
      expect(can(user([role]), "membership:request")).toBe(true);
      expect(can(user([role]), "membership:manage-own")).toBe(true);
      expect(can(user([role]), "membership:decide-orphan")).toBe(false);
    }
    expect(ALL_ROLES.filter((role) => can(user([role]), "membership:decide-orphan"))).toEqual(["OPERATOR"]);
    expect(() => assertCan(user(["PROVIDER"], null), "membership:manage-own", { organizationId: null })).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});
