"use server";

import { verifyChainAs, type VerifyChainResult } from "@/lib/audit/checkpoints";
import { getCurrentUser } from "@/lib/auth/session";

/** Auditor: walk the whole audit chain, report where it breaks, and checkpoint the head when it holds. */
export async function verifyChainAction(): Promise<VerifyChainResult> {
  return verifyChainAs(await getCurrentUser());
}
