import { z } from "zod";
import { OrgType, type MembershipRequestStatus, type VerificationStatus } from "@/lib/generated/prisma/enums";
import { defineMachine } from "@/lib/workflow/machine";

/**
 * The organization workflows (DOMAIN §2): verification of its legal identity by the operator, and
 * requests to join it. Tables only (client-safe); ./mutations.ts and ./membership.ts move the rows
 * through lib/workflow/transition.ts.
 */

/** The legal fields of a verified organization's change waiting for the operator, as `pendingLegal` stores them. */
export const PendingLegalSchema = z
  .object({
    name: z.string(),
    nameEn: z.string().nullable(),
    taxCode: z.string().nullable(),
    establishmentDecision: z.string().nullable(),
    type: z.enum(OrgType),
  })
  .partial();

export type PendingLegal = z.output<typeof PendingLegalSchema>;

/** The stored legal change, or null when none waits (or the stored value does not read as one). */
export function parsePendingLegal(value: unknown): PendingLegal | null {
  if (value === null || value === undefined) return null;
  const parsed = PendingLegalSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type VerificationEvent = "request" | "verify" | "reject" | "withdraw" | "edit" | "accept_legal" | "reject_legal";

/** The organization's administrator, one of its other members, the exchange's operator. */
export type OrganizationActor = "org_admin" | "member" | "operator";

const legalChangeWaits = (org: { pendingLegal: unknown }) =>
  parsePendingLegal(org.pendingLegal) ? null : "invalid_state";

const ALL: readonly VerificationStatus[] = ["UNVERIFIED", "PENDING", "VERIFIED", "REJECTED"];

export const VERIFICATION_MACHINE = defineMachine<
  VerificationStatus,
  VerificationEvent,
  OrganizationActor,
  { pendingLegal: unknown }
>({
  name: "organization verification",
  transitions: {
    // Needs a tax code or an establishment decision (checked with the input, in ./mutations.ts).
    request: { from: ["UNVERIFIED", "REJECTED"], to: "PENDING", by: ["org_admin"] },
    verify: { from: ["PENDING"], to: "VERIFIED", by: ["operator"] },
    reject: { from: ["PENDING"], to: "REJECTED", by: ["operator"] },
    // A legal change while the operator reviews withdraws the request: the review would approve
    // values nobody looked at.
    withdraw: { from: ["PENDING"], to: "UNVERIFIED", by: ["org_admin"] },
    // The profile; a verified organization's legal change waits in `pendingLegal` for the operator.
    edit: { from: ALL, to: "same", by: ["org_admin", "member"] },
    accept_legal: { from: ["VERIFIED"], to: "same", by: ["operator"], guard: legalChangeWaits },
    reject_legal: { from: ["VERIFIED"], to: "same", by: ["operator"], guard: legalChangeWaits },
  },
});

export type MembershipRequestEvent = "approve" | "reject" | "cancel";

/** Who asked to join, the organization's administrator, the operator (for an organization without one). */
export type MembershipActor = "requester" | "org_admin" | "operator";

/** A request to join an organization: decided once, or withdrawn by the requester before. */
export const MEMBERSHIP_REQUEST_MACHINE = defineMachine<
  MembershipRequestStatus,
  MembershipRequestEvent,
  MembershipActor
>({
  name: "membership request",
  initial: { state: "PENDING", by: ["requester"] },
  transitions: {
    // The operator decides only for an organization without an administrator (./membership.ts).
    approve: { from: ["PENDING"], to: "APPROVED", by: ["org_admin", "operator"] },
    reject: { from: ["PENDING"], to: "REJECTED", by: ["org_admin", "operator"] },
    // Also when the requester joins another way (an invitation).
    cancel: { from: ["PENDING"], to: "CANCELLED", by: ["requester"] },
  },
});
