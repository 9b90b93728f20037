import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/actions";
import type { AuditEntry } from "@/lib/audit/mutations";

describe("the audit action catalogue", () => {
  it("lists each action once, as <subject>.<verb>", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+\.[a-z_]+$/);
    expect(AUDIT_ACTIONS).toContain("offer.revision_approved");
    expect(AUDIT_ACTIONS).toContain("demand.expire");
    expect(isAuditAction("membership.approve")).toBe(true);
    expect(isAuditAction("offer.delete_everything")).toBe(false);
  });

  it("types audit entries: an action outside the catalogue does not compile (checked by npm run typecheck)", () => {
    const ok: AuditEntry = { action: "organization.verify", entityType: "organization" };
    // @ts-expect-error — not in the catalogue
    const unknown: AuditEntry = { action: "organization.delete_everything", entityType: "organization" };
    expect([ok.action, unknown.action]).toHaveLength(2);
  });
});
