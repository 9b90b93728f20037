import { DEAL_SIDES, type DealSide } from "./parties";

/**
 * Both parties confirm the same contract version (issue #12, Law 07/2017 Art. 22). Every save of the
 * contract is a new, immutable version with the SHA-256 of its canonical content (./contract-hash.ts);
 * a party confirms one version by its number *and* the hash it was shown, so a confirmation can only
 * ever count for the exact text the user read. A confirmation counts for the latest version only:
 * an edit (a new version) voids every confirmation given so far — nothing needs to be deleted, the
 * old ones simply belong to a version that is no longer the latest. Pure functions, client-safe.
 */

/** One party's confirmation of one version, as stored (who and when are kept beside it). */
export interface ContractConfirmation {
  readonly side: DealSide;
  readonly versionNo: number;
  readonly contentSha256: string;
}

/** The latest version of a deal's contract and every confirmation given, on any version. */
export interface ContractFacts {
  readonly versionNo: number;
  readonly contentSha256: string;
  /** False while `missingForConfirmation` (./contract.ts) lists any Art. 23 item. */
  readonly complete: boolean;
  readonly confirmations: readonly ContractConfirmation[];
}

/** The sides that confirmed the latest version, with its hash. */
export function confirmedSides(contract: ContractFacts): DealSide[] {
  return DEAL_SIDES.filter((side) =>
    contract.confirmations.some(
      (c) => c.side === side && c.versionNo === contract.versionNo && c.contentSha256 === contract.contentSha256,
    ),
  );
}

/** The sides that still have to confirm the latest version (empty once it can be signed). */
export function awaitingSides(contract: ContractFacts | null): DealSide[] {
  if (contract === null) return [...DEAL_SIDES];
  const done = confirmedSides(contract);
  return DEAL_SIDES.filter((side) => !done.includes(side));
}

/**
 * Why `side` may not confirm now (a message key), or null. Does not look at which version the user
 * saw: see `checkConfirmedVersion`.
 */
export function confirmationBlock(contract: ContractFacts | null, side: DealSide): string | null {
  if (contract === null) return "no_contract";
  if (!contract.complete) return "contract_incomplete";
  if (confirmedSides(contract).includes(side)) return "already_confirmed";
  return null;
}

/**
 * The version the user confirms must still be the latest, with the content they were shown: when
 * the other party saved a new version meanwhile, or two confirmations of different versions race,
 * the late one answers "contract_changed" (shown as "this deal has just changed, reload").
 */
export function checkConfirmedVersion(
  contract: ContractFacts | null,
  seen: { readonly versionNo: number; readonly contentSha256: string },
): string | null {
  if (contract === null) return "no_contract";
  return seen.versionNo === contract.versionNo && seen.contentSha256 === contract.contentSha256
    ? null
    : "contract_changed";
}

/** True when both parties confirmed the latest version, with the same content: the deal can be signed. */
export function isSignable(contract: ContractFacts | null): boolean {
  return contract !== null && contract.complete && confirmedSides(contract).length === DEAL_SIDES.length;
}

/**
 * The confirmations a new version voids: those of the version it replaces (earlier ones were voided
 * already). The workspace tells these parties that they have to confirm again.
 */
export function voidedByNewVersion(contract: ContractFacts | null): ContractConfirmation[] {
  if (contract === null) return [];
  return contract.confirmations.filter(
    (c) => c.versionNo === contract.versionNo && c.contentSha256 === contract.contentSha256,
  );
}
