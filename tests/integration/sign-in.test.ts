import { beforeEach, describe, expect, it } from "vitest";
import { authenticate, purgeLoginAttempts } from "@/lib/auth/login";
import { bumpSessionVersion, loadSessionUser, revokeSessions } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { createUser } from "../factories";

const PASSWORD = "correct horse battery";

/** Password checks made for `email`: every check is recorded as an attempt before it runs. */
const checks = (email: string) => db.loginAttempt.count({ where: { email } });

async function failOnce(email: string, ip: string, options?: Parameters<typeof authenticate>[2]) {
  return authenticate({ email, password: "wrong-password" }, ip, options).then(
    () => "ok" as const,
    (error: { code?: string; message?: string }) =>
      error.code === "rate_limited" ? "refused" : (error.message ?? "error"),
  );
}

let email: string;
beforeEach(async () => {
  email = `login-${Math.random().toString(36).slice(2)}@example.vn`;
  await createUser(db, { roles: ["SEEKER"], email, password: PASSWORD });
});

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email, and logs the success", async () => {
    const user = await authenticate({ email: email.toUpperCase(), password: PASSWORD }, "198.51.100.1");
    expect(user.email).toBe(email);
    expect(user.roles).toEqual(["SEEKER"]);
    const events = await db.securityEvent.findMany({ where: { email } });
    expect(events.map((e) => e.kind)).toEqual(["sign_in.success"]);
    expect(events[0]).toMatchObject({ userId: user.id, ip: "198.51.100.1" });
    expect(await db.loginAttempt.findMany({ where: { email }, select: { success: true } })).toEqual([
      { success: true },
    ]);
  });

  it("refuses a wrong password and an unknown email the same way, logging both without the password", async () => {
    await expect(authenticate({ email, password: "wrong password!!" }, "198.51.100.2")).rejects.toMatchObject({
      message: "invalid_credentials",
    });
    await expect(
      authenticate({ email: "nobody@example.vn", password: "wrong password!!" }, "198.51.100.2"),
    ).rejects.toMatchObject({ message: "invalid_credentials" });
    const events = await db.securityEvent.findMany({ where: { ip: "198.51.100.2" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.email])).toEqual([
      ["sign_in.failure", email],
      ["sign_in.failure", "nobody@example.vn"],
    ]);
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("wrong password");
  });

  it("refuses a disabled account", async () => {
    await db.user.update({ where: { email }, data: { status: "DISABLED" } });
    await expect(authenticate({ email, password: PASSWORD }, "198.51.100.3")).rejects.toMatchObject({
      message: "invalid_credentials",
    });
  });
});

