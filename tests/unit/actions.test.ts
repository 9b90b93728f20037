/**
 * The server-action wrapper (lib/actions.ts): how arguments, the principal, the permission and every
 * kind of failure become an ActionResult, worded by the real catalogs. The request helpers are
 * injected (`actionBuilders`); nothing of the wrapper itself is replaced.
 */
import { notFound, redirect } from "next/navigation";
import { createTranslator, type Messages } from "use-intl/core";
import { beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import { actionBuilders, type ActionEnv } from "@/lib/actions";
import type { CurrentUser } from "@/lib/auth/session";
import type { Action } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/messages";

// The default environment reads the Next request; these tests pass their own instead.
vi.mock("@/lib/auth/session", () => ({}));

const catalogs = { vi: await loadMessages("vi"), en: await loadMessages("en") };

const PROVIDER: CurrentUser = {
  id: "7f1c2d7e-8a41-4e0b-9f55-3c2d1e0a9b77",
  email: "lan@example.vn",
  name: "Nguyễn Thị Lan",
  roles: ["PROVIDER"],
  organizationId: "0b6f1f8e-2c1a-4d7e-9a55-1c2d3e4f5a6b",
  orgRole: "ADMIN",
  emailVerified: true,
  organization: null,
};

let user: CurrentUser | null;
let lines: string[];
let audited: { user: CurrentUser | null; action?: Action }[];
let locale: "vi" | "en";

const env: ActionEnv = {
  currentUser: async () => user,
  auditContext: async (who, action) => {
    audited.push({ user: who, action });
    return { actor: { id: who?.id ?? null, role: "test" }, request: { requestId: "req-42", ip: null } };
  },
  // Untyped catalogs (no AppConfig), as getTranslations() sees them: any key is a string.
  translator: async () => createTranslator<Messages>({ locale, messages: catalogs[locale] }),
  requestId: async () => "req-42",
  signIn: async () => redirect("/login"),
  log: (line) => lines.push(line),
};
const { formAction, callAction, plainFormAction } = actionBuilders(env);

beforeEach(() => {
  user = PROVIDER;
  lines = [];
  audited = [];
  locale = "vi";
});

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(key, v);
  return data;
};

const NoteSchema = z.object({
  id: z.uuid({ error: "invalid_input" }),
  note: z.string({ error: "required" }).min(1, "required").max(10, "too_long"),
  tags: z.array(z.string()).max(2, "too_many_keywords"),
});

