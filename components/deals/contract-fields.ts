import { TransferForm, TransferMethod, TransferObject } from "@/lib/generated/prisma/enums";
import { DISPUTE_BODIES, EFFECTIVE_ON, RESPONSIBLE_SIDES, SCOPES, type ContractField } from "@/lib/deals/contract";
import {
  DISPUTE_BODY_LABELS,
  EFFECTIVE_ON_LABELS,
  SCOPE_LABELS,
  SIDE_LABELS,
  TRANSFER_FORM_LABELS,
  TRANSFER_METHOD_LABELS,
  TRANSFER_OBJECT_LABELS,
  type Label,
} from "@/lib/deals/contract-document";

/**
 * How the contract form shows each content field (lib/deals/contract.ts). Typed by field: a field
 * added to the content without a widget here fails to compile. Labels come from the contract
 * document's tables, so the form and the printed contract name things alike.
 */
export type Widget =
  | { readonly kind: "line"; readonly max: number }
  | { readonly kind: "text"; readonly rows: number; readonly max: number }
  | { readonly kind: "enum"; readonly options: readonly string[]; readonly labels: Readonly<Record<string, Label>> }
  | { readonly kind: "set"; readonly options: readonly string[]; readonly labels: Readonly<Record<string, Label>> }
  | { readonly kind: "yesno" }
  | { readonly kind: "amount" }
  | { readonly kind: "date" }
  | { readonly kind: "milestones" }
  | { readonly kind: "support" };

const text = (rows = 3, max = 20_000): Widget => ({ kind: "text", rows, max });
const line = (max = 300): Widget => ({ kind: "line", max });

export const CONTRACT_WIDGETS: Readonly<Record<ContractField, Widget>> = {
  technologyName: line(),
  transferObjects: { kind: "set", options: Object.values(TransferObject), labels: TRANSFER_OBJECT_LABELS },
  objectDescription: text(4),
  products: text(),
  productStandards: text(),
  scope: { kind: "enum", options: SCOPES, labels: SCOPE_LABELS },
  exclusive: { kind: "yesno" },
  territory: line(500),
  sublicensing: { kind: "yesno" },
  transferForm: { kind: "enum", options: Object.values(TransferForm), labels: TRANSFER_FORM_LABELS },
  transferMethods: { kind: "set", options: Object.values(TransferMethod), labels: TRANSFER_METHOD_LABELS },
  methodDetails: text(),
  providerObligations: text(5),
  seekerObligations: text(5),
  supportObligations: { kind: "support" },
  value: { kind: "amount" },
  paymentMethod: text(),
  effectiveOn: { kind: "enum", options: EFFECTIVE_ON, labels: EFFECTIVE_ON_LABELS },
  effectiveDate: { kind: "date" },
  termEndDate: { kind: "date" },
  definitions: text(),
  deliveryPlace: text(2, 2_000),
  milestones: { kind: "milestones" },
  warranty: text(),
  penalties: text(),
  liability: text(),
  disputeBody: { kind: "enum", options: DISPUTE_BODIES, labels: DISPUTE_BODY_LABELS },
  disputeBodyName: line(),
  governingLaw: line(),
  otherTerms: text(),
};

export const RESPONSIBLE_OPTIONS = RESPONSIBLE_SIDES.map((side) => ({ value: side, label: SIDE_LABELS[side] }));
