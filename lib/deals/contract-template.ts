import { ContractContentSchema, type ContractContent } from "./contract";
import { expressLicenceContract, type ExpressOffer } from "./express-licence";

/**
 * The first draft a party starts the contract from (issue #12 item 3): the standard terms of a
 * non-exclusive licence (./express-licence.ts) filled from the offer, at the price the parties have
 * talked about (the request's budget, else the offer's price) — every Art. 23 item worded, to be
 * edited rather than typed from nothing. Without any price the draft has no value and no amounts.
 * Pure and client-safe.
 */
export function standardDraft(
  offer: ExpressOffer,
  price: bigint | null,
  terms: { startDate: string; registrationMandatory: boolean },
): ContractContent {
  if (price !== null && price > 0n) return expressLicenceContract(offer, price, terms);
  const priced = expressLicenceContract(offer, 1n, terms);
  const { value: _value, milestones, ...rest } = priced;
  return ContractContentSchema.parse({
    ...rest,
    milestones: milestones?.map(({ amount: _amount, ...m }) => m),
  });
}
