import "server-only";
import { can, type Principal } from "@/lib/authz";
import { db, pool } from "@/lib/db";
import type { AuditContext } from "./context";
import { appendAudit } from "./mutations";
import { verifyAuditChain, type ChainVerdict, type VerifyOptions } from "./queries";

export type CheckpointSource = "verify" | "nightly";

/** What a verification may be asked: where to start and whom to tell how far it got. */
export type CheckpointOptions = Pick<VerifyOptions, "from" | "onProgress" | "batchSize">;

/**
 * Verifies the chain (whole, or from a published head) and, when it holds, records its head
 * (sequence and hash) in audit_checkpoints — a table the application may only append to — and in the
 * log, which lives outside the database. A later verification then notices newest events that were
 * deleted. The nightly checkpoints are the published heads (lib/audit/heads.ts).
 */
export async function verifyAndCheckpoint(
  source: CheckpointSource,
  options: CheckpointOptions = {},
): Promise<ChainVerdict> {
  const verdict = await verifyAuditChain(options);
  if (verdict.ok && verdict.lastSeq !== null) {
    await pool().query("INSERT INTO audit_checkpoints (seq, hash, source) VALUES ($1::bigint, $2, $3)", [
      verdict.lastSeq,
      verdict.lastHash,
      source,
    ]);
  }
  const from = options.from ? { seq: options.from.seq, hash: options.from.hash } : undefined;
  // One line per verification, for log shipping: the head as it was, or where the chain broke.
  console.info(
    `[audit] ${JSON.stringify(
      verdict.ok
        ? {
            checkpoint: {
              source,
              seq: verdict.lastSeq,
              hash: verdict.lastHash,
              checked: verdict.checked,
              from,
              at: new Date(),
            },
          }
        : { broken: { source, seq: verdict.brokenAt, problem: verdict.problem, from, at: new Date() } },
    )}`,
  );
  return verdict;
}

export type VerifyChainResult = { ok: true; verdict: ChainVerdict } | { ok: false; error: "forbidden" | "failed" };

/**
 * The auditor's verification on behalf of `user`: a typed answer in every case, so that a refusal
 * or a failure never becomes a 500 in the action or route that calls it. With `audit`, the
 * verification itself is recorded as an "audit.verify" event (the auditor's accesses are audited).
 */
export async function verifyChainAs(
  user: Principal | null,
  options: CheckpointOptions & { audit?: AuditContext } = {},
): Promise<VerifyChainResult> {
  if (!can(user, "audit:verify")) return { ok: false, error: "forbidden" };
  const { audit, ...verify } = options;
  try {
    const verdict = await verifyAndCheckpoint("verify", verify);
    if (audit) {
      await db.$transaction((tx) =>
        appendAudit(tx, audit, {
          action: "audit.verify",
          entityType: "audit_log",
          after: {
            from: verify.from ?? null,
            ok: verdict.ok,
            checked: verdict.checked,
            ...(verdict.ok ? { head: verdict.lastSeq } : { brokenAt: verdict.brokenAt, problem: verdict.problem }),
          },
        }),
      );
    }
    return { ok: true, verdict };
  } catch (error) {
    console.error("[audit] verification failed:", error);
    return { ok: false, error: "failed" };
  }
}
