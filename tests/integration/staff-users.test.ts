/**
 * Issue 13 item 7: the administrator's users and roles. Invitations without a usable password,
 * role changes under the role rule, deactivation that ends every session and refuses sign-in,
 * password resets, the last active administrator, and every function refused to every other role.
 * Real PostgreSQL; the server actions run with only the framework's request helpers replaced.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  deactivateUserAction,
  inviteStaffAction,
  reactivateUserAction,
  resetPasswordAction,
  updateRolesAction,
} from "@/app/[locale]/(admin)/admin/users/actions";
import { resetPassword } from "@/lib/accounts/password-reset";
import {
  adminPasswordReset,
  deactivateUser,
  INVITED_PASSWORD_HASH,
  inviteStaff,
  listStaffUsers,
  reactivateUser,
  updateUserRoles,
} from "@/lib/accounts/staff";
import { systemContext } from "@/lib/audit/context";
import { authenticate } from "@/lib/auth/login";
import { loadSessionUser } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createOrganization, createUser, DEMO_PASSWORD } from "../factories";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));

const ctx = systemContext("test:staff");
const NEW_PASSWORD = "lò-vi-sóng-màu-cam-ở-Cầu-Giấy";
let n = 0;
const ip = () => `203.0.113.${n++ % 250}`;

const signIn = (email: string, password = DEMO_PASSWORD) => authenticate({ email, password }, ip());
const asSession = (user: { id: string; email: string; name: string; roles: Role[]; organizationId: string | null }) => {
  session.user = { ...user, orgRole: null, emailVerified: true, organization: null };
};
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
};
const events = (entityId: string, action: string) =>
  db.auditEvent.findMany({ where: { entityId, action }, orderBy: { seq: "asc" } });

/** The single-use link in the newest e-mail to `to`. */
async function linkIn(to: string) {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body);
  if (!match) throw new Error(`no reset link in: ${mail.body}`);
  return match[1]!;
}

let admin: Awaited<ReturnType<typeof createUser>>;
let orgId: string;

beforeAll(async () => {
  orgId = (await createOrganization(db, { name: "Viện Thử Nghiệm Quản Trị" })).id;
  admin = await createUser(db, { roles: ["ADMIN"], email: "admin-one@example.vn", name: "Hoàng Quản Trị" });
});

describe("invitations", () => {
  it("creates a staff account with no usable password and e-mails the password link; the invitee sets one and signs in", async () => {
    const invited = await inviteStaff(ctx, admin, {
      name: "Đỗ Thị Mời",
      email: "moi.officer@example.vn",
      roles: ["OFFICER"],
      locale: "vi",
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row).toMatchObject({ roles: ["OFFICER"], status: "ACTIVE", emailVerifiedAt: null });
    expect(row.passwordHash).toBe(INVITED_PASSWORD_HASH);
    // No password opens it, not even the literal marker.
    for (const password of [INVITED_PASSWORD_HASH, DEMO_PASSWORD, "invited"])
      await expect(signIn(row.email, password)).rejects.toMatchObject({ message: "invalid_credentials" });
    expect(await db.userToken.count({ where: { userId: row.id, kind: "RESET_PASSWORD", usedAt: null } })).toBe(1);
    const [event] = await events(row.id, "user.invite");
    expect(event?.after).toMatchObject({ email: "moi.officer@example.vn", roles: ["OFFICER"] });

    const token = await linkIn(row.email);
    await resetPassword({ token, password: NEW_PASSWORD }, { requestId: "t", ip: null });
    expect((await signIn(row.email, NEW_PASSWORD)).roles).toEqual(["OFFICER"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: row.id } })).emailVerifiedAt).not.toBeNull();
  });

  it("refuses a taken address on the e-mail field and party roles, through the action", async () => {
    asSession(admin);
    const taken = await inviteStaffAction(
      { ok: true },
      form({ name: "Người Trùng", email: "ADMIN-ONE@example.vn", roles: ["AUDITOR"] }),
    );
    expect(taken).toMatchObject({ ok: false, fieldCodes: { email: ["email_taken"] } });
    const party = await inviteStaffAction(
      { ok: true },
      form({ name: "Người Bên", email: "party@example.vn", roles: ["PROVIDER"] }),
    );
    expect(party).toMatchObject({ ok: false, fieldCodes: { roles: expect.any(Array) } });
    const mixed = await inviteStaffAction(
      { ok: true },
      form({ name: "Người Hai Vai", email: "two@example.vn", roles: ["OPERATOR", "AUDITOR"] }),
    );
    expect(mixed).toMatchObject({ ok: false, fieldCodes: { roles: ["oversight_roles_exclusive"] } });
    expect(mixed.ok ? null : mixed.fieldErrors.roles).toEqual([
      "Chỉ chọn một trong ba vai trò: đơn vị vận hành, cán bộ Sở, kiểm toán độc lập.",
    ]);
    expect(await db.user.count({ where: { email: { in: ["party@example.vn", "two@example.vn"] } } })).toBe(0);
    const ok = await inviteStaffAction(
      { ok: true },
      form({ name: "Lê Văn Vận Hành", email: "op.invited@example.vn", roles: ["OPERATOR"], locale: "en" }),
    );
    expect(ok).toMatchObject({ ok: true, message: "invited" });
    expect(await db.user.findUniqueOrThrow({ where: { email: "op.invited@example.vn" } })).toMatchObject({
      roles: ["OPERATOR"],
      locale: "en",
    });
  });
});

