import { createHash } from "node:crypto";
import { canonicalContract, type ContractContent } from "./contract";

/**
 * The SHA-256 (hex) of a contract version's canonical content: stored with the version, shown to
 * both parties, recorded with each confirmation and in the audit event. Apart from ./contract.ts
 * because it needs node:crypto, which the contract form in the browser does not.
 */
export function contractSha256(content: ContractContent): string {
  return createHash("sha256").update(canonicalContract(content), "utf8").digest("hex");
}
