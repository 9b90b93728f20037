/**
 * Issue #15 item 1: the account page. A user changes their own name (audited), their password (the
 * current one required, wrong guesses limited, every session ended as a reset does, the owner told),
 * and which notifications are e-mailed — which notify() then honours.
 */
import { describe, expect, it } from "vitest";
import { allPreferenceTypes, nextOptOut, preferenceGroupsFor } from "@/lib/accounts/email-preferences";
import {
  changePassword,
  PASSWORD_CHANGE_MAX_FAILURES,
  updateEmailPreferences,
  updateName,
} from "@/lib/accounts/settings";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { systemContext } from "@/lib/audit/context";
import { authenticate } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password";
import { loadSessionUser } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/mutations";
import { NOTIFICATION_TYPES } from "@/lib/notifications/types";
import { createOrganization, createUser, DEMO_PASSWORD } from "../factories";

let n = 0;
const ctx = (user: { id: string }): AuditContext => ({
  actor: { id: user.id, role: "PROVIDER" },
  request: { requestId: `settings-${n}`, ip: `198.51.11.${n++ % 250}` },
});
const NEW_PASSWORD = "mưa phùn trên cầu Long Biên lúc năm giờ";

async function provider(email?: string) {
  const org = await createOrganization(db, { type: "INSTITUTE", name: `Viện Thử ${Math.random()}` });
  return createUser(db, { roles: ["PROVIDER"], organizationId: org.id, name: "Trịnh Văn Cài Đặt", email });
}

describe("the name", () => {
  it("changes, audited with before and after; the same name writes nothing", async () => {
    const user = await provider();
    await expect(updateName(ctx(user), user, "Trịnh Thị Đổi Tên")).resolves.toEqual({ changed: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Trịnh Thị Đổi Tên");
    const events = await db.auditEvent.findMany({ where: { entityId: user.id, action: "user.update_name" } });
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [user.id, { name: "Trịnh Văn Cài Đặt" }, { name: "Trịnh Thị Đổi Tên" }],
    ]);
    await expect(updateName(ctx(user), user, "Trịnh Thị Đổi Tên")).resolves.toEqual({ changed: false });
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.update_name" } })).toBe(1);
  });
});