describe("roles", () => {
  it("changes roles with before/after in the audit log and ends the user's sessions", async () => {
    const user = await createUser(db, { roles: ["OPERATOR"] });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await updateUserRoles(ctx, admin, user.id, ["OFFICER"]);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.roles).toEqual(["OFFICER"]);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadSessionUser(user.id, before.sessionVersion)).toBeNull();
    const [event] = await events(user.id, "user.update_roles");
    expect(event).toMatchObject({ before: { roles: ["OPERATOR"] }, after: { roles: ["OFFICER"] } });
    await updateUserRoles(ctx, admin, user.id, ["AUDITOR"]);
    expect(await events(user.id, "user.update_roles")).toHaveLength(2);
  });

  it("never gives a party role and a staff role together", async () => {
    const provider = await createUser(db, { roles: ["PROVIDER"], organizationId: orgId });
    await expect(updateUserRoles(ctx, admin, provider.id, ["PROVIDER", "OPERATOR"])).rejects.toMatchObject({
      message: "roles_mixed",
    });
    asSession(admin);
    const result = await updateRolesAction({ ok: true }, form({ userId: provider.id, roles: ["SEEKER", "AUDITOR"] }));
    expect(result).toMatchObject({ ok: false, fieldCodes: { roles: ["roles_mixed"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: provider.id } })).roles).toEqual(["PROVIDER"]);
    expect(
      await updateRolesAction({ ok: true }, form({ userId: provider.id, roles: ["PROVIDER", "SEEKER"] })),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe("the last active administrator", () => {
  it("cannot lose ADMIN or be deactivated, not even by themselves; with a second admin both are possible", async () => {
    const others = await db.user.findMany({
      where: { id: { not: admin.id }, roles: { has: "ADMIN" }, status: "ACTIVE" },
      select: { id: true },
    });
    for (const other of others) await deactivateUser(ctx, admin, other.id, null); // leave one admin
    await expect(updateUserRoles(ctx, admin, admin.id, ["OFFICER"])).rejects.toMatchObject({ message: "last_admin" });
    await expect(deactivateUser(ctx, admin, admin.id, "tự khóa")).rejects.toMatchObject({ message: "last_admin" });
    asSession(admin);
    const refused = await deactivateUserAction({ ok: true }, form({ userId: admin.id }));
    expect(refused).toMatchObject({ ok: false, code: "last_admin" });
    expect(refused.ok ? "" : refused.formError).toContain("quản trị hệ thống cuối cùng");
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      roles: ["ADMIN"],
      status: "ACTIVE",
    });

    const second = await createUser(db, { roles: ["ADMIN"] });
    // Two admins demoting each other at once: the lock lets exactly one through.
    const outcomes = await Promise.allSettled([
      updateUserRoles(ctx, admin, second.id, ["AUDITOR"]),
      updateUserRoles(ctx, second, admin.id, ["OFFICER"]),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { roles: { has: "ADMIN" }, status: "ACTIVE" } })).toBe(1);
    // Put the original administrator back in charge for the tests below.
    const remaining = await db.user.findFirstOrThrow({ where: { roles: { has: "ADMIN" }, status: "ACTIVE" } });
    if (remaining.id !== admin.id) {
      await updateUserRoles(ctx, remaining, admin.id, ["ADMIN"]);
      await updateUserRoles(ctx, admin, remaining.id, ["AUDITOR"]);
    }
  });
});

