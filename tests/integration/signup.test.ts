import { describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/mutations";
import { requestPasswordReset, RESET_REQUESTS_PER_IP_PER_HOUR, resetPassword } from "@/lib/accounts/password-reset";
import { resendVerification, verifyEmail, VERIFY_RESENDS_PER_HOUR } from "@/lib/accounts/verification";
import { verifyPassword } from "@/lib/auth/password";
import { RegisterSchema } from "@/lib/auth/schemas";
import { purgeUserTokens, tokenHash } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "../factories";

let n = 0;
/** A fresh client address per call, so the per-IP throttle only bites where a test wants it to. */
const fresh = () => ({ requestId: `signup-${n}`, ip: `198.51.${Math.floor(n / 250)}.${n++ % 250}` });
const PASSWORD = "lò-vi-sóng-màu-cam-ở-Cầu-Giấy";

function registration(overrides: Record<string, string> = {}) {
  return RegisterSchema.parse({
    name: "Vũ Thị Đăng Ký",
    email: `signup-${Math.random().toString(36).slice(2)}@example.vn`,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    role: "PROVIDER",
    orgMode: "create",
    organizationName: "Trung tâm Ứng dụng Tiến bộ KH&CN",
    organizationType: "INSTITUTE",
    acceptTerms: "on",
    ...overrides,
  });
}

/** The single-use link in the newest e-mail to `to`. */
async function linkIn(to: string, path: string) {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.body);
  if (!match) throw new Error(`no ${path} link in: ${mail.body}`);
  return match[1]!;
}

describe("sign-up never reveals whether an address exists", () => {
  it("answers a taken address exactly like a new one, creates nothing and tells the owner by e-mail", async () => {
    const owner = await createUser(db, { roles: ["SEEKER"], email: `owner-${n}@example.vn` });
    const counts = async () => [await db.user.count(), await db.organization.count(), await db.auditEvent.count()];
    const before = await counts();
    const outcome = await registerUser(registration({ email: `  ${owner.email.toUpperCase()} ` }), fresh());
    const fresh2 = await registerUser(registration(), fresh());
    expect(outcome).toEqual(fresh2);
    expect((await counts()).slice(0, 2)).toEqual([before[0]! + 1, before[1]! + 1]); // only the second, new account
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: owner.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toMatch(/đăng ký/i);
    expect(mail.body).toContain("/forgot-password");
    expect(await db.securityEvent.count({ where: { kind: "sign_up", email: owner.email } })).toBe(1);
  });
});

