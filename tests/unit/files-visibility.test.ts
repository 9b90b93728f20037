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
  deal: null,
  dealSide: null,
  confidential: false,
  ...overrides,
});

const SEEKER_ORG = "33333333-3333-4333-8333-333333333333";
const BROKER_ORG = "44444444-4444-4444-8444-444444444444";
const seekerMember: Principal = { id: "u4", roles: ["SEEKER"], organizationId: SEEKER_ORG };
const broker: Principal = { id: "u5", roles: ["INTERMEDIARY"], organizationId: BROKER_ORG };
const deal = (ndaAccepted: boolean) => ({
  origin: "EOI" as const,
  providerOrgId: ORG,
  seekerOrgId: SEEKER_ORG,
  participantOrgIds: [BROKER_ORG],
  ndaAccepted,
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
    const f = file({
      dealId: "d1",
      deal: deal(false),
      dealSide: "provider",
      offer: { status: "PUBLISHED", organizationId: ORG },
    });
    expect(attachmentVisibility(null, f)).toBeNull();
    expect(attachmentVisibility(outsider, f)).toBeNull();
    expect(attachmentVisibility(staff("AUDITOR"), f)).toBe("private");
    expect(attachmentVisibility(staff("ADMIN"), f)).toBeNull();
    // A contract file without its deal is nobody's.
    expect(attachmentVisibility(staff("AUDITOR"), file({ contractId: "c1", organizationId: ORG }))).toBeNull();
  });

  it("shows a deal document to both parties and invited intermediaries", () => {
    const f = file({ dealId: "d1", deal: deal(false), dealSide: "seeker" });
    expect(attachmentVisibility(member, f)).toBe("private");
    expect(attachmentVisibility(seekerMember, f)).toBe("private");
    expect(attachmentVisibility(broker, f)).toBe("private");
    expect(attachmentVisibility(noOrg, f)).toBeNull();
  });

  it("keeps a confidential deal document from the other side until an NDA is accepted, and from intermediaries", () => {
    const before = file({ dealId: "d1", deal: deal(false), dealSide: "provider", confidential: true });
    expect(attachmentVisibility(member, before)).toBe("private"); // its own side
    expect(attachmentVisibility(seekerMember, before)).toBeNull();
    expect(attachmentVisibility(broker, before)).toBeNull();
    expect(attachmentVisibility(staff("OFFICER"), before)).toBe("private");
    const after = { ...before, deal: deal(true) };
    expect(attachmentVisibility(seekerMember, after)).toBe("private");
    expect(attachmentVisibility(broker, after)).toBeNull();
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
