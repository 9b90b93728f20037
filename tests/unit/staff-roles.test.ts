import { describe, expect, it } from "vitest";
import { ALL_ROLES } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";
import { InviteStaffSchema, PARTY_ROLES, roleSetProblem, STAFF_ROLES, UpdateRolesSchema } from "@/lib/accounts/staff";

const USER_ID = "7f1c2d7e-8a41-4e0b-9f55-3c2d1e0a9b77";

describe("which roles one account may hold together", () => {
  it("splits the seven roles into party and staff roles, with none left over", () => {
    expect([...PARTY_ROLES, ...STAFF_ROLES].sort()).toEqual([...ALL_ROLES].sort());
  });

  it("needs at least one role", () => {
    expect(roleSetProblem([])).toBe("roles_required");
  });

  it("accepts any single role", () => {
    for (const role of ALL_ROLES) expect(roleSetProblem([role]), role).toBeNull();
  });

  it("never mixes a party role with a staff role, whichever pair", () => {
    for (const party of PARTY_ROLES)
      for (const staff of STAFF_ROLES) expect(roleSetProblem([party, staff]), `${party}+${staff}`).toBe("roles_mixed");
  });

  it("lets a provider also be a seeker (through the organization), and keeps the administrator alone", () => {
    expect(roleSetProblem(["PROVIDER", "SEEKER"])).toBeNull();
    expect(roleSetProblem(["ADMIN"])).toBeNull();
    expect(roleSetProblem(["ADMIN", "OFFICER"])).toBe("admin_exclusive");
    expect(roleSetProblem(["ADMIN", "AUDITOR"])).toBe("admin_exclusive");
  });

  it("keeps operator, officer and auditor apart: no one is on two sides of the oversight", () => {
    const pairs: Role[][] = [
      ["OPERATOR", "OFFICER"],
      ["OPERATOR", "AUDITOR"],
      ["OFFICER", "AUDITOR"],
      ["ADMIN", "OFFICER", "AUDITOR"],
    ];
    for (const roles of pairs) expect(roleSetProblem(roles), roles.join("+")).toBe("oversight_roles_exclusive");
  });
});

describe("role inputs", () => {
  it("an invitation offers staff roles only", () => {
    const base = { name: "Ngô Thị Mời", email: "Moi@Example.VN" };
    const ok = InviteStaffSchema.parse({ ...base, roles: ["OFFICER", "OFFICER"] });
    expect(ok).toMatchObject({ email: "moi@example.vn", roles: ["OFFICER"], locale: "vi" });
    expect(InviteStaffSchema.safeParse({ ...base, roles: ["PROVIDER"] }).success).toBe(false);
    expect(InviteStaffSchema.safeParse({ ...base, roles: [] }).error?.issues[0]?.message).toBe("roles_required");
  });

  it("a role change reports the rule it breaks on the roles field", () => {
    const mixed = UpdateRolesSchema.safeParse({ userId: USER_ID, roles: ["SEEKER", "AUDITOR"] });
    expect(mixed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["roles", "roles_mixed"]]);
    expect(UpdateRolesSchema.safeParse({ userId: USER_ID, roles: ["ROOT"] }).success).toBe(false);
    expect(UpdateRolesSchema.parse({ userId: USER_ID, roles: ["ADMIN"] }).roles).toEqual(["ADMIN"]);
  });
});