describe("form parsing", () => {
  const run = vi.fn(async () => ({ message: "saved" }));
  const save = formAction({
    name: "saveNote",
    namespace: "workspace",
    form: { schema: NoteSchema, arrays: ["tags"], hidden: ["id"] },
    run,
  });

  it("answers every field's problem, localized, and keeps the keys beside the words", async () => {
    const result = await save({ ok: true }, form({ id: PROVIDER.id, note: "x".repeat(11), tags: ["a", "b", "c"] }));
    expect(result).toEqual({
      ok: false,
      code: "validation",
      fieldErrors: { note: ["Nội dung quá dài."], tags: ["Tối đa 10 từ khóa."] },
      fieldCodes: { note: ["too_long"], tags: ["too_many_keywords"] },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("words a problem in a hidden field as a form error in the feature's words", async () => {
    const result = await save({ ok: true }, form({ id: "1 OR 1=1", note: "" }));
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      formError: "Dữ liệu gửi lên không hợp lệ. Hãy tải lại trang rồi thử lại.",
      fieldErrors: { note: ["Trường này là bắt buộc."] },
    });
  });

  it("answers in the request's language", async () => {
    locale = "en";
    const result = await save({ ok: true }, form({ id: PROVIDER.id, note: "" }));
    expect(result).toMatchObject({ fieldErrors: { note: ["This field is required."] } });
  });

  it("passes the parsed form, the user and the audit context to run, and answers its outcome", async () => {
    const typed = formAction({
      name: "typed",
      namespace: "workspace",
      form: { schema: NoteSchema, arrays: ["tags"] },
      run: async ({ input, user: who, audit }) => {
        expectTypeOf(who).toEqualTypeOf<CurrentUser>();
        expectTypeOf(input).toEqualTypeOf<z.output<typeof NoteSchema>>();
        return { message: "saved", data: { by: who.id, note: input.note, tags: input.tags, request: audit.request } };
      },
    });
    expect(await typed({ ok: true }, form({ id: PROVIDER.id, note: "ghi chú", tags: ["a"] }))).toEqual({
      ok: true,
      message: "saved",
      data: { by: PROVIDER.id, note: "ghi chú", tags: ["a"], request: { requestId: "req-42", ip: null } },
    });
  });
});

describe("arguments", () => {
  const run = vi.fn(async () => undefined);
  const bound = formAction({
    name: "bound",
    namespace: "workspace",
    args: [z.enum(["offer", "demand"]), z.uuid()],
    form: { schema: z.object({}) },
    run,
  });

  it("refuses anything but a FormData, and bound arguments that do not parse, before any work", async () => {
    for (const bad of [42, null, undefined, "id=1", { id: "x" }, [1, 2], new Map()]) {
      expect(await bound("offer", PROVIDER.id, { ok: true }, bad as unknown as FormData)).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
    }
    expect(await bound("deal" as "offer", PROVIDER.id, { ok: true }, new FormData())).toMatchObject({
      code: "invalid_input",
    });
    expect(await bound("offer", "../../etc", { ok: true }, new FormData())).toMatchObject({ code: "invalid_input" });
    expect(run).not.toHaveBeenCalled();
    expect(await bound("offer", PROVIDER.id, { ok: true }, new FormData())).toEqual({ ok: true });
    expect(run).toHaveBeenCalledOnce();
  });

  it("passes parsed arguments to a called action and ignores extra ones", async () => {
    const call = callAction({
      name: "call",
      namespace: "workspace",
      args: [z.coerce.number().int()],
      run: async ({ args: [n] }) => ({ data: n * 2 }),
    });
    expect(await call("21")).toEqual({ ok: true, data: 42 });
    const extra: (...args: unknown[]) => Promise<unknown> = call;
    expect(await extra("4", "ignored", new FormData())).toEqual({ ok: true, data: 8 });
    expect(await call("x")).toMatchObject({ ok: false, code: "invalid_input", formError: expect.any(String) });
  });
});

describe("principal and permission", () => {
  const run = vi.fn(async () => ({ message: "done" }));
  const create = callAction({ name: "create", namespace: "workspace", permission: "offer:create", run });

  it("answers a signed-out caller with `unauthenticated`, in the feature's words when it has them", async () => {
    user = null;
    expect(await create()).toEqual({
      ok: false,
      code: "unauthenticated",
      formError: "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.",
      fieldErrors: {},
      fieldCodes: {},
    });
    const matches = callAction({ name: "m", namespace: "matching.account", run });
    expect(await matches()).toMatchObject({ formError: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại." });
    expect(run).not.toHaveBeenCalled();
  });

  it("sends a signed-out caller of a plain form to the sign-in page", async () => {
    user = null;
    const mark = plainFormAction({
      name: "mark",
      namespace: "notifications",
      auth: "sign-in",
      form: { schema: z.object({}) },
      run,
    });
    await expect(mark(new FormData())).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/login;/),
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a role the permission does not grant, and audits under the action that granted it", async () => {
    user = { ...PROVIDER, roles: ["SEEKER"] };
    expect(await create()).toMatchObject({
      ok: false,
      code: "forbidden",
      formError: "Bạn không có quyền thực hiện thao tác này.",
    });
    expect(run).not.toHaveBeenCalled();

    user = { ...PROVIDER, roles: ["OFFICER"] };
    const decide = callAction({
      name: "decide",
      namespace: "moderation",
      permission: ["listing:moderate", "listing:decide-restricted"],
      run,
    });
    expect(await decide()).toMatchObject({ ok: true, message: "done" });
    expect(audited).toEqual([{ user, action: "listing:decide-restricted" }]);
  });

  it("loads no user for a public action", async () => {
    const currentUser = vi.spyOn(env, "currentUser");
    const open = callAction({
      name: "open",
      namespace: "auth.register",
      auth: "public",
      run: async ({ user: who }) => {
        expectTypeOf(who).toEqualTypeOf<null>();
        return { data: who };
      },
    });
    expect(await open()).toEqual({ ok: true, data: null });
    expect(currentUser).not.toHaveBeenCalled();
    currentUser.mockRestore();
  });
});

describe("failures of the work", () => {
  const failing = (error: unknown, namespace = "membership", errorFields?: Record<string, string>) =>
    callAction({
      name: "failing",
      namespace,
      errorFields,
      run: async () => {
        throw error;
      },
    });

  it("words an AppError by its key, then its code, in the feature's namespace, then the common one", async () => {
    expect(await failing(new AppError("invalid_state", "last_admin"))()).toMatchObject({
      ok: false,
      code: "last_admin",
      formError: "Bạn là quản trị viên duy nhất: hãy chuyển quyền quản trị cho thành viên khác trước.",
    });
    // matching.account has no words for "email_unverified", but has them for "forbidden".
    expect(await failing(new AppError("forbidden", "email_unverified"), "matching.account")()).toMatchObject({
      code: "email_unverified",
      formError: "Bạn không có quyền thay đổi gợi ý này.",
    });
    expect(await failing(new AppError("conflict"), "workspace")()).toMatchObject({
      formError: "Tin vừa được thay đổi ở nơi khác. Hãy tải lại trang rồi thử lại.",
    });
    expect(await failing(new AppError("conflict"), "membership")()).toMatchObject({
      formError: "Dữ liệu vừa thay đổi. Vui lòng tải lại trang.",
    });
  });

  it("turns an AppError's field errors, or a key named in errorFields, into field errors only", async () => {
    const weak = new AppError("validation", "password_weak", { fieldErrors: { password: ["password_weak"] } });
    const result = await failing(weak, "auth.reset")();
    expect(result).toMatchObject({
      ok: false,
      code: "password_weak",
      fieldCodes: { password: ["password_weak"] },
      fieldErrors: { password: [expect.stringMatching(/^Mật khẩu quá dễ đoán/)] },
    });
    expect(result).not.toHaveProperty("formError");
    const gone = new AppError("validation", "organization_not_found");
    expect(await failing(gone, "auth.register", { organization_not_found: "organizationId" })()).toMatchObject({
      fieldErrors: { organizationId: ["Không tìm thấy tổ chức đã chọn."] },
    });
  });

  it("turns a ZodError thrown by lib into field errors", async () => {
    const error = NoteSchema.safeParse({ id: PROVIDER.id, note: "", tags: [] }).error;
    expect(await failing(error, "workspace")()).toMatchObject({
      code: "validation",
      fieldErrors: { note: ["Trường này là bắt buộc."] },
    });
  });

  it("answers anything else as `unknown` and logs it once as a JSON line with the request id", async () => {
    const result = await failing(new TypeError("pool exhausted"), "workspace")();
    expect(result).toEqual({
      ok: false,
      code: "unknown",
      formError: "Không thực hiện được. Vui lòng thử lại.",
      fieldErrors: {},
      fieldCodes: {},
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "error",
      requestId: "req-42",
      routeType: "action",
      action: "failing",
      error: { name: "TypeError", message: "pool exhausted" },
    });
    // A feature's own words for "unknown" come first.
    expect(await failing("a string", "auth.register")()).toMatchObject({
      formError: "Không thể xử lý yêu cầu lúc này. Vui lòng thử lại.",
    });
  });

  it("lets Next's redirect and notFound signals through", async () => {
    await expect(failing(catchSignal(() => redirect("/account")))()).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;/),
    });
    await expect(failing(catchSignal(() => notFound()))()).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/),
    });
    expect(lines).toEqual([]);
  });

  it("answers with the keys when the catalogs cannot load, rather than failing", async () => {
    const { callAction: bare } = actionBuilders({
      ...env,
      translator: async () => Promise.reject(new Error("no catalogs")),
    });
    const action = bare({
      name: "bare",
      namespace: "workspace",
      run: async () => Promise.reject(new AppError("not_found")),
    });
    expect(await action()).toMatchObject({ ok: false, code: "not_found", formError: "not_found" });
  });
});

/** The error a Next signal function throws. */
function catchSignal(signal: () => never): unknown {
  try {
    signal();
  } catch (error) {
    return error;
  }
  throw new Error("the signal did not throw");
}
