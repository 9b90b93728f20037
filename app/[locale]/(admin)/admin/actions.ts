"use server";

import { assertCan } from "@/lib/authz";
import { verifyAuditChain, type ChainVerdict } from "@/lib/audit/queries";
import { getCurrentUser } from "@/lib/auth/session";

/** Auditor: walk the whole audit chain and report where it breaks, if anywhere. */
export async function verifyChainAction(): Promise<ChainVerdict> {
  assertCan(await getCurrentUser(), "audit:verify");
  return verifyAuditChain();
}
