import "server-only";

/**
 * The audit chain's HMAC key. Required in production (lib/env.ts refuses to start without it);
 * `npm start`, the e2e runner and the tests generate or set one. Read directly from the process
 * environment so that scripts (the seed) can append events before the app's environment exists.
 * Without it no event can be appended or verified: failing loudly is better than writing a chain that
 * anyone with database access could recompute.
 */
export function auditChainKey(): string {
  const key = process.env.AUDIT_CHAIN_KEY;
  if (!key || key.length < 32) {
    throw new Error(
      "AUDIT_CHAIN_KEY is not set (or shorter than 32 characters): the audit chain needs a secret key kept outside the database.",
    );
  }
  return key;
}
