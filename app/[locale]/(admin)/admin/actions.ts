"use server";

import { callAction } from "@/lib/actions";
import { verifyChainAs } from "@/lib/audit/checkpoints";
import { AppError } from "@/lib/errors";

/** Auditor: walk the whole audit chain, report where it breaks, and checkpoint the head when it holds. */
export const verifyChainAction = callAction({
  name: "verifyChain",
  namespace: "admin.chain",
  permission: "audit:verify",
  // Every auditor access is itself an audit event (issue #13 item 6), as the verify route records it.
  run: async ({ user, audit }) => {
    const result = await verifyChainAs(user, { audit });
    if (result.ok) return { data: result.verdict };
    if (result.error === "forbidden") throw new AppError("forbidden");
    // lib/audit logged the cause; this line ties it to the request.
    throw new Error("audit chain verification failed");
  },
});
