import { describe, expect, it } from "vitest";
import { RegisterSchema } from "@/lib/auth/schemas";
import { OrganizationProfileSchema } from "@/lib/organizations/schemas";
import { line, text } from "@/lib/listings/schemas";
import { isPlainLine, isPlainText } from "@/lib/text";

const PASSWORD = "lò-vi-sóng-màu-cam-ở-Cầu-Giấy";
const registration = (organizationName: string) =>
  RegisterSchema.safeParse({
    name: "Vũ Thị Đăng Ký",
    email: "dangky@example.vn",
    password: PASSWORD,
    confirmPassword: PASSWORD,
    role: "PROVIDER",
    orgMode: "create",
    organizationName,
    organizationType: "INSTITUTE",
    acceptTerms: "on",
  });
const profile = (name: string) =>
  OrganizationProfileSchema.safeParse({ name, location: "HN-CAUGIAY", type: "INSTITUTE" });

describe("one text sanitizer", () => {
  it("keeps line breaks in prose but not in a single line", () => {
    expect(isPlainText("dòng một\ndòng hai\tcột")).toBe(true);
    expect(isPlainLine("dòng một\ndòng hai")).toBe(false);
    for (const bad of ["a\u0000b", "a\u0007b", "a\u0085b", "a\u200bb", "a\u202eb", "a\ufeffb"]) {
      expect(isPlainText(bad), JSON.stringify(bad)).toBe(false);
      expect(isPlainLine(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("judges an organization name the same at registration and at profile edit", () => {
    for (const name of ["Viện Cơ khí\nNăng lượng", "Viện\tCơ khí", "Viện Cơ khí\u202e", "Viện\u200b Cơ khí"]) {
      expect(registration(name).success, JSON.stringify(name)).toBe(false);
      expect(profile(name).success, JSON.stringify(name)).toBe(false);
    }
    expect(registration("Viện Cơ khí Năng lượng").success).toBe(true);
    expect(profile("Viện Cơ khí Năng lượng").success).toBe(true);
  });
});

describe("required text fields", () => {
  it("answer an empty value with 'required' alone, not also 'too short'", () => {
    for (const schema of [text(5, 200), line(2, 200)]) {
      for (const empty of ["", "   ", undefined]) {
        const result = schema.safeParse(empty);
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((i) => i.message)).toEqual(["required"]);
      }
    }
    expect(
      text(5, 200)
        .safeParse("abc")
        .error?.issues.map((i) => i.message),
    ).toEqual(["too_short"]);
  });
});
