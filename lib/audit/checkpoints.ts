import "server-only";
import { can, type Principal } from "@/lib/authz";
import { pool } from "@/lib/db";
import { verifyAuditChain, type ChainVerdict } from "./queries";

export type CheckpointSource = "verify" | "nightly";

/**
 * Verifies the whole chain and, when it holds, records its head (sequence and hash) in
 * audit_checkpoints — a table the application may only append to — and in the log, which lives
 * outside the database. A later verification then notices newest events that were deleted.
 */
export async function verifyAndCheckpoint(source: CheckpointSource): Promise<ChainVerdict> {
  const verdict = await verifyAuditChain();
  if (verdict.ok && verdict.lastSeq !== null) {
    await pool().query("INSERT INTO audit_checkpoints (seq, hash, source) VALUES ($1::bigint, $2, $3)", [
      verdict.lastSeq,
      verdict.lastHash,
      source,
    ]);
  }
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
              at: new Date(),
            },
          }
        : { broken: { source, seq: verdict.brokenAt, problem: verdict.problem, at: new Date() } },
    )}`,
  );
  return verdict;
}

export type VerifyChainResult = { ok: true; verdict: ChainVerdict } | { ok: false; error: "forbidden" | "failed" };

/**
 * The auditor's verification on behalf of `user`: a typed answer in every case, so that a refusal
 * or a failure never becomes a 500 in the action that calls it.
 */
export async function verifyChainAs(user: Principal | null): Promise<VerifyChainResult> {
  if (!can(user, "audit:verify")) return { ok: false, error: "forbidden" };
  try {
    return { ok: true, verdict: await verifyAndCheckpoint("verify") };
  } catch (error) {
    console.error("[audit] verification failed:", error);
    return { ok: false, error: "failed" };
  }
}
