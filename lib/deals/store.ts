import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Deal, Prisma } from "@/lib/generated/prisma/client";
import type { DealState, RegistrationState } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/mutations";
import type { NotificationParamsByType } from "@/lib/notifications/types";
import type { Principal } from "@/lib/authz";
import type { Workflow } from "@/lib/workflow/transition";
import { dealViewer, type DealViewer } from "./access";
import { parseStoredContract, missingForConfirmation } from "./contract";
import type { ContractFacts } from "./confirmation";
import { asDealSide, otherSide, type DealSide } from "./parties";
import { parseDealReference } from "./reference";
import { DEAL_MACHINE, type DealActor, type DealEvent, type DealFacts } from "./state-machine";

/**
 * How deals are stored and told about, shared by the deal steps (./mutations.ts) and the contract
 * steps (./contracts.ts): the deal machine's compare-and-set store, the guards' facts of a deal,
 * the names notifications use, and who is asking.
 */

/** A deal row with the facts the machine's guards read. */
export type DealEntity = Deal & DealFacts;

export type DealData = Prisma.DealUncheckedUpdateManyInput;
type DealCreate = Omit<Prisma.DealUncheckedCreateInput, "state">;

export const DEAL_WORKFLOW: Workflow<DealState, DealEvent, DealActor, DealEntity, DealData, DealCreate> = {
  machine: DEAL_MACHINE,
  store: {
    field: "state",
    stateOf: (deal) => deal.state,
    write: async (tx, deal, move) => {
      const { count } = await tx.deal.updateMany({
        where: { id: deal.id, version: deal.version, state: move.from },
        data: {
          ...move.data,
          state: move.to,
          version: { increment: 1 },
          ...(move.to !== move.from ? { stateChangedAt: new Date() } : {}),
        },
      });
      return count;
    },
    create: async (tx, state, data) => entityOf(await tx.deal.create({ data: { ...data, state } })),
  },
};

/**
 * The guards' facts of a deal, with its latest contract version when the caller loaded it
 * (`loadEntity`). Registrations and milestones arrive with the next parts of issue #12.
 */
export function entityOf(
  deal: Deal,
  contract: ContractFacts | null = null,
  registrationState: RegistrationState | null = null,
  openMilestones = 0,
): DealEntity {
  return {
    ...deal,
    registrationMandatory: deal.registrationMandatory ?? false,
    contract,
    registrationState,
    openMilestones,
    nda: { requiredBy: asDealSide(deal.ndaRequiredBy), acceptedAt: deal.ndaAcknowledgedAt },
  };
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** What the notifications of a deal name: its listing, both organizations, its reference. */
export interface DealNames {
  readonly reference: string;
  readonly title: string;
  readonly provider: { readonly id: string; readonly name: string };
  readonly seeker: { readonly id: string; readonly name: string };
}

export async function namesOf(tx: Tx, deal: Deal): Promise<DealNames> {
  const [offer, demand, provider, seeker] = await Promise.all([
    deal.offerId ? tx.offer.findUnique({ where: { id: deal.offerId }, select: { titleVi: true } }) : null,
    deal.demandId ? tx.demand.findUnique({ where: { id: deal.demandId }, select: { titleVi: true } }) : null,
    tx.organization.findUniqueOrThrow({ where: { id: deal.providerOrgId }, select: { id: true, name: true } }),
    tx.organization.findUniqueOrThrow({ where: { id: deal.seekerOrgId }, select: { id: true, name: true } }),
  ]);
  // The recipient's own listing names the deal: the offer asked about, the demand proposed to.
  const title = (deal.origin === "PROPOSAL" ? demand?.titleVi : offer?.titleVi) ?? offer?.titleVi ?? "";
  return { reference: deal.reference, title, provider, seeker };
}

export type DealNotification = {
  [K in keyof NotificationParamsByType]: NotificationParamsByType[K] extends { reference: string } ? K : never;
}[keyof NotificationParamsByType];

/**
 * Tells `to` (a side's organization) about a step `from` the other side took. `extra` holds the
 * parameters beyond title, organization and reference (a reason).
 */
export async function tell(
  tx: Tx,
  names: DealNames,
  to: DealSide,
  type: DealNotification,
  extra: { reason?: string; version?: number; note?: string; certificate?: string; days?: number; date?: string } = {},
) {
  const recipient = names[to];
  const other = names[otherSide(to)];
  const params = { title: names.title, organization: other.name, reference: names.reference, ...extra };
  await notify(tx, {
    organizationId: recipient.id,
    type,
    // Each type's parameters are checked by notify() at run time (a missing one throws).
    params: params as never,
    link: `/account/deals/${names.reference}`,
  });
}

/** A deal found by its reference, with the viewer `user` is for it; not_found for anyone else. */
export async function dealForStep(tx: Tx, user: Principal, reference: string) {
  const parsed = parseDealReference(reference);
  const deal = parsed
    ? await tx.deal.findUnique({
        where: { reference: parsed.reference },
        include: { participants: { select: { organizationId: true } } },
      })
    : null;
  const viewer = deal
    ? dealViewer(user, { ...deal, participantOrgIds: deal.participants.map((p) => p.organizationId) })
    : null;
  if (!deal || !viewer) throw new AppError("not_found");
  return { deal, viewer };
}

/** The party taking a step: staff and invited intermediaries read, they act on nothing. */
export function partyOnly(viewer: DealViewer): Extract<DealViewer, { kind: "party" }> {
  if (viewer.kind !== "party") throw new AppError("forbidden");
  return viewer;
}

/** The latest contract version of a deal and every confirmation given on it, as the guards read them. */
export async function contractFacts(
  tx: Tx,
  deal: Pick<Deal, "id" | "registrationMandatory">,
): Promise<ContractFacts | null> {
  const latest = await tx.contract.findFirst({
    where: { dealId: deal.id },
    orderBy: { versionNo: "desc" },
    include: { confirmations: true },
  });
  if (!latest) return null;
  const content = parseStoredContract(latest.terms);
  return {
    versionNo: latest.versionNo,
    contentSha256: latest.contentSha256,
    complete:
      content !== null &&
      missingForConfirmation(content, { registrationMandatory: deal.registrationMandatory ?? false }).length === 0,
    confirmations: latest.confirmations.flatMap((c) => {
      const side = asDealSide(c.side);
      return side ? [{ side, versionNo: c.versionNo, contentSha256: c.contentSha256 }] : [];
    }),
  };
}

/** The deal with its guards' facts, its contract included. */
export async function loadEntity(tx: Tx, deal: Deal): Promise<DealEntity> {
  const registration = await tx.registration.findFirst({
    where: { dealId: deal.id },
    orderBy: { filedAt: "desc" },
    select: { state: true },
  });
  // Milestones of the signed version not yet confirmed by the party that did not deliver them.
  const openMilestones = await tx.contractMilestone.count({
    where: { contract: { dealId: deal.id, state: "SIGNED" }, confirmedAt: null },
  });
  return entityOf(deal, await contractFacts(tx, deal), registration?.state ?? null, openMilestones);
}
