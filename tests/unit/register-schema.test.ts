import { describe, expect, it } from "vitest";
import { RegisterSchema } from "@/lib/auth/schemas";
import { fieldErrorsOf } from "@/lib/forms";

const valid = {
  name: "Lê Văn Doanh",
  email: "doanh@congty.vn",
  password: "một mật khẩu đủ dài",
  confirmPassword: "một mật khẩu đủ dài",
  role: "SEEKER",
  orgMode: "create",
  organizationName: "Công ty TNHH Cơ khí Đông Anh",
  organizationType: "ENTERPRISE",
  acceptTerms: "on",
};

const errorsFor = (input: Record<string, unknown>) => {
  const result = RegisterSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe("RegisterSchema", () => {
  it("keeps where the visitor was going when it is a page of this site, and drops anything else", () => {
    expect(RegisterSchema.parse({ ...valid, callbackUrl: "/account/deals/new?offer=x" }).callbackUrl).toBe(
      "/account/deals/new?offer=x",
    );
    expect(RegisterSchema.parse({ ...valid, callbackUrl: "https://evil.example/" }).callbackUrl).toBeUndefined();
    expect(RegisterSchema.parse(valid).callbackUrl).toBeUndefined();
  });

  it("accepts a valid registration and normalizes the email", () => {
    const parsed = RegisterSchema.parse({ ...valid, email: "  Doanh@CongTy.VN " });
    expect(parsed.email).toBe("doanh@congty.vn");
  });

  it("reports every problem of an empty form at once", () => {
    const errors = errorsFor({});
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(["name", "email", "password", "role", "orgMode", "acceptTerms"]),
    );
  });

  it("reports cross-field problems together with single-field ones", () => {
    const errors = errorsFor({ ...valid, email: "bad", confirmPassword: "different", organizationName: "" });
    expect(errors.email).toContain("email_invalid");
    expect(errors.confirmPassword).toContain("passwords_differ");
    expect(errors.organizationName).toContain("too_short");
  });

  it.each([
    ["email", "not-an-email", "email_invalid"],
    ["email", `${"a".repeat(250)}@x.vn`, "too_long"],
    ["name", "A".repeat(121), "too_long"],
    ["name", "Nguyễn\u202eVăn", "invisible_characters"],
    ["name", "Bob\u200b", "invisible_characters"],
    ["name", "12345", "name_needs_letters"],
  ])("rejects %s = %j with %s", (field, value, code) => {
    expect(errorsFor({ ...valid, [field]: value })[field]).toContain(code);
  });

  it("requires passwords of at least 10 characters that match and avoid the email", () => {
    expect(errorsFor({ ...valid, password: "short-pw1", confirmPassword: "short-pw1" }).password).toContain(
      "password_too_short",
    );
    expect(errorsFor({ ...valid, confirmPassword: "something else entirely" }).confirmPassword).toContain(
      "passwords_differ",
    );
    expect(
      errorsFor({ ...valid, password: "doanh-doanh-2026", confirmPassword: "doanh-doanh-2026" }).password,
    ).toContain("password_contains_email");
  });

  it.each([
    "123456789012",
    "passwordpassword",
    "aaaaaaaaaaaaaa",
    "qwertyuiop123",
    "techex2026!!",
    "Doanh1234567",
    "congtycokhidonganh",
  ])("refuses the guessable password %j", (password) => {
    expect(errorsFor({ ...valid, password, confirmPassword: password }).password).toContain("password_weak");
  });

  it("treats NFC and NFD spellings of a password as the same", () => {
    const nfd = "một mật khẩu đủ dài".normalize("NFD");
    expect(RegisterSchema.safeParse({ ...valid, confirmPassword: nfd }).success).toBe(true);
  });

  it("needs an organization: an existing one to join, or a name and type to create", () => {
    expect(errorsFor({ ...valid, orgMode: "join", organizationId: "" }).organizationId).toContain("choose_one");
    const errors = errorsFor({ ...valid, organizationName: "", organizationType: "" });
    expect(errors.organizationName).toContain("too_short");
    expect(errors.organizationType).toContain("choose_one");
  });

  it("only offers the provider and seeker roles at sign-up", () => {
    expect(errorsFor({ ...valid, role: "ADMIN" }).role).toContain("choose_one");
  });

  it("never lets the public create a state agency", () => {
    expect(errorsFor({ ...valid, organizationType: "STATE_AGENCY" }).organizationType).toContain("choose_one");
  });

  it("needs the token of an invitation to register through one", () => {
    expect(errorsFor({ ...valid, orgMode: "invite" }).inviteToken).toContain("invalid_link");
    expect(errorsFor({ ...valid, orgMode: "invite", inviteToken: "x".repeat(43) }).inviteToken).toBeUndefined();
  });
});