describe("what roles may not do", () => {
  it("never makes a member of an organization staff, never lets anyone grant themselves a role, keeps ADMIN alone", async () => {
    const member = await createUser(db, { roles: ["SEEKER"], organizationId: orgId });
    await expect(updateUserRoles(ctx, admin, member.id, ["OFFICER"])).rejects.toMatchObject({
      message: "staff_in_organization",
    });
    await expect(updateUserRoles(ctx, admin, admin.id, ["ADMIN", "OFFICER"])).rejects.toMatchObject({
      message: "admin_exclusive",
    });
    const other = await createUser(db, { roles: ["ADMIN"] });
    await expect(updateUserRoles(ctx, other, other.id, ["OPERATOR"])).rejects.toMatchObject({ message: "own_roles" });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).roles).toEqual(["SEEKER"]);
    await updateUserRoles(ctx, admin, other.id, ["AUDITOR"]);
  });

  it("does not count an invited administrator who never chose a password as another administrator", async () => {
    const invited = await createUser(db, { roles: ["ADMIN"] });
    await db.user.update({ where: { id: invited.id }, data: { passwordHash: "!invited" } });
    const active = await db.user.findMany({
      where: { roles: { has: "ADMIN" }, status: "ACTIVE", id: { not: invited.id } },
    });
    expect(active.map((u) => u.id)).toEqual([admin.id]);
    await expect(deactivateUser(ctx, admin, admin.id, "rời đi")).rejects.toMatchObject({ message: "last_admin" });
    // Leave no invitation behind for the list's tests.
    await db.user.update({ where: { id: invited.id }, data: { passwordHash: "x" } });
    await deactivateUser(ctx, admin, invited.id, null);
  });
});

describe("deactivation", () => {
  it("ends every session and refuses sign-in until reactivated; nothing is deleted", async () => {
    const user = await createUser(db, { roles: ["AUDITOR"], email: "kiemtoan.off@example.vn" });
    const signedIn = await signIn(user.email);
    expect(await loadSessionUser(user.id, signedIn.sessionVersion)).not.toBeNull();

    await deactivateUser(ctx, admin, user.id, "Hết hợp đồng kiểm toán");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.status).toBe("DISABLED");
    expect(row.sessionVersion).not.toBe(signedIn.sessionVersion);
    expect(await loadSessionUser(user.id, signedIn.sessionVersion)).toBeNull();
    expect(await loadSessionUser(user.id, row.sessionVersion)).toBeNull(); // disabled, whatever the version
    await expect(signIn(user.email)).rejects.toMatchObject({ message: "invalid_credentials" });
    const [event] = await events(user.id, "user.deactivate");
    expect(event).toMatchObject({
      before: { status: "ACTIVE" },
      after: { status: "DISABLED" },
      reason: "Hết hợp đồng kiểm toán",
    });
    await expect(deactivateUser(ctx, admin, user.id, null)).rejects.toMatchObject({ message: "already_disabled" });
    await expect(adminPasswordReset(ctx, admin, user.id)).rejects.toMatchObject({ message: "user_disabled" });

    asSession(admin);
    expect(await reactivateUserAction({ ok: true }, form({ userId: user.id }))).toMatchObject({ ok: true });
    const back = await signIn(user.email);
    expect(back.sessionVersion).toBe(row.sessionVersion); // the old sessions stay ended
    expect(await events(user.id, "user.reactivate")).toHaveLength(1);
  });
});

