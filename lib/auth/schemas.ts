import { z } from "zod";

/**
 * Registration and sign-in input. Messages are catalog keys under `validation.` so every error is
 * shown in the user's language. Imports nothing server-side.
 */

// Bidi overrides, zero-width and other invisible or control characters used to spoof names.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

export const nfc = (value: unknown) => (typeof value === "string" ? value.normalize("NFC").trim() : value);

export const EmailSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.normalize("NFC").trim().toLowerCase() : v),
  z
    .string({ error: "required" })
    .min(1, "required")
    .max(254, "too_long")
    .pipe(z.email({ error: "email_invalid" })),
);

export const PasswordSchema = z
  .string({ error: "required" })
  .min(1, "required")
  .transform((v) => v.normalize("NFC"))
  .pipe(z.string().min(12, "password_too_short").max(128, "too_long"));

export const PersonNameSchema = z.preprocess(
  nfc,
  z
    .string({ error: "required" })
    .min(2, "too_short")
    .max(120, "too_long")
    .refine((v) => !INVISIBLE.test(v), "invisible_characters")
    .refine((v) => /\p{L}/u.test(v), "name_needs_letters"),
);

export const OrgTypeSchema = z.enum(["UNIVERSITY", "INSTITUTE", "ENTERPRISE", "INDIVIDUAL", "INTERMEDIARY", "STATE_AGENCY"], {
  error: "choose_one",
});

export const RegisterSchema = z
  .object({
    name: PersonNameSchema,
    email: EmailSchema,
    password: PasswordSchema,
    confirmPassword: z.string({ error: "required" }).transform((v) => v.normalize("NFC")),
    role: z.enum(["PROVIDER", "SEEKER"], { error: "choose_one" }),
    orgMode: z.enum(["join", "create"], { error: "choose_one" }),
    organizationId: z.string().optional(),
    organizationName: z.preprocess(nfc, z.string().max(200, "too_long").optional()),
    organizationType: z.preprocess((v) => (v === "" ? undefined : v), OrgTypeSchema.optional()),
    acceptTerms: z.literal("on", { error: "must_accept" }),
  })
  // Runs even when single fields failed, so the user sees every problem in one go; the data may
  // therefore be partly invalid here and every access is guarded.
  .superRefine(
    (data, ctx) => {
      const password = typeof data.password === "string" ? data.password : "";
      if (password && typeof data.confirmPassword === "string" && password !== data.confirmPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwords_differ" });
      }
      const local = typeof data.email === "string" ? (data.email.split("@")[0] ?? "") : "";
      if (password.length >= 12 && local.length >= 4 && password.toLowerCase().includes(local)) {
        ctx.addIssue({ code: "custom", path: ["password"], message: "password_contains_email" });
      }
      if (password.length >= 12 && new Set(password).size < 4) {
        ctx.addIssue({ code: "custom", path: ["password"], message: "password_too_simple" });
      }
      if (data.orgMode === "join" && !z.uuid().safeParse(data.organizationId).success) {
        ctx.addIssue({ code: "custom", path: ["organizationId"], message: "choose_one" });
      }
      if (data.orgMode === "create") {
        const name = typeof data.organizationName === "string" ? data.organizationName : "";
        if (name.length < 3) ctx.addIssue({ code: "custom", path: ["organizationName"], message: "too_short" });
        else if (INVISIBLE.test(name)) {
          ctx.addIssue({ code: "custom", path: ["organizationName"], message: "invisible_characters" });
        }
        if (!data.organizationType) ctx.addIssue({ code: "custom", path: ["organizationType"], message: "choose_one" });
      }
    },
    { when: () => true },
  );

export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "required" }).min(1, "required").max(256, "too_long"),
});

export type LoginInput = z.infer<typeof LoginSchema>;

/** All issues of a failed parse, grouped by field: `{ email: ["email_invalid"] }`. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    const list = (out[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}
