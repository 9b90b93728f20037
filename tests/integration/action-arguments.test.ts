/**
 * Issue 9 item 10, review follow-up: server actions that read FormData answer a typed result (or
 * nothing) when called with anything else, never a 500. The framework's request-bound helpers are
 * replaced; the lib code and the database are real.
 */
import { describe, expect, it, vi } from "vitest";
import { setMatchStateAction } from "@/app/[locale]/(account)/account/matches/actions";
import { markReadAction } from "@/app/[locale]/(account)/account/notifications/actions";
import { acceptInviteAction } from "@/app/[locale]/(auth)/invite/actions";
import { RegisterSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { createUser } from "../factories";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));

const WRONG = [42, null, undefined, "id=1", { id: "x" }] as unknown as FormData[];

describe("actions called with wrong-typed arguments", () => {
  it("answer typed errors instead of throwing", async () => {
    const user = await createUser(db, { roles: ["PROVIDER"] });
    session.user = { ...user, orgRole: null, emailVerified: true, organization: null };
    for (const bad of WRONG) {
      await expect(acceptInviteAction({ ok: true }, bad)).resolves.toMatchObject({ ok: false, code: "invalid_input" });
      await expect(setMatchStateAction({ ok: true }, bad)).resolves.toMatchObject({
        ok: false,
        code: "invalid_input",
        formError: "Yêu cầu không hợp lệ. Vui lòng tải lại trang.",
      });
      await expect(markReadAction(bad)).resolves.toBeUndefined();
    }
  });

  it("refuse NUL and control characters in a join message at registration with a field error", () => {
    const PASSWORD = "lò-vi-sóng-màu-cam-ở-Cầu-Giấy";
    const parsed = RegisterSchema.safeParse({
      name: "Lê Thị Nhắn",
      email: "nhan@example.vn",
      password: PASSWORD,
      confirmPassword: PASSWORD,
      role: "SEEKER",
      orgMode: "join",
      organizationId: "7f1c2d7e-8a41-4e0b-9f55-3c2d1e0a9b77",
      joinMessage: "xin\u0000chào",
      acceptTerms: "on",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0])).toContain("joinMessage");
  });
});
