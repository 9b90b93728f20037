import "server-only";
import { env } from "@/lib/env";

/**
 * The audit chain's HMAC key. Required in production (lib/env.ts); `npm start`, the e2e runner and
 * the tests generate or set one. Without it no event can be appended or verified: failing loudly is
 * better than writing a chain that anyone with database access could recompute.
 */
export function auditChainKey(): string {
  const key = env().AUDIT_CHAIN_KEY;
  if (!key) {
    throw new Error(
      "AUDIT_CHAIN_KEY is not set: the audit chain needs a secret key (≥ 32 characters) kept outside the database.",
    );
  }
  return key;
}