describe("e-mail verification", () => {
  it("leaves a new account unverified and sends a single-use link whose token is stored only as a hash", async () => {
    const input = registration();
    await registerUser(input, fresh());
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.emailVerifiedAt).toBeNull();
    const token = await linkIn(input.email, "/verify-email");
    const stored = await db.userToken.findFirstOrThrow({ where: { userId: user.id, kind: "VERIFY_EMAIL" } });
    expect(stored.tokenHash).toBe(tokenHash(token));
    expect(stored.tokenHash).not.toContain(token);
    const hours = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(48, 0);

    await expect(verifyEmail(token, fresh())).resolves.toEqual({ email: input.email });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    await expect(verifyEmail(token, fresh())).rejects.toMatchObject({ message: "invalid_link" });
    expect(await db.auditEvent.count({ where: { action: "user.verify_email", entityId: user.id } })).toBe(1);
  });

  it("refuses an expired link and a made-up one", async () => {
    const input = registration();
    await registerUser(input, fresh());
    const token = await linkIn(input.email, "/verify-email");
    await db.userToken.updateMany({
      where: { tokenHash: tokenHash(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(verifyEmail(token, fresh())).rejects.toMatchObject({ message: "invalid_link" });
    await expect(verifyEmail("A".repeat(43), fresh())).rejects.toMatchObject({ message: "invalid_link" });
  });

  it("resends a link to an unverified account, a few times an hour at most", async () => {
    const user = await createUser(db, { roles: ["PROVIDER"], emailVerified: false });
    for (let i = 0; i < VERIFY_RESENDS_PER_HOUR; i++) await resendVerification(user, fresh());
    await expect(resendVerification(user, fresh())).rejects.toMatchObject({ code: "rate_limited" });
    const verified = await createUser(db, { roles: ["PROVIDER"] });
    await expect(resendVerification(verified, fresh())).rejects.toMatchObject({ message: "already_verified" });
  });
});

describe("password strength", () => {
  const problems = (password: string, extra: Record<string, string> = {}) => {
    const result = RegisterSchema.safeParse({ ...registration(), password, confirmPassword: password, ...extra });
    return result.success ? [] : result.error.issues.filter((i) => i.path[0] === "password").map((i) => i.message);
  };

  it.each(["123456789012", "passwordpassword", "qwertyuiopas", "techex-techex", "sàn giao dịch 1", "hanoi1234567"])(
    "refuses %j",
    (password) => {
      expect(problems(password)).not.toEqual([]);
    },
  );

  it("refuses passwords shorter than 10 characters and ones made of the registrant's own words", () => {
    expect(problems("Xq7#pL2!z")).toContain("password_too_short");
    expect(problems("nguyenvanthanh1990", { name: "Nguyễn Văn Thành" })).toContain("password_weak");
    expect(problems("nanoxanh2026!", { organizationName: "Công ty Nano Xanh" })).toContain("password_weak");
  });

  it("accepts a long, uncommon passphrase", () => {
    expect(problems(PASSWORD)).toEqual([]);
    expect(problems("bánh-cuốn Thanh Trì lúc 6 giờ")).toEqual([]);
  });
});

describe("sign-up throttle", () => {
  it("accepts SIGNUP_MAX_PER_IP_PER_HOUR sign-ups from one address, even in parallel, and refuses the rest", async () => {
    const ip = "192.0.2.200";
    const max = env().SIGNUP_MAX_PER_IP_PER_HOUR;
    const attempts = await Promise.allSettled(
      Array.from({ length: max + 4 }, () => registerUser(registration(), { requestId: "throttle", ip })),
    );
    const refused = attempts.filter((a) => a.status === "rejected");
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(max);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "rate_limited" });
    expect(await db.securityEvent.count({ where: { kind: "sign_up", ip } })).toBe(max);
    expect(await db.securityEvent.count({ where: { kind: "sign_up.rate_limited", ip } })).toBe(4);
    // Another address is unaffected.
    await expect(registerUser(registration(), fresh())).resolves.toEqual({ status: "accepted" });
  });
});

describe("forgot and reset password", () => {
  it("answers the same for an unknown address and sends nothing", async () => {
    const before = await db.emailOutbox.count();
    await expect(requestPasswordReset("nobody-here@example.vn", fresh())).resolves.toBeUndefined();
    expect(await db.emailOutbox.count()).toBe(before);
    expect(
      await db.userToken.count({ where: { kind: "RESET_PASSWORD", user: { email: "nobody-here@example.vn" } } }),
    ).toBe(0);
  });

  it("resets with a single-use link: new password, older sessions end, owner told, audited", async () => {
    const user = await createUser(db, { roles: ["SEEKER"], email: `reset-${n}@example.vn`, emailVerified: false });
    await requestPasswordReset(user.email, fresh());
    const token = await linkIn(user.email, "/reset-password");
    const stored = await db.userToken.findFirstOrThrow({ where: { tokenHash: tokenHash(token) } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(3_600_000);

    await expect(resetPassword({ token, password: "passwordpassword" }, fresh())).rejects.toMatchObject({
      message: "password_weak",
    });
    await resetPassword({ token, password: "cà phê trứng phố Hàng Gai" }, fresh());
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "cà phê trứng phố Hàng Gai")).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(after.emailVerifiedAt).not.toBeNull();
    await expect(resetPassword({ token, password: "một cụm từ khác hoàn toàn 77" }, fresh())).rejects.toMatchObject({
      message: "invalid_link",
    });
    expect(await db.auditEvent.count({ where: { action: "user.password_reset", entityId: user.id } })).toBe(1);
    expect(await db.securityEvent.count({ where: { kind: "password.reset", userId: user.id } })).toBe(1);
    const confirmation = await db.emailOutbox.findFirstOrThrow({
      where: { to: user.email },
      orderBy: { createdAt: "desc" },
    });
    expect(confirmation.subject).toMatch(/mật khẩu/i);
    expect(
      JSON.stringify(await db.auditEvent.findMany({ where: { entityId: user.id } }), (_k, v) =>
        typeof v === "bigint" ? String(v) : v,
      ),
    ).not.toContain(token);
  });

  it("throttles reset requests per client address without changing the answer", async () => {
    const user = await createUser(db, { roles: ["SEEKER"] });
    const ip = "192.0.2.201";
    for (let i = 0; i < RESET_REQUESTS_PER_IP_PER_HOUR + 3; i++) {
      await expect(requestPasswordReset(`someone-${i}@example.vn`, { requestId: null, ip })).resolves.toBeUndefined();
    }
    await requestPasswordReset(user.email, { requestId: null, ip });
    expect(await db.userToken.count({ where: { userId: user.id, kind: "RESET_PASSWORD" } })).toBe(0);
  });
});

describe("token purge job", () => {
  it("deletes tokens a week after they expired or were used, and keeps live ones", async () => {
    const user = await createUser(db, { roles: ["SEEKER"] });
    const day = 86_400_000;
    const now = Date.now();
    await db.userToken.createMany({
      data: [
        { userId: user.id, kind: "VERIFY_EMAIL", tokenHash: tokenHash(`old-${n}`), expiresAt: new Date(now - 8 * day) },
        {
          userId: user.id,
          kind: "RESET_PASSWORD",
          tokenHash: tokenHash(`used-${n}`),
          expiresAt: new Date(now + day),
          usedAt: new Date(now - 8 * day),
        },
        { userId: user.id, kind: "RESET_PASSWORD", tokenHash: tokenHash(`live-${n}`), expiresAt: new Date(now + day) },
      ],
    });
    expect((await purgeUserTokens()).purged).toBeGreaterThanOrEqual(2);
    expect(await db.userToken.findMany({ where: { userId: user.id }, select: { tokenHash: true } })).toEqual([
      { tokenHash: tokenHash(`live-${n}`) },
    ]);
  });
});

describe("consent at registration", () => {
  it("records which versions of the terms and the personal data notice were accepted, and when", async () => {
    const { LEGAL_DOCUMENTS } = await import("@/lib/legal/documents");
    const input = registration();
    const before = Date.now();
    await registerUser(input, fresh());
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.termsVersion).toBe(LEGAL_DOCUMENTS.terms.version);
    expect(user.privacyVersion).toBe(LEGAL_DOCUMENTS.privacy.version);
    expect(user.consentedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.register", entityId: user.id } });
    expect(event.after).toMatchObject({ consent: { terms: LEGAL_DOCUMENTS.terms.version } });
    // Without the box ticked there is no account.
    expect(RegisterSchema.safeParse({ ...input, acceptTerms: undefined }).success).toBe(false);
  });
});
