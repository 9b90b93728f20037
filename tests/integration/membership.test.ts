import { describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/mutations";
import type { AuditContext } from "@/lib/audit/context";
import { RegisterSchema } from "@/lib/auth/schemas";
import { organizationProfile } from "@/lib/catalog/organizations";
import { db } from "@/lib/db";
import {
  acceptInvite,
  cancelMembershipRequest,
  decideMembershipRequest,
  inviteMember,
  removeMember,
  requestMembership,
  transferAdmin,
} from "@/lib/organizations/membership";
import { decideLegalChange, updateOwnOrganization } from "@/lib/organizations/mutations";
import { searchOrganizationsToJoin } from "@/lib/organizations/queries";
import { createOrganization, createUser, principalOf } from "../factories";

let ipCounter = 0;
const request = () => ({ requestId: `membership-${ipCounter}`, ip: `198.18.0.${ipCounter++ % 250}` });
const ctx = (user: { id: string }): AuditContext => ({ actor: { id: user.id, role: "PROVIDER" }, request: request() });

/** The principal as the session builds it, re-read from the database. */
const principal = (id: string) => principalOf(db, id);

function registration(overrides: Record<string, string> = {}) {
  return RegisterSchema.parse({
    name: "Đỗ Minh Tham Gia",
    email: `joiner-${Math.random().toString(36).slice(2)}@example.vn`,
    password: "lò-vi-sóng-màu-cam-ở-Cầu-Giấy",
    confirmPassword: "lò-vi-sóng-màu-cam-ở-Cầu-Giấy",
    role: "SEEKER",
    orgMode: "join",
    acceptTerms: "on",
    ...overrides,
  });
}

async function orgWithAdmin(overrides: Parameters<typeof createOrganization>[1] = {}) {
  const org = await createOrganization(db, { type: "ENTERPRISE", ...overrides });
  const admin = await createUser(db, { roles: ["SEEKER"], organizationId: org.id, orgRole: "ADMIN" });
  return { org, admin };
}

async function verifiedOutsider() {
  return createUser(db, { roles: ["SEEKER"], organizationId: null });
}

describe("joining through registration", () => {
  it("does not make a registrant who names an existing organization's id a member; it files a request", async () => {
    const { org } = await orgWithAdmin();
    const input = registration({ organizationId: org.id });
    await registerUser(input, request());
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.organizationId).toBeNull();
    expect(user.orgRole).toBeNull();
    const requests = await db.membershipRequest.findMany({ where: { userId: user.id } });
    expect(requests).toMatchObject([{ organizationId: org.id, status: "PENDING" }]);
  });

  it("never lets a registrant into a STATE_AGENCY organization, not even as a request", async () => {
    const { org } = await orgWithAdmin({ type: "STATE_AGENCY", name: "Sở Khoa học và Công nghệ Hà Nội" });
    const input = registration({ organizationId: org.id });
    await expect(registerUser(input, request())).rejects.toMatchObject({ message: "organization_not_found" });
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    expect(await db.membershipRequest.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("refuses STATE_AGENCY as the type of a new organization", () => {
    const result = RegisterSchema.safeParse({
      name: "Đỗ Minh Tham Gia",
      email: "fake-agency@example.vn",
      password: "lò-vi-sóng-màu-cam-ở-Cầu-Giấy",
      confirmPassword: "lò-vi-sóng-màu-cam-ở-Cầu-Giấy",
      role: "SEEKER",
      acceptTerms: "on",
      orgMode: "create",
      organizationName: "Sở Giả Mạo",
      organizationType: "STATE_AGENCY",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["organizationType"]);
  });

  it("makes the registrant of a new organization its administrator", async () => {
    const input = registration({
      orgMode: "create",
      organizationName: "Công ty Cổ phần Nano Xanh",
      organizationType: "ENTERPRISE",
    });
    await registerUser(input, request());
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.organizationId).not.toBeNull();
    expect(user.orgRole).toBe("ADMIN");
  });

  it("finds organizations to join by name, a handful at most, never state agencies", async () => {
    await orgWithAdmin({ name: "Công ty Tìm Kiếm Alpha" });
    await orgWithAdmin({ name: "Công ty Tìm Kiếm Beta" });
    await orgWithAdmin({ name: "Cơ quan Tìm Kiếm Nhà nước", type: "STATE_AGENCY" });
    const found = await searchOrganizationsToJoin("tìm kiếm");
    expect(found.map((o) => o.name).sort()).toEqual(["Công ty Tìm Kiếm Alpha", "Công ty Tìm Kiếm Beta"]);
    expect(await searchOrganizationsToJoin("a")).toEqual([]);
    for (let i = 0; i < 12; i++) await createOrganization(db, { name: `Hợp tác xã Nhiều Tên ${i}` });
    expect((await searchOrganizationsToJoin("nhiều tên")).length).toBeLessThanOrEqual(8);
  });
});

describe("membership requests", () => {
  it("lets neither an outsider nor a plain member approve; the organization's administrator grants access", async () => {
    const { org, admin } = await orgWithAdmin();
    const member = await createUser(db, { roles: ["SEEKER"], organizationId: org.id, orgRole: "MEMBER" });
    const { admin: otherAdmin } = await orgWithAdmin();
    const requester = await verifiedOutsider();
    const req = await requestMembership(ctx(requester), await principal(requester.id), {
      organizationId: org.id,
      message: "Tôi làm ở phòng R&D",
    });

    for (const stranger of [otherAdmin, member, requester]) {
      await expect(
        decideMembershipRequest(ctx(stranger), await principal(stranger.id), {
          requestId: req.id,
          decision: "approve",
        }),
      ).rejects.toMatchObject({
        code: expect.stringMatching(/not_found|forbidden/),
      });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: requester.id } })).organizationId).toBeNull();

    await decideMembershipRequest(ctx(admin), await principal(admin.id), { requestId: req.id, decision: "approve" });
    const joined = await db.user.findUniqueOrThrow({ where: { id: requester.id } });
    expect(joined.organizationId).toBe(org.id);
    expect(joined.orgRole).toBe("MEMBER");
    expect(await db.membershipRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: admin.id,
    });
    expect(await db.auditEvent.count({ where: { action: "membership.approve", entityId: req.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: requester.id, type: "membership.approved" } })).toBe(1);
    // A decided request cannot be decided again.
    await expect(
      decideMembershipRequest(ctx(admin), await principal(admin.id), { requestId: req.id, decision: "reject" }),
    ).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("notifies the administrators of a request, and a rejection keeps the requester out", async () => {
    const { org, admin } = await orgWithAdmin();
    const requester = await verifiedOutsider();
    const req = await requestMembership(ctx(requester), await principal(requester.id), { organizationId: org.id });
    expect(await db.notification.count({ where: { userId: admin.id, type: "membership.requested" } })).toBe(1);
    await decideMembershipRequest(ctx(admin), await principal(admin.id), {
      requestId: req.id,
      decision: "reject",
      note: "Không có trong danh sách nhân sự",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: requester.id } })).organizationId).toBeNull();
    expect(await db.notification.count({ where: { userId: requester.id, type: "membership.rejected" } })).toBe(1);
  });

  it("allows one pending request at a time, and none from an unverified address or into a state agency", async () => {
    const { org } = await orgWithAdmin();
    const { org: other } = await orgWithAdmin();
    const requester = await verifiedOutsider();
    const first = await requestMembership(ctx(requester), await principal(requester.id), { organizationId: org.id });
    await expect(
      requestMembership(ctx(requester), await principal(requester.id), { organizationId: other.id }),
    ).rejects.toMatchObject({ message: "request_pending" });
    await cancelMembershipRequest(ctx(requester), await principal(requester.id), first.id);
    await expect(
      requestMembership(ctx(requester), await principal(requester.id), { organizationId: other.id }),
    ).resolves.toMatchObject({ status: "PENDING" });

    const unverified = await createUser(db, { roles: ["SEEKER"], organizationId: null, emailVerified: false });
    await expect(
      requestMembership(ctx(unverified), await principal(unverified.id), { organizationId: org.id }),
    ).rejects.toMatchObject({ message: "email_unverified" });

    const { org: agency } = await orgWithAdmin({ type: "STATE_AGENCY" });
    const someone = await verifiedOutsider();
    await expect(
      requestMembership(ctx(someone), await principal(someone.id), { organizationId: agency.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets only the operator decide a request to an organization without an administrator", async () => {
    const org = await createOrganization(db, { type: "UNIVERSITY" });
    await createUser(db, { roles: ["PROVIDER"], organizationId: org.id, orgRole: "MEMBER" });
    const requester = await verifiedOutsider();
    const req = await requestMembership(ctx(requester), await principal(requester.id), { organizationId: org.id });
    const operator = await createUser(db, { roles: ["OPERATOR"] });
    const { org: withAdmin, admin } = await orgWithAdmin();
    const other = await verifiedOutsider();
    const req2 = await requestMembership(ctx(other), await principal(other.id), { organizationId: withAdmin.id });
    // The operator may not override an organization that has its own administrator.
    await expect(
      decideMembershipRequest(ctx(operator), await principal(operator.id), { requestId: req2.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await decideMembershipRequest(ctx(operator), await principal(operator.id), {
      requestId: req.id,
      decision: "approve",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: requester.id } })).organizationId).toBe(org.id);
    expect(admin.id).toBeTruthy();
  });
});

describe("invites, removal and the administrator role", () => {
  it("invites by e-mail with a hashed token that only the invited, verified address can accept", async () => {
    const { org, admin } = await orgWithAdmin();
    const invitedEmail = `invited-${Math.random().toString(36).slice(2)}@example.vn`;
    const { token } = await inviteMember(ctx(admin), await principal(admin.id), { email: invitedEmail });
    const stored = await db.organizationInvite.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: invitedEmail } });
    expect(mail.body).toContain(`/invite?token=${token}`);

    const wrongPerson = await verifiedOutsider();
    await expect(acceptInvite(ctx(wrongPerson), await principal(wrongPerson.id), token)).rejects.toMatchObject({
      code: "not_found",
    });
    const unverified = await createUser(db, { roles: ["SEEKER"], email: invitedEmail, emailVerified: false });
    await expect(acceptInvite(ctx(unverified), await principal(unverified.id), token)).rejects.toMatchObject({
      message: "email_unverified",
    });
    await db.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: new Date() } });
    await acceptInvite(ctx(unverified), await principal(unverified.id), token);
    expect(await db.user.findUniqueOrThrow({ where: { id: unverified.id } })).toMatchObject({
      organizationId: org.id,
      orgRole: "MEMBER",
    });
    // Single use.
    const again = await verifiedOutsider();
    await db.user.update({ where: { id: unverified.id }, data: { organizationId: null, orgRole: null } });
    await expect(acceptInvite(ctx(again), await principal(unverified.id), token)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("lets a registrant who follows an invite link join at once, with the address confirmed", async () => {
    const { org, admin } = await orgWithAdmin();
    const email = `reg-invite-${Math.random().toString(36).slice(2)}@example.vn`;
    const { token } = await inviteMember(ctx(admin), await principal(admin.id), { email });
    await registerUser(registration({ email, orgMode: "invite", inviteToken: token }), request());
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ organizationId: org.id, orgRole: "MEMBER" });
    expect(user.emailVerifiedAt).not.toBeNull();
    // The same link for another address gives nothing.
    const stranger = `stranger-${Math.random().toString(36).slice(2)}@example.vn`;
    const { token: token2 } = await inviteMember(ctx(admin), await principal(admin.id), { email: `x-${stranger}` });
    await registerUser(registration({ email: stranger, orgMode: "invite", inviteToken: token2 }), request()).catch(
      () => null,
    );
    const strangerRow = await db.user.findUnique({ where: { email: stranger } });
    expect(strangerRow?.organizationId ?? null).toBeNull();
  });

  it("removes members and transfers the role, but never leaves the organization without an administrator", async () => {
    const { org, admin } = await orgWithAdmin();
    const member = await createUser(db, { roles: ["SEEKER"], organizationId: org.id, orgRole: "MEMBER" });
    await expect(removeMember(ctx(admin), await principal(admin.id), admin.id)).rejects.toMatchObject({
      message: "last_admin",
    });
    await expect(removeMember(ctx(member), await principal(member.id), admin.id)).rejects.toMatchObject({
      code: expect.stringMatching(/not_found|forbidden/),
    });

    await transferAdmin(ctx(admin), await principal(admin.id), member.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).orgRole).toBe("ADMIN");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).orgRole).toBe("MEMBER");

    await removeMember(ctx(member), await principal(member.id), admin.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      organizationId: null,
      orgRole: null,
    });
    expect(await db.auditEvent.count({ where: { action: "membership.remove", entityId: admin.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: admin.id, type: "membership.removed" } })).toBe(1);
  });
});