describe("sign-in rate limit", () => {
  it("100 parallel wrong passwords for one e-mail from one IP make at most LOGIN_MAX_FAILURES_PER_PAIR checks", async () => {
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => failOnce(email, "192.0.2.10")));
    expect(await checks(email)).toBeLessThanOrEqual(5);
    expect(outcomes.filter((o) => o === "invalid_credentials").length).toBeLessThanOrEqual(5);
    expect(outcomes.filter((o) => o === "refused").length).toBeGreaterThanOrEqual(95);
    // Every refusal is in the security log too.
    expect(await db.securityEvent.count({ where: { email, kind: "sign_in.rate_limited" } })).toBeGreaterThanOrEqual(95);
  });

  it("an attacker's failures do not lock the owner out: another IP gets in after the short slow-down", async () => {
    const limits = { slowDownBaseMs: 50, slowDownCapMs: 200 };
    for (let i = 0; i < 12; i++) await failOnce(email, "192.0.2.20", { limits });
    // The attacker's own pair stays refused, even with the right password.
    await expect(authenticate({ email, password: PASSWORD }, "192.0.2.20", { limits })).rejects.toMatchObject({
      code: "rate_limited",
    });
    let signedIn = false;
    for (let attempt = 0; attempt < 20 && !signedIn; attempt++) {
      signedIn = await authenticate({ email, password: PASSWORD }, "198.51.100.50", { limits }).then(
        () => true,
        async (error: { code?: string }) => {
          expect(error.code).toBe("rate_limited");
          await new Promise((resolve) => setTimeout(resolve, 50));
          return false;
        },
      );
    }
    expect(signedIn).toBe(true);
  });

  it("slows an e-mail down progressively across IPs instead of locking it", async () => {
    const limits = { slowDownBaseMs: 60_000, slowDownCapMs: 60_000 };
    for (let i = 0; i < 5; i++)
      expect(await failOnce(email, `198.51.100.${60 + i}`, { limits })).toBe("invalid_credentials");
    // The sixth attempt, from a fresh IP, comes before the required wait: refused without a check.
    await expect(authenticate({ email, password: PASSWORD }, "198.51.100.70", { limits })).rejects.toMatchObject({
      code: "rate_limited",
      message: "slow_down",
    });
    expect(await checks(email)).toBe(5);
  });

  it("limits one IP across many e-mails, even in parallel", async () => {
    const ip = "192.0.2.44";
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        failOnce(`spray-${i}-${Math.random().toString(36).slice(2)}@example.vn`, ip),
      ),
    );
    expect(await db.loginAttempt.count({ where: { ip } })).toBeLessThanOrEqual(20);
    await expect(authenticate({ email, password: PASSWORD }, ip)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(authenticate({ email, password: PASSWORD }, "192.0.2.45")).resolves.toBeTruthy();
  });

  it("e-mails the owner once per window when failures reach the per-e-mail threshold", async () => {
    const limits = { slowDownBaseMs: 0, slowDownCapMs: 0 };
    for (let i = 0; i < 4; i++) await failOnce(email, `198.51.100.${80 + i}`, { limits });
    expect(await db.emailOutbox.count({ where: { to: email } })).toBe(0);
    await Promise.all(Array.from({ length: 4 }, (_, i) => failOnce(email, `198.51.100.${90 + i}`, { limits })));
    const mails = await db.emailOutbox.findMany({ where: { to: email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).not.toContain("wrong-password");
    // Nothing is sent for an address without an account (and the requester cannot tell the difference).
    for (let i = 0; i < 6; i++) await failOnce("ghost@example.vn", `198.51.100.${100 + i}`, { limits });
    expect(await db.emailOutbox.count({ where: { to: "ghost@example.vn" } })).toBe(0);
  });

  it("purges attempts older than a day, keeping recent ones", async () => {
    const old = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    await db.loginAttempt.createMany({
      data: [
        { email, ip: "192.0.2.1", success: false, createdAt: old },
        { email, ip: "192.0.2.1", success: false },
      ],
    });
    expect(await purgeLoginAttempts()).toEqual({ purged: 1 });
    expect(await checks(email)).toBe(1);
  });
});

describe("session version", () => {
  it("a session issued before sign-out no longer authenticates", async () => {
    const user = await authenticate({ email, password: PASSWORD }, "198.51.100.1");
    expect(await loadSessionUser(user.id, user.sessionVersion)).toMatchObject({ id: user.id, email });
    await revokeSessions(user.id, { ip: "198.51.100.1", requestId: null });
    expect(await loadSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "sign_out" } })).toBe(1);
    // A new sign-in carries the new version.
    const again = await authenticate({ email, password: PASSWORD }, "198.51.100.1");
    expect(again.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await loadSessionUser(again.id, again.sessionVersion)).not.toBeNull();
  });

  it("bumpSessionVersion (password or role change) ends sessions inside the caller's transaction", async () => {
    const user = await authenticate({ email, password: PASSWORD }, "198.51.100.1");
    await db.$transaction((tx) => bumpSessionVersion(tx, user.id));
    expect(await loadSessionUser(user.id, user.sessionVersion)).toBeNull();
    // A token from before session versions existed carries none: treated as stale.
    expect(await loadSessionUser(user.id, undefined)).toBeNull();
  });
});
