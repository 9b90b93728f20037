import type { AuditContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ContractContentSchema } from "@/lib/deals/contract";
import { confirmContract, saveContract } from "@/lib/deals/contracts";
import { startDeal, takeDealStep } from "@/lib/deals/mutations";
import { FULL_CONTENT } from "../fixtures/contracts/full-contract";
import { buildOffer } from "../factories";

/** "ok", or the AppError's "code:message" a promise rejects with (anything else rethrown). */
export function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? `${error.code}:${error.message}` : Promise.reject(error)),
  );
}

/**
 * A deal signed by both parties on the full test contract: a new offer of `provider`'s organization
 * (state-funded, hence with a mandatory registration, when asked), a request, the answer, version 1
 * and both confirmations — every step through lib, as the app takes it.
 */
export async function signedDeal(
  ctx: AuditContext,
  parties: { provider: Principal; seeker: Principal },
  stateFunded: boolean,
): Promise<string> {
  const { provider, seeker } = parties;
  const offer = await db.offer.create({
    data: buildOffer(provider.organizationId!, provider.id, { stateFunded }),
  });
  const { reference } = await startDeal(ctx, seeker, {
    kind: "interest",
    offerId: offer.id,
    message: "Đề nghị chuyển giao.",
    intendedUse: "Sản xuất.",
  });
  await takeDealStep(ctx, provider, reference, { event: "accept" });
  // A mandatory registration: the contract takes effect on the certificate (missingForConfirmation).
  const content = stateFunded
    ? ContractContentSchema.parse({ ...FULL_CONTENT, effectiveOn: "REGISTRATION", effectiveDate: undefined })
    : FULL_CONTENT;
  const v1 = await saveContract(ctx, provider, reference, content, null);
  await confirmContract(ctx, provider, reference, v1);
  await confirmContract(ctx, seeker, reference, v1);
  return reference;
}