describe("legal fields of a verified organization", () => {
  it("keeps the verified name public until the operator accepts the change", async () => {
    const { org, admin } = await orgWithAdmin({ name: "Công ty Đã Xác Thực", taxCode: "0101234567" });
    const input = { name: "Công ty Đổi Tên Mới", taxCode: "0109999999", location: "HN" } as const;
    await updateOwnOrganization(ctx(admin), await principal(admin.id), input);

    const stored = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored).toMatchObject({
      name: "Công ty Đã Xác Thực",
      taxCode: "0101234567",
      verificationStatus: "VERIFIED",
    });
    expect(stored.pendingLegal).toMatchObject({ name: "Công ty Đổi Tên Mới", taxCode: "0109999999" });
    expect((await organizationProfile(org.slug))?.name).toBe("Công ty Đã Xác Thực");

    const operator = await createUser(db, { roles: ["OPERATOR"] });
    await decideLegalChange(ctx(operator), await principal(operator.id), { id: org.id, decision: "approve" });
    const accepted = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(accepted).toMatchObject({
      name: "Công ty Đổi Tên Mới",
      taxCode: "0109999999",
      verificationStatus: "VERIFIED",
      pendingLegal: null,
    });
  });

  it("discards a rejected legal change with a note, and only the administrator may propose one", async () => {
    const { org, admin } = await orgWithAdmin({ name: "Viện Giữ Nguyên Tên" });
    const member = await createUser(db, { roles: ["SEEKER"], organizationId: org.id, orgRole: "MEMBER" });
    await expect(
      updateOwnOrganization(ctx(member), await principal(member.id), { name: "Viện Bị Đổi Lén", location: "HN" }),
    ).rejects.toMatchObject({ message: "legal_admin_only" });
    // A member may still edit the rest of the profile.
    await updateOwnOrganization(ctx(member), await principal(member.id), {
      name: "Viện Giữ Nguyên Tên",
      description: "Mô tả mới",
      location: "HN",
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).description).toBe("Mô tả mới");

    await updateOwnOrganization(ctx(admin), await principal(admin.id), { name: "Viện Tên Sai", location: "HN" });
    const operator = await createUser(db, { roles: ["OPERATOR"] });
    await expect(
      decideLegalChange(ctx(admin), await principal(admin.id), { id: org.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await decideLegalChange(ctx(operator), await principal(operator.id), {
      id: org.id,
      decision: "reject",
      note: "Không khớp giấy phép",
    });
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({
      name: "Viện Giữ Nguyên Tên",
      verificationStatus: "VERIFIED",
      pendingLegal: null,
      verificationNote: "Không khớp giấy phép",
    });
    expect(await db.notification.count({ where: { userId: admin.id, type: "organization.legal_rejected" } })).toBe(1);
  });
});
