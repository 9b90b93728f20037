/**
 * Issue 9 item 1, review follow-ups: the English name is a legal field (it is the name English pages
 * show beside the badge), a legal change while the operator reviews withdraws the request, only the
 * administrator asks for verification, and a join request made at sign-up reaches nobody until the
 * address is confirmed.
 */
import { describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/mutations";
import { verifyEmail } from "@/lib/accounts/verification";
import { systemContext } from "@/lib/audit/context";
import { RegisterSchema } from "@/lib/auth/schemas";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { requestVerification, updateOwnOrganization } from "@/lib/organizations/mutations";
import { OrganizationProfileSchema } from "@/lib/organizations/schemas";
import { createOrganization, createUser } from "../factories";

const ctx = systemContext("test:legal");
const principal = (u: {
  id: string;
  roles: Principal["roles"];
  organizationId: string | null;
  orgRole: "ADMIN" | "MEMBER" | null;
}): Principal => ({
  id: u.id,
  roles: u.roles,
  organizationId: u.organizationId,
  orgRole: u.orgRole,
  emailVerified: true,
});
const profile = (overrides: Record<string, string> = {}) =>
  OrganizationProfileSchema.parse({
    name: "Viện Cơ khí Năng lượng",
    taxCode: "0102345678",
    location: "HN-CAUGIAY",
    type: "INSTITUTE",
    ...overrides,
  });

describe("legal fields of an organization", () => {
  it("keeps a verified organization's English name until the operator accepts a new one, and refuses it to members", async () => {
    const org = await createOrganization(db, {
      name: "Viện Cơ khí Năng lượng",
      nameEn: "Institute of Energy Mechanics",
      taxCode: "0102345678",
      type: "INSTITUTE",
      verificationStatus: "VERIFIED",
    });
    const admin = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
    const member = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id, orgRole: "MEMBER" });
    await expect(
      updateOwnOrganization(ctx, principal(member), profile({ nameEn: "Hanoi Department of Science and Technology" })),
    ).rejects.toMatchObject({ message: "legal_admin_only" });
    const result = await updateOwnOrganization(
      ctx,
      principal(admin),
      profile({ nameEn: "Hanoi Department of Science and Technology" }),
    );
    expect(result.legalPending).toBe(true);
    const stored = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored.nameEn).toBe("Institute of Energy Mechanics");
    expect(stored.pendingLegal).toMatchObject({ nameEn: "Hanoi Department of Science and Technology" });
  });

  it("withdraws a pending verification request when the legal fields change under the operator's review", async () => {
    const org = await createOrganization(db, {
      name: "Viện Cơ khí Năng lượng",
      taxCode: "0102345678",
      type: "INSTITUTE",
      verificationStatus: "UNVERIFIED",
      verifiedAt: null,
    });
    const admin = principal(await createUser(db, { roles: ["PROVIDER"], organizationId: org.id }));
    await requestVerification(ctx, admin);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).verificationStatus).toBe("PENDING");
    // A profile-only edit keeps the request…
    await updateOwnOrganization(ctx, admin, profile({ address: "18 Hoàng Quốc Việt" }));
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).verificationStatus).toBe("PENDING");
    // …a new tax code does not: the operator would approve values nobody looked at.
    const result = await updateOwnOrganization(
      ctx,
      admin,
      profile({ taxCode: "0109999999", address: "18 Hoàng Quốc Việt" }),
    );
    expect(result.reviewReset).toBe(true);
    const stored = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored).toMatchObject({ verificationStatus: "UNVERIFIED", taxCode: "0109999999" });
  });

  it("lets only the administrator, with a confirmed address, ask for verification", async () => {
    const org = await createOrganization(db, {
      taxCode: "0103456789",
      verificationStatus: "UNVERIFIED",
      verifiedAt: null,
    });
    const member = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id, orgRole: "MEMBER" });
    await expect(requestVerification(ctx, principal(member))).rejects.toMatchObject({ message: "legal_admin_only" });
    const admin = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
    await expect(requestVerification(ctx, { ...principal(admin), emailVerified: false })).rejects.toMatchObject({
      message: "email_unverified",
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).verificationStatus).toBe("UNVERIFIED");
  });
});

describe("a join request made at sign-up", () => {
  it("reaches the administrators only once the address is confirmed, and the operators when there is no administrator", async () => {
    const withAdmin = await createOrganization(db, { name: "Công ty Cổ phần Cơ điện Sông Hồng" });
    const admin = await createUser(db, { roles: ["SEEKER"], organizationId: withAdmin.id });
    const orphan = await createOrganization(db, { name: "Hợp tác xã Nông nghiệp Đông Anh" });
    const operator = await createUser(db, { roles: ["OPERATOR"] });
    const notices = (userId: string) => db.notification.count({ where: { userId, type: "membership.requested" } });

    const PASSWORD = "lò-vi-sóng-màu-cam-ở-Cầu-Giấy";
    const join = async (organizationId: string, email: string) => {
      await registerUser(
        RegisterSchema.parse({
          name: "Trần Văn Gia Nhập",
          email,
          password: PASSWORD,
          confirmPassword: PASSWORD,
          role: "SEEKER",
          orgMode: "join",
          organizationId,
          acceptTerms: "on",
        }),
        { requestId: "test", ip: `203.0.113.${Math.floor(Math.random() * 200)}` },
      );
      const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
      return /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    };
    const token = await join(withAdmin.id, "gianhap-a@example.vn");
    const orphanToken = await join(orphan.id, "gianhap-b@example.vn");
    expect(await notices(admin.id)).toBe(0);
    expect(await notices(operator.id)).toBe(0);

    await verifyEmail(token, { requestId: "test", ip: null });
    await verifyEmail(orphanToken, { requestId: "test", ip: null });
    expect(await notices(admin.id)).toBe(1);
    expect(await notices(operator.id)).toBe(1);
  });
});