describe("the password", () => {
  it("changes with the current password: every session ends, the new one signs in, the owner is told", async () => {
    const user = await provider(`doi-mat-khau-${Math.random().toString(36).slice(2)}@example.vn`);
    const version = user.sessionVersion;
    expect(await loadSessionUser(user.id, version)).not.toBeNull();

    await changePassword(ctx(user), user, { currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(version + 1);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    // The session token issued before (with the old version) no longer opens anything.
    expect(await loadSessionUser(user.id, version)).toBeNull();
    expect(await loadSessionUser(user.id, version + 1)).not.toBeNull();
    await expect(authenticate({ email: user.email, password: DEMO_PASSWORD }, "198.51.11.250")).rejects.toMatchObject({
      message: "invalid_credentials",
    });
    await expect(authenticate({ email: user.email, password: NEW_PASSWORD }, "198.51.11.251")).resolves.toMatchObject({
      id: user.id,
      sessionVersion: version + 1,
    });

    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toBe("Mật khẩu của bạn đã được thay đổi");
    expect(mail.body).not.toContain(NEW_PASSWORD);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "password.changed" } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: "user.change_password" },
    });
    expect(event.after).toEqual({ sessionVersion: version + 1 });
    expect(JSON.stringify([event.before, event.after])).not.toContain(NEW_PASSWORD);
  });

  it("refuses a wrong current password, and stops checking after too many", async () => {
    const user = await provider();
    for (let i = 0; i < PASSWORD_CHANGE_MAX_FAILURES; i++) {
      await expect(
        changePassword(ctx(user), user, { currentPassword: `sai-${i}`, password: NEW_PASSWORD }),
      ).rejects.toMatchObject({
        message: "wrong_password",
        details: { fieldErrors: { currentPassword: ["wrong_password"] } },
      });
    }
    const failures = await db.securityEvent.findMany({ where: { userId: user.id, kind: "sign_in.failure" } });
    expect(failures).toHaveLength(PASSWORD_CHANGE_MAX_FAILURES);
    expect(failures[0]!.detail).toEqual({ reason: "wrong_password", context: "password_change" });
    // Even the right password is not checked now: a session left open cannot be used to guess it.
    await expect(
      changePassword(ctx(user), user, { currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "rate_limited", message: "password_change_rate_limited" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(stored.sessionVersion).toBe(user.sessionVersion);
  });

  it("refuses the same password, one built from the address, and a guessable one", async () => {
    const user = await provider("hoangminhchau@example.vn");
    const refused = (password: string) => changePassword(ctx(user), user, { currentPassword: DEMO_PASSWORD, password });
    await expect(refused(DEMO_PASSWORD)).rejects.toMatchObject({
      details: { fieldErrors: { password: expect.arrayContaining(["password_unchanged"]) } },
    });
    await expect(refused("hoangminhchau-2026!")).rejects.toMatchObject({
      details: { fieldErrors: { password: expect.arrayContaining(["password_contains_email"]) } },
    });
    await expect(refused("password1234")).rejects.toMatchObject({ message: "password_weak" });
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "password.changed" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.change_password" } })).toBe(0);
  });
});

describe("e-mail preferences", () => {
  it("group every notification type once, and show each role only its own", () => {
    const all = allPreferenceTypes();
    expect([...all].sort()).toEqual([...NOTIFICATION_TYPES].sort());
    expect(new Set(all).size).toBe(all.length);
    const keys = (roles: Parameters<typeof preferenceGroupsFor>[0]) => preferenceGroupsFor(roles, []).map((g) => g.key);
    expect(keys(["PROVIDER"])).toEqual(["listings", "matches", "organization", "membership", "deals", "experts"]);
    expect(keys(["INTERMEDIARY"])).not.toContain("listings");
    expect(keys(["AUDITOR"])).toEqual(["staff"]);
    const auditor = preferenceGroupsFor(["AUDITOR"], ["audit.chain_broken"])[0]!.types;
    // The broken audit chain is always e-mailed, whatever is stored.
    expect(auditor).toEqual([{ type: "audit.chain_broken", essential: true, email: true }]);
    expect(keys(["ADMIN"])).toEqual([]);
  });

  it("compute the opt-outs: unticked shown types, other roles' choices kept, essentials never stored", () => {
    expect(
      nextOptOut(
        ["registration.filed", "not.a.type", "match.new"],
        ["listing.approved", "match.new", "deal.registration_reminder"],
        ["listing.approved"],
      ),
    ).toEqual(["match.new", "registration.filed"]);
  });

  it("are saved for the user's own row, audited, and notify() no longer e-mails an opted-out type", async () => {
    const org = await createOrganization(db, { type: "INSTITUTE" });
    const quiet = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id, name: "Người Ít Email" });
    const loud = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id, name: "Người Nhiều Email" });
    const shown = preferenceGroupsFor(quiet.roles, [])
      .flatMap((g) => g.types)
      .filter((t) => !t.essential)
      .map((t) => t.type);
    const emailOn = shown.filter((t) => t !== "listing.approved" && t !== "match.new");
    await expect(updateEmailPreferences(ctx(quiet), quiet, emailOn)).resolves.toEqual({
      optOut: ["listing.approved", "match.new"],
      changed: true,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: quiet.id } })).emailOptOut).toEqual([
      "listing.approved",
      "match.new",
    ]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: quiet.id, action: "user.update_email_preferences" },
    });
    expect(event).toMatchObject({ actorId: quiet.id, before: { emailOptOut: [] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: loud.id } })).emailOptOut).toEqual([]);
    // Saving the same choice again writes nothing.
    await expect(updateEmailPreferences(ctx(quiet), quiet, emailOn)).resolves.toMatchObject({ changed: false });

    const title = `Máy ép viên nén ${Math.random()}`;
    await audited(systemContext(), async (tx) => ({
      result: await notify(tx, { organizationId: org.id, type: "listing.approved", params: { title } }),
      audit: { action: "offer.approve", entityType: "offer" },
    }));
    // Both see it in the app; only the one who wants it gets the e-mail.
    const notified = await db.notification.findMany({ where: { params: { path: ["title"], equals: title } } });
    expect(notified.map((row) => row.userId).sort()).toEqual([quiet.id, loud.id].sort());
    const mails = await db.emailOutbox.findMany({ where: { subject: { contains: title } } });
    expect(mails.map((m) => m.to)).toEqual([loud.email]);

    // Another type still reaches both by e-mail.
    await db.$transaction((tx) =>
      notify(tx, { organizationId: org.id, type: "listing.expired", params: { title: `${title} hết hạn` } }),
    );
    const expired = await db.emailOutbox.findMany({ where: { subject: { contains: `${title} hết hạn` } } });
    expect(expired.map((m) => m.to).sort()).toEqual([quiet.email, loud.email].sort());
  });
});
