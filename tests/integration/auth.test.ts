import { beforeEach, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/mutations";
import { authenticate } from "@/lib/auth/login";
import { RegisterSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { createOrganization, createUser } from "../factories";

const request = { requestId: "test-req", ip: "203.0.113.7" };
let ipCounter = 0;
/** A new client address per registration, so the sign-up throttle stays out of these tests. */
const requestFrom = () => ({ requestId: "test-req", ip: `203.0.113.${ipCounter++ % 250}` });

function registration(overrides: Record<string, string> = {}) {
  return {
    name: "Trần Thị Nghiên Cứu",
    email: `researcher-${Math.random().toString(36).slice(2)}@hust.edu.vn`,
    password: "mật-khẩu-rất-dài-2026",
    confirmPassword: "mật-khẩu-rất-dài-2026",
    role: "PROVIDER",
    orgMode: "create",
    organizationName: "Phòng thí nghiệm Vật liệu Mới",
    organizationType: "INSTITUTE",
    acceptTerms: "on",
    ...overrides,
  };
}

describe("registration", () => {
  it("creates the user and the organization with audit events in one transaction", async () => {
    const input = RegisterSchema.parse(registration());
    await registerUser(input, request);
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email }, include: { organization: true } });
    expect(user.roles).toEqual(["PROVIDER"]);
    expect(user.orgRole).toBe("ADMIN");
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.organization?.verificationStatus).toBe("UNVERIFIED");
    const events = await db.auditEvent.findMany({ where: { requestId: "test-req" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["organization.create", "user.register"]));
    expect(events.find((e) => e.action === "user.register")?.ip).toBe("203.0.113.7");
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(input.password);
  });

  it("files a request to join an existing organization instead of making the registrant a member", async () => {
    const org = await createOrganization(db, { type: "ENTERPRISE" });
    const input = RegisterSchema.parse(registration({ role: "SEEKER", orgMode: "join", organizationId: org.id }));
    await registerUser(input, requestFrom());
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.organizationId).toBeNull();
    expect(
      await db.membershipRequest.count({ where: { userId: user.id, organizationId: org.id, status: "PENDING" } }),
    ).toBe(1);
  });

  it("answers a taken email (any letter case) like a new one and creates no account", async () => {
    const input = RegisterSchema.parse(registration({ email: "dup@example.vn" }));
    await registerUser(input, requestFrom());
    const counts = async () => [await db.user.count(), await db.organization.count(), await db.auditEvent.count()];
    const before = await counts();
    const again = RegisterSchema.parse(registration({ email: "  DUP@Example.VN " }));
    await expect(registerUser(again, requestFrom())).resolves.toEqual({ status: "accepted" });
    expect(await counts()).toEqual(before);
  });

  it("refuses to join an organization that does not exist, writing nothing", async () => {
    const before = await db.user.count();
    const input = RegisterSchema.parse(
      registration({ orgMode: "join", organizationId: "00000000-0000-4000-8000-000000000000" }),
    );
    await expect(registerUser(input, requestFrom())).rejects.toMatchObject({ message: "organization_not_found" });
    expect(await db.user.count()).toBe(before);
  });
});

describe("sign-in", () => {
  let email: string;
  beforeEach(async () => {
    email = `login-${Math.random().toString(36).slice(2)}@example.vn`;
    await createUser(db, { roles: ["SEEKER"], email, password: "correct horse battery" });
  });

  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await authenticate({ email: email.toUpperCase(), password: "correct horse battery" }, "198.51.100.1");
    expect(user.email).toBe(email);
    expect(user.roles).toEqual(["SEEKER"]);
  });

  it("refuses a wrong password and an unknown email the same way", async () => {
    await expect(authenticate({ email, password: "wrong password!!" }, "198.51.100.2")).rejects.toMatchObject({
      message: "invalid_credentials",
    });
    await expect(
      authenticate({ email: "nobody@example.vn", password: "wrong password!!" }, "198.51.100.2"),
    ).rejects.toMatchObject({ message: "invalid_credentials" });
  });

  it("rate-limits the sixth attempt after five failures for one email, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email, password: `wrong-${i}` }, `198.51.100.${10 + i}`)).rejects.toMatchObject({
        message: "invalid_credentials",
      });
    }
    await expect(authenticate({ email, password: "correct horse battery" }, "198.51.100.99")).rejects.toMatchObject({
      code: "rate_limited",
    });
  });

  it("rate-limits an IP that fails across many emails", async () => {
    const ip = "192.0.2.44";
    for (let i = 0; i < 20; i++) {
      await authenticate({ email: `spray-${i}@example.vn`, password: "guess-guess" }, ip).catch(() => {});
    }
    await expect(authenticate({ email, password: "correct horse battery" }, ip)).rejects.toMatchObject({
      code: "rate_limited",
    });
    // Another address is unaffected.
    await expect(authenticate({ email, password: "correct horse battery" }, "192.0.2.45")).resolves.toBeTruthy();
  });

  it("refuses a disabled account", async () => {
    await db.user.update({ where: { email }, data: { status: "DISABLED" } });
    await expect(authenticate({ email, password: "correct horse battery" }, "198.51.100.3")).rejects.toMatchObject({
      message: "invalid_credentials",
    });
  });
});
