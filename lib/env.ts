import { z } from "zod";

/**
 * The process environment, validated once. A bad environment fails at start with a message naming
 * the variable, rather than as a confusing error deep in a request.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (npm start sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
  /** The owner role's connection, for migrations and seeds only (default: DATABASE_URL). */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_OWNER_URL must be a postgresql:// connection string")
    .optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Key of the audit chain's HMAC; never stored in the database. Required in production. */
  AUDIT_CHAIN_KEY: z.string().min(32, "AUDIT_CHAIN_KEY must be at least 32 characters").optional(),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (default): the header
   * is ignored and the connection's own address is used; N: the N-th address from the right.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  NEXTAUTH_URL: z.url().optional(),
  APP_URL: z.url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("San Giao dich Cong nghe Ha Noi <no-reply@techex.hanoi.gov.vn>"),
  STORAGE_DIR: z.string().default(".data/uploads"),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Failures per (e-mail, IP) pair in the window before that pair is refused. */
  LOGIN_MAX_FAILURES_PER_PAIR: z.coerce.number().int().positive().default(5),
  /** Sign-ups accepted from one IP address per hour. */
  SIGNUP_MAX_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(10),
  /** Set to "false" to keep background jobs out of the web process (run `npm run worker` instead). */
  JOBS_IN_PROCESS: z.enum(["true", "false"]).default("true"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Returns the validated environment; throws with every problem listed when it is invalid. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  if (parsed.data.NODE_ENV === "production") {
    const missing = (["AUTH_SECRET", "AUDIT_CHAIN_KEY"] as const).filter((name) => !parsed.data[name]);
    if (missing.length > 0) {
      throw new Error(
        `Invalid environment:\n${missing.map((name) => `  - ${name}: required in production`).join("\n")}`,
      );
    }
  }
  cached = parsed.data;
  return cached;
}