describe("password reset by the administrator", () => {
  it("e-mails a reset link (audited); the current password works until a new one is chosen", async () => {
    const user = await createUser(db, { roles: ["OPERATOR"], email: "quen.matkhau@example.vn" });
    asSession(admin);
    expect(await resetPasswordAction({ ok: true }, form({ userId: user.id }))).toMatchObject({
      ok: true,
      message: "reset_sent",
    });
    expect(await events(user.id, "user.admin_password_reset")).toHaveLength(1);
    await signIn(user.email);
    await resetPassword({ token: await linkIn(user.email), password: NEW_PASSWORD }, { requestId: "t", ip: null });
    await expect(signIn(user.email)).rejects.toMatchObject({ message: "invalid_credentials" });
    expect((await signIn(user.email, NEW_PASSWORD)).id).toBe(user.id);
    // Throttled like the owner's own requests (3 an hour).
    await adminPasswordReset(ctx, admin, user.id);
    await adminPasswordReset(ctx, admin, user.id);
    await expect(adminPasswordReset(ctx, admin, user.id)).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("the user list", () => {
  it("searches by name and e-mail and filters by role, status and organization, with a total", async () => {
    await createUser(db, {
      roles: ["SEEKER"],
      organizationId: orgId,
      name: "Phan Tìm Thấy",
      email: "timthay@example.vn",
    });
    const byName = await listStaffUsers(admin, { q: "tìm thấy" }, 1);
    expect(byName.items.map((u) => u.email)).toEqual(["timthay@example.vn"]);
    expect((await listStaffUsers(admin, { q: "TIMTHAY@" }, 1)).total).toBe(1);
    expect((await listStaffUsers(admin, { q: "%" }, 1)).total).toBe(0); // LIKE wildcards are literal
    const byOrg = await listStaffUsers(admin, { org: "thử nghiệm quản" }, 1);
    expect(byOrg.items.every((u) => u.organization === "Viện Thử Nghiệm Quản Trị")).toBe(true);
    expect(byOrg.total).toBeGreaterThanOrEqual(2);
    const disabled = await listStaffUsers(admin, { status: "DISABLED" }, 1);
    expect(disabled.items.every((u) => u.status === "DISABLED")).toBe(true);
    expect(disabled.total).toBe(await db.user.count({ where: { status: "DISABLED" } }));
    const invited = await listStaffUsers(admin, { status: "INVITED" }, 1);
    expect(invited.items.map((u) => u.email).sort()).toEqual(["op.invited@example.vn"]);
    const officers = await listStaffUsers(admin, { role: "OFFICER" }, 1);
    expect(officers.items.every((u) => u.roles.includes("OFFICER"))).toBe(true);
    expect(officers.total).toBe(await db.user.count({ where: { roles: { has: "OFFICER" } } }));
    expect((await listStaffUsers(admin, {}, 999)).page).toBe(1); // past the end: the last page
  });
});

describe("only the administrator manages users", () => {
  it("refuses every function and action to every other role, changing nothing", async () => {
    const target = await createUser(db, { roles: ["OPERATOR"] });
    const snapshot = async () => [
      await db.user.findUniqueOrThrow({ where: { id: target.id } }),
      await db.user.count(),
      await db.auditEvent.count(),
      await db.emailOutbox.count(),
    ];
    const before = await snapshot();
    const roles: Role[][] = [["PROVIDER"], ["SEEKER"], ["INTERMEDIARY"], ["OPERATOR"], ["OFFICER"], ["AUDITOR"]];
    for (const r of roles) {
      const user = await createUser(db, { roles: r, organizationId: r[0] === "PROVIDER" ? orgId : null });
      const label = r.join();
      const invite = {
        name: "Kẻ Mạo Danh",
        email: `x-${label}@example.vn`,
        roles: ["ADMIN" as const],
        locale: "vi" as const,
      };
      const calls = [
        () => inviteStaff(ctx, user, invite),
        () => updateUserRoles(ctx, user, target.id, ["ADMIN"]),
        () => updateUserRoles(ctx, user, user.id, ["ADMIN"]),
        () => deactivateUser(ctx, user, target.id, null),
        () => reactivateUser(ctx, user, target.id, null),
        () => adminPasswordReset(ctx, user, target.id),
        () => listStaffUsers(user, {}, 1),
      ];
      for (const call of calls) await expect(call(), label).rejects.toMatchObject({ code: "forbidden" });

      asSession(user);
      const answers = await Promise.all([
        inviteStaffAction({ ok: true }, form({ ...invite, roles: ["ADMIN"] })),
        updateRolesAction({ ok: true }, form({ userId: user.id, roles: ["ADMIN"] })),
        deactivateUserAction({ ok: true }, form({ userId: target.id })),
        reactivateUserAction({ ok: true }, form({ userId: target.id })),
        resetPasswordAction({ ok: true }, form({ userId: target.id })),
      ]);
      for (const answer of answers) expect(answer, label).toMatchObject({ ok: false, code: "forbidden" });
      await db.user.delete({ where: { id: user.id } });
    }
    session.user = null;
    expect(
      await inviteStaffAction({ ok: true }, form({ name: "Ẩn Danh", email: "anon@example.vn", roles: ["ADMIN"] })),
    ).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect(await snapshot()).toEqual(before);
  });
});
