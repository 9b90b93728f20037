/**
 * Issue 9 item 10 (organization actions): a signed-out call, a user without an organization and
 * wrong-typed arguments answer a typed ActionResult, never a 500 (the actions used to assert the
 * user with `user!` and crash on null). The lib code and the database are real; only the framework's
 * request-bound helpers are replaced.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  requestVerificationAction,
  updateOrganizationAction,
} from "@/app/[locale]/(account)/account/organization/actions";
import { db } from "@/lib/db";
import { createOrganization, createUser } from "../factories";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));

const profile = () => {
  const data = new FormData();
  data.append("name", "Viện Công nghệ Môi trường");
  data.append("location", "HN-CAUGIAY");
  return data;
};

let orgId: string;
beforeAll(async () => {
  orgId = (
    await createOrganization(db, {
      name: "Viện Công nghệ Môi trường",
      taxCode: "0101234567",
      verificationStatus: "UNVERIFIED",
      verifiedAt: null,
    })
  ).id;
});

describe("organization actions never answer a 500", () => {
  it("refuses a signed-out caller with a typed error and changes nothing", async () => {
    session.user = null;
    expect(await updateOrganizationAction({ ok: true }, profile())).toMatchObject({
      ok: false,
      code: "unauthenticated",
      formError: "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.",
    });
    expect(await requestVerificationAction()).toMatchObject({ ok: false, code: "unauthenticated" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).verificationStatus).toBe("UNVERIFIED");
  });

  it("answers a user without an organization with not-found", async () => {
    const loner = await createUser(db, { roles: ["SEEKER"] });
    session.user = { ...loner, orgRole: null, emailVerified: true, organization: null };
    expect(await requestVerificationAction()).toMatchObject({
      ok: false,
      code: "not_found",
      formError: "Không tìm thấy.",
    });
    expect(await updateOrganizationAction({ ok: true }, profile())).toMatchObject({ ok: false });
  });

  it("answers wrong-typed arguments with a typed refusal", async () => {
    const member = await createUser(db, { roles: ["PROVIDER"], organizationId: orgId });
    session.user = { ...member, orgRole: "ADMIN", emailVerified: true, organization: null };
    for (const bad of [42, null, { name: "x" }, "name=x"]) {
      const result = await updateOrganizationAction({ ok: true }, bad as unknown as FormData);
      expect(result, JSON.stringify(bad)).toMatchObject({ ok: false, code: "invalid_input" });
    }
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).name).toBe("Viện Công nghệ Môi trường");
  });

  it("still works for the organization's administrator", async () => {
    const admin = await createUser(db, { roles: ["PROVIDER"], organizationId: orgId });
    session.user = { ...admin, orgRole: "ADMIN", emailVerified: true, organization: null };
    expect(await requestVerificationAction()).toMatchObject({ ok: true });
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).verificationStatus).toBe("PENDING");
  });
});
