import "server-only";
import { invalidate } from "@/lib/cache/invalidate";
import { tags } from "@/lib/cache/tags";
import type { AuditContext } from "@/lib/audit/context";
import { assertCan, assertEmailVerified, type Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { transition, workflowTransaction } from "@/lib/workflow/transition";
import { checkConfirmedVersion, confirmedSides, isSignable, voidedByNewVersion } from "./confirmation";
import { parseStoredContract, storedContract, type ContractContent } from "./contract";
import { contractSha256 } from "./contract-hash";
import { otherSide } from "./parties";
import { dealRegistrationRequirement } from "./registration-facts";
import { DEAL_WORKFLOW, contractFacts, dealForStep, entityOf, namesOf, partyOnly, tell } from "./store";

/**
 * The contract of a deal (issue #12 item 3; Law 07/2017 Art. 22–23): every save is a new, immutable
 * version with the SHA-256 of its canonical content; both parties confirm the same version (by its
 * number and the hash they were shown); a new version voids the confirmations given so far; the
 * second confirmation of the same version signs the contract. Each step is one transaction through
 * the deal machine (./state-machine.ts), audited, the other party notified.
 */

export interface SavedVersion {
  readonly versionNo: number;
  readonly sha256: string;
}

/**
 * A party saves the contract: the first draft (NEGOTIATING → CONTRACT_DRAFTED) or a new version.
 * `basedOn` is the version the party's form started from (null for the first): when the other party
 * saved meanwhile, the save answers AppError("conflict", "contract_changed") instead of silently
 * replacing their text. The first draft also decides whether registration will be mandatory.
 */
export async function saveContract(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  content: ContractContent,
  basedOn: number | null,
): Promise<SavedVersion> {
  assertCan(user, "deal:act");
  assertEmailVerified(user);
  return workflowTransaction(async (tx) => {
    const { deal, viewer } = await dealForStep(tx, user, reference);
    const party = partyOnly(viewer);
    const facts = await contractFacts(tx, deal);
    if ((facts?.versionNo ?? null) !== basedOn) throw new AppError("conflict", "contract_changed");
    const versionNo = (facts?.versionNo ?? 0) + 1;
    const sha256 = contractSha256(content);
    if (facts && facts.contentSha256 === sha256) throw new AppError("invalid_state", "contract_unchanged");

    let registration = {};
    if (deal.registrationMandatory === null) {
      const decided = await dealRegistrationRequirement(tx, deal);
      registration = { registrationMandatory: decided.mandatory, registrationReason: decided.reason };
    }

    const voided = voidedByNewVersion(facts).map((c) => c.side);
    await transition(tx, DEAL_WORKFLOW, entityOf(deal, facts), facts ? "revise_contract" : "draft_contract", {
      actor: party.actor,
      audit: ctx,
      action: facts ? "deal.revise_contract" : "deal.draft_contract",
      entityType: "deal",
      data: registration,
      before: facts ? { contractVersion: facts.versionNo, sha256: facts.contentSha256 } : { contractVersion: null },
      after: { contractVersion: versionNo, sha256, voidedConfirmations: voided },
      effects: async () => {
        await tx.contract.create({
          data: {
            dealId: deal.id,
            versionNo,
            terms: storedContract(content) ?? {},
            technologyName: content.technologyName ?? null,
            value: content.value ?? null,
            effectiveDate: content.effectiveDate ? new Date(`${content.effectiveDate}T00:00:00Z`) : null,
            termEndDate: content.termEndDate ? new Date(`${content.termEndDate}T00:00:00Z`) : null,
            contentSha256: sha256,
            createdById: user.id,
            registrationRequired:
              (registration as { registrationMandatory?: boolean }).registrationMandatory ??
              deal.registrationMandatory ??
              false,
          },
        });
        await tell(tx, await namesOf(tx, deal), otherSide(party.side), "deal.contract_saved", {
          version: versionNo,
        });
      },
    });
    return { versionNo, sha256 };
  });
}

/**
 * A party confirms the latest version as it was shown (`seen`): refused when another version was
 * saved meanwhile (AppError("conflict", "contract_changed")), when an Art. 23 item is missing
 * ("contract_incomplete") or when this side already confirmed it. The confirmation completing the
 * pair signs the contract in the same transaction (CONTRACT_DRAFTED → SIGNED).
 */
export async function confirmContract(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  seen: { versionNo: number; sha256: string },
): Promise<{ signed: boolean }> {
  assertCan(user, "deal:act");
  assertEmailVerified(user);
  const result = await workflowTransaction(async (tx) => {
    const { deal, viewer } = await dealForStep(tx, user, reference);
    const party = partyOnly(viewer);
    const facts = await contractFacts(tx, deal);
    const changed = checkConfirmedVersion(facts, { versionNo: seen.versionNo, contentSha256: seen.sha256 });
    if (changed) throw new AppError("conflict", changed);
    const names = await namesOf(tx, deal);
    await transition(tx, DEAL_WORKFLOW, entityOf(deal, facts), "confirm_contract", {
      actor: party.actor,
      audit: ctx,
      action: "deal.confirm_contract",
      entityType: "deal",
      before: { confirmed: facts ? confirmedSides(facts) : [] },
      after: { side: party.side, contractVersion: seen.versionNo, sha256: seen.sha256 },
      effects: async () => {
        const latest = await tx.contract.findUniqueOrThrow({
          where: { dealId_versionNo: { dealId: deal.id, versionNo: seen.versionNo } },
          select: { id: true },
        });
        await tx.contractConfirmation.create({
          data: {
            contractId: latest.id,
            side: party.side,
            versionNo: seen.versionNo,
            contentSha256: seen.sha256,
            userId: user.id,
          },
        });
      },
    });
    const after = await contractFacts(tx, deal);
    if (!isSignable(after)) {
      await tell(tx, names, otherSide(party.side), "deal.contract_confirmed", { version: seen.versionNo });
      return { signed: false };
    }
    // The pair is complete: the contract is signed now, by this party's confirmation.
    const fresh = await tx.deal.findUniqueOrThrow({ where: { id: deal.id } });
    const now = new Date();
    await transition(tx, DEAL_WORKFLOW, entityOf(fresh, after), "sign", {
      actor: party.actor,
      audit: ctx,
      action: "deal.sign",
      entityType: "deal",
      data: { signedAt: now },
      after: { state: "SIGNED", contractVersion: seen.versionNo, sha256: seen.sha256 },
      effects: async () => {
        const signed = await tx.contract.update({
          where: { dealId_versionNo: { dealId: deal.id, versionNo: seen.versionNo } },
          data: { state: "SIGNED", signedAt: now },
        });
        // The signed milestones become the performance checklist (issue #12 item 6).
        const content = parseStoredContract(signed.terms);
        await tx.contractMilestone.createMany({
          data: (content?.milestones ?? []).flatMap((m, position) =>
            m.dueDate
              ? [
                  {
                    contractId: signed.id,
                    position,
                    title: m.title,
                    dueDate: new Date(`${m.dueDate}T00:00:00Z`),
                    amount: m.amount ?? null,
                    responsible: m.responsible ?? null,
                    deliverable: m.deliverable ?? null,
                  },
                ]
              : [],
          ),
        });
        for (const side of ["provider", "seeker"] as const) {
          await tell(tx, names, side, "deal.signed", { version: seen.versionNo });
        }
      },
    });
    return { signed: true };
  });
  // A signed contract counts on the home page and in the statistics (issue #11: precise invalidation).
  if (result.signed) invalidate([tags.stats]);
  return result;
}
