import { z } from "zod";
import { isPlainLine, isPlainText } from "@/lib/text";
import { safeCallbackPath } from "./callback";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from "./password-strength";

/**
 * Registration and sign-in input. Messages are catalog keys under `validation.` so every error is
 * shown in the user's language. Imports nothing server-side.
 */

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
  .pipe(z.string().min(PASSWORD_MIN_LENGTH, "password_too_short").max(PASSWORD_MAX_LENGTH, "too_long"));

export const PersonNameSchema = z.preprocess(
  nfc,
  z
    .string({ error: "required" })
    .min(2, "too_short")
    .max(120, "too_long")
    .refine(isPlainLine, "invisible_characters")
    .refine((v) => /\p{L}/u.test(v), "name_needs_letters"),
);

/** Every organization type, as stored. */
export const OrgTypeSchema = z.enum(
  ["UNIVERSITY", "INSTITUTE", "ENTERPRISE", "INDIVIDUAL", "INTERMEDIARY", "STATE_AGENCY"],
  {
    error: "choose_one",
  },
);

/**
 * The types a member of the public may give an organization: state agencies (the Department's own
 * organization among them) are created by the system administrator only.
 */
export const PUBLIC_ORG_TYPES = ["UNIVERSITY", "INSTITUTE", "ENTERPRISE", "INDIVIDUAL", "INTERMEDIARY"] as const;
export const PublicOrgTypeSchema = z.enum(PUBLIC_ORG_TYPES, { error: "choose_one" });

/** A single-use token from an e-mailed link (base64url, 43 characters for 32 random bytes). */
export const LinkTokenSchema = z.string({ error: "invalid_link" }).regex(/^[A-Za-z0-9_-]{32,64}$/, "invalid_link");

export const RegisterSchema = z
  .object({
    name: PersonNameSchema,
    email: EmailSchema,
    password: PasswordSchema,
    confirmPassword: z.string({ error: "required" }).transform((v) => v.normalize("NFC")),
    role: z.enum(["PROVIDER", "SEEKER"], { error: "choose_one" }),
    /** create: a new organization, its administrator; join: a request to an existing one; invite: an e-mailed invitation. */
    orgMode: z.enum(["join", "create", "invite"], { error: "choose_one" }),
    organizationId: z.string().optional(),
    organizationName: z.preprocess(nfc, z.string().max(200, "too_long").optional()),
    organizationType: z.preprocess((v) => (v === "" ? undefined : v), PublicOrgTypeSchema.optional()),
    inviteToken: z.preprocess((v) => (v === "" ? undefined : v), LinkTokenSchema.optional()),
    joinMessage: z.preprocess(
      nfc,
      z.string().max(1000, "too_long").refine(isPlainText, "invisible_characters").optional(),
    ),
    acceptTerms: z.literal("on", { error: "must_accept" }),
    /** Where the visitor was going before registering (a page of this site, else dropped). */
    callbackUrl: z.preprocess((v) => safeCallbackPath(v) ?? undefined, z.string().optional()),
  })
  // Runs even when single fields failed, so the user sees every problem in one go; the data may
  // therefore be partly invalid here and every access is guarded.
  .superRefine(
    (data, ctx) => {
      const password = typeof data.password === "string" ? data.password : "";
      if (password && typeof data.confirmPassword === "string" && password !== data.confirmPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwords_differ" });
      }
      const email = typeof data.email === "string" ? data.email : "";
      const local = email.split("@")[0] ?? "";
      if (password.length >= PASSWORD_MIN_LENGTH && local.length >= 4 && password.toLowerCase().includes(local)) {
        ctx.addIssue({ code: "custom", path: ["password"], message: "password_contains_email" });
      }
      if (password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH) {
        const context = [
          email,
          typeof data.name === "string" ? data.name : "",
          typeof data.organizationName === "string" ? data.organizationName : "",
        ];
        for (const problem of passwordProblems(password, context))
          ctx.addIssue({ code: "custom", path: ["password"], message: problem });
      }
      if (data.orgMode === "join" && !z.uuid().safeParse(data.organizationId).success) {
        ctx.addIssue({ code: "custom", path: ["organizationId"], message: "choose_one" });
      }
      if (data.orgMode === "invite" && !data.inviteToken) {
        ctx.addIssue({ code: "custom", path: ["inviteToken"], message: "invalid_link" });
      }
      if (data.orgMode === "create") {
        const name = typeof data.organizationName === "string" ? data.organizationName : "";
        if (name.length < 3) ctx.addIssue({ code: "custom", path: ["organizationName"], message: "too_short" });
        else if (!isPlainLine(name)) {
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

/** The repeated new password, compared with the new one by `samePasswords`. */
export const ConfirmPasswordSchema = z.string({ error: "required" }).transform((v) => v.normalize("NFC"));

/**
 * Flags `confirmPassword` when it differs from `password`. Meant for `.superRefine(…, { when: () =>
 * true })`, so it runs even when other fields failed: the data may be partly invalid, hence the guards.
 */
export function samePasswords(data: { password?: unknown; confirmPassword?: unknown }, ctx: z.RefinementCtx): void {
  if (
    typeof data.password === "string" &&
    typeof data.confirmPassword === "string" &&
    data.password !== data.confirmPassword
  )
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwords_differ" });
}

/** "Forgot password": only the address. */
export const ForgotPasswordSchema = z.object({ email: EmailSchema });

/** A new password from a reset link; its strength against the account's own words is checked by the server. */
export const ResetPasswordSchema = z
  .object({
    token: LinkTokenSchema,
    password: PasswordSchema,
    confirmPassword: ConfirmPasswordSchema,
  })
  .superRefine(samePasswords, { when: () => true });

export type ResetPasswordInput = z.infer<typeof ResetPasswordSchema>;

/** The token of a verification link, posted back by the verify page's button. */
export const VerifyEmailSchema = z.object({ token: LinkTokenSchema });
