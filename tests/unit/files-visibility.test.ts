import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/authz";
import { attachmentVisibility, cacheControl, type AttachmentOwnership } from "@/lib/files/visibility";

const ORG = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const member: Principal = { id: "u1", roles: ["PROVIDER"], organizationId: ORG };
const outsider: Principal = { id: "u2", roles: ["SEEKER"], organizationId: OTHER };
const noOrg: Principal = { id: "u3", roles: ["SEEKER"], organizationId: null };
const staff = (role: "OPERATOR" | "OFFICER" | "AUDITOR" | "ADMIN"): Principal => ({
  id: role,
  roles: [role],
  organizationId: null,
});

const file = (overrides: Partial<AttachmentOwnership>): AttachmentOwnership => ({
  organizationId: null,
  dealId: null,
  contractId: null,
  offer: null,
  demand: null,
  ...overrides,
});

describe("attachment visibility", () => {
  it("shows files of a published offer or demand to everyone, anonymous included", () => {
    const offerFile = file({ offer: { status: "PUBLISHED", organizationId: ORG } });
    const demandFile = file({ demand: { status: "PUBLISHED", organizationId: ORG } });
    for (const user of [null, outsider, member, staff("ADMIN")]) {
      expect(attachmentVisibility(user, offerFile)).toBe("public");
      expect(attachmentVisibility(user, demandFile)).toBe("public");
    }
  });

  it.each(["DRAFT", "SUBMITTED", "REJECTED", "EXPIRED", "WITHDRAWN"] as const)(
    "keeps files of a %s listing to its organization and to staff",
    (status) => {
      const f = file({ offer: { status, organizationId: ORG } });
      expect(attachmentVisibility(member, f)).toBe("private");
      for (const role of ["OPERATOR", "OFFICER", "AUDITOR"] as const)
        expect(attachmentVisibility(staff(role), f)).toBe("private");
      expect(attachmentVisibility(outsider, f)).toBeNull();
      expect(attachmentVisibility(noOrg, f)).toBeNull();
      expect(attachmentVisibility(staff("ADMIN"), f)).toBeNull(); // admins manage users, nothing else
      expect(attachmentVisibility(null, f)).toBeNull();
    },
  );

  it("keeps verification documents to the organization and staff", () => {
    const f = file({ organizationId: ORG });
    expect(attachmentVisibility(member, f)).toBe("private");
    expect(attachmentVisibility(staff("OPERATOR"), f)).toBe("private");
    expect(attachmentVisibility(outsider, f)).toBeNull();
    expect(attachmentVisibility(null, f)).toBeNull();
  });

  it("never publishes deal or contract documents, even if they also name a published offer", () => {
    const f = file({ dealId: "d1", offer: { status: "PUBLISHED", organizationId: ORG } });
    expect(attachmentVisibility(null, f)).toBeNull();
    expect(attachmentVisibility(member, f)).toBeNull();
    expect(attachmentVisibility(staff("AUDITOR"), f)).toBe("private");
    expect(attachmentVisibility(null, file({ contractId: "c1", organizationId: ORG }))).toBeNull();
  });

  it("lets shared caches keep only public files, and only with revalidation on every use", () => {
    expect(cacheControl("public")).toBe("public, no-cache");
    expect(cacheControl("private")).toBe("private, no-cache");
    expect(cacheControl(null)).toBe("no-store");
    for (const status of ["DRAFT", "SUBMITTED", "REJECTED", "EXPIRED", "WITHDRAWN"] as const) {
      const f = file({ offer: { status, organizationId: ORG } });
      expect(cacheControl(attachmentVisibility(member, f))).not.toMatch(/public/);
      expect(cacheControl(attachmentVisibility(null, f))).toBe("no-store");
    }
  });
});
