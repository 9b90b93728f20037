import "server-only";
import { z } from "zod";
import { systemContext, type AuditContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { assertCan, assertEmailVerified, type Principal } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma, type Registration } from "@/lib/generated/prisma/client";
import type { RegistrationState } from "@/lib/generated/prisma/enums";
import { line, optionalText, text } from "@/lib/listings/schemas";
import { notify } from "@/lib/notifications/mutations";
import { start, transition, workflowTransaction, type Workflow } from "@/lib/workflow/transition";
import {
  deadlineStatus,
  dueReminders,
  filingDeadline,
  registrationDeadlines,
  registrationFee,
  workingDaysLeft,
} from "./registration";
import type { RegistrationDecision } from "./schemas";
import {
  dealEventForRegistration,
  REGISTRATION_MACHINE,
  type RegistrationActor,
  type RegistrationEvent,
} from "./state-machine";
import { DEAL_WORKFLOW, contractFacts, dealForStep, entityOf, namesOf, partyOnly, tell } from "./store";

/**
 * Registration of a signed contract (Law 07/2017 Art. 31; issue #12 item 5): a party files it from
 * the deal, the Department's officers work the queue — ask for missing papers, certify with a
 * certificate number, or refuse with a reason — within their working-day deadlines. Every step is a
 * transaction through REGISTRATION_MACHINE (and the deal machine where the deal moves with it),
 * audited, the other side notified.
 */

/** The application form (Decree 76/2018 form): who applies and how to reach them. */
export const RegistrationDossierSchema = z.object({
  applicant: line(2, 300),
  address: line(5, 300),
  representative: line(2, 120),
  contact: line(5, 200),
  note: optionalText(2_000),
});
export type RegistrationDossier = z.output<typeof RegistrationDossierSchema>;

/** What the party adds when the Department asked for papers. */
export const PapersSchema = z.object({ note: text(1, 2_000) });

type RegistrationData = Prisma.RegistrationUncheckedUpdateManyInput;
type RegistrationCreate = Omit<Prisma.RegistrationUncheckedCreateInput, "state">;

const REGISTRATION_WORKFLOW: Workflow<
  RegistrationState,
  RegistrationEvent,
  RegistrationActor,
  Registration,
  RegistrationData,
  RegistrationCreate
> = {
  machine: REGISTRATION_MACHINE,
  store: {
    field: "state",
    stateOf: (r) => r.state,
    write: async (tx, r, move) => {
      const { count } = await tx.registration.updateMany({
        where: { id: r.id, version: r.version, state: move.from },
        data: { ...move.data, state: move.to, version: { increment: 1 } },
      });
      return count;
    },
    create: (tx, state, data) => tx.registration.create({ data: { ...data, state } }),
  },
};

/** The latest registration of a deal, if any. */
function latestOf(tx: Tx, dealId: string) {
  return tx.registration.findFirst({ where: { dealId }, orderBy: { filedAt: "desc" } });
}

/**
 * A party files the registration of its signed contract (SIGNED → REGISTRATION; again after a
 * refusal). The file holds the application form, the signed version and the scan of the signed and
 * stamped contract (without it: "signed_scan_required"); the fee is computed from the contract's
 * value (0.1%, between 3 and 5 million VND).
 */
export async function fileRegistration(
  ctx: AuditContext,
  user: Principal,
  reference: string,
  dossier: RegistrationDossier,
): Promise<{ id: string; fee: bigint }> {
  assertCan(user, "deal:act");
  assertEmailVerified(user);
  return workflowTransaction(async (tx) => {
    const { deal, viewer } = await dealForStep(tx, user, reference);
    const party = partyOnly(viewer);
    const contract = await tx.contract.findFirst({
      where: { dealId: deal.id, state: "SIGNED" },
      orderBy: { versionNo: "desc" },
    });
    if (!contract) throw new AppError("invalid_state", "not_signed");
    // Art. 22: the file carries the scan of the contract signed on every page and stamped.
    const scan = await tx.attachment.findFirst({
      where: { dealId: deal.id, contractId: contract.id, purpose: "SIGNED_CONTRACT" },
      orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      select: { id: true, sha256: true },
    });
    if (!scan) throw new AppError("invalid_state", "signed_scan_required");
    const previous = await latestOf(tx, deal.id);
    const fee = registrationFee(contract.value ?? 0n);
    await transition(
      tx,
      DEAL_WORKFLOW,
      entityOf(deal, await contractFacts(tx, deal), previous?.state ?? null),
      "file_registration",
      {
        actor: party.actor,
        audit: ctx,
        action: "deal.file_registration",
        entityType: "deal",
        after: { state: "REGISTRATION", contractVersion: contract.versionNo, fee: fee.toString() },
      },
    );
    const registration = await start(
      tx,
      REGISTRATION_WORKFLOW,
      {
        contractId: contract.id,
        dealId: deal.id,
        mandatory: deal.registrationMandatory ?? false,
        dossier: {
          ...dossier,
          contractVersion: contract.versionNo,
          contractSha256: contract.contentSha256,
          signedScan: { attachmentId: scan.id, sha256: scan.sha256 },
        },
        fee,
        filedById: user.id,
      },
      {
        actor: "party",
        audit: ctx,
        action: "registration.file",
        entityType: "registration",
        after: { state: "FILED", dealId: deal.id, contractVersion: contract.versionNo, fee: fee.toString() },
      },
    );
    const names = await namesOf(tx, deal);
    await notify(tx, {
      roles: ["OFFICER"],
      type: "registration.filed",
      params: { title: names.title, reference: names.reference },
      link: "/admin/registrations",
    });
    await tell(tx, names, party.side === "provider" ? "seeker" : "provider", "deal.registration_filed");
    return { id: registration.id, fee };
  });
}

/** The party adds the papers the Department asked for: the file is complete again (MISSING_PAPERS → FILED). */
export async function addRegistrationPapers(ctx: AuditContext, user: Principal, reference: string, note: string) {
  assertCan(user, "deal:act");
  assertEmailVerified(user);
  return workflowTransaction(async (tx) => {
    const { deal, viewer } = await dealForStep(tx, user, reference);
    partyOnly(viewer);
    const registration = await latestOf(tx, deal.id);
    if (!registration) throw new AppError("invalid_state", "no_registration");
    await transition(tx, REGISTRATION_WORKFLOW, registration, "add_papers", {
      actor: "party",
      audit: ctx,
      action: "registration.add_papers",
      entityType: "registration",
      data: { papersAddedAt: new Date() },
      reason: note,
    });
    const names = await namesOf(tx, deal);
    await notify(tx, {
      roles: ["OFFICER"],
      type: "registration.papers_added",
      params: { title: names.title, reference: names.reference },
      link: "/admin/registrations",
    });
  });
}

/**
 * An officer decides a filed registration: asks for missing papers (with what is missing), certifies
 * it with a certificate number (the deal then moves to performance, by the deal machine), or refuses
 * it with a reason. A certificate number already used answers a field error.
 */
export async function decideRegistration(
  ctx: AuditContext,
  user: Principal,
  registrationId: string,
  decision: RegistrationDecision,
) {
  assertCan(user, "registration:decide");
  try {
    return await workflowTransaction(async (tx) => {
      const registration = await tx.registration.findUnique({ where: { id: registrationId } });
      if (!registration?.dealId) throw new AppError("not_found");
      const deal = await tx.deal.findUniqueOrThrow({ where: { id: registration.dealId } });
      const now = new Date();
      const data: RegistrationData =
        decision.event === "request_papers"
          ? { papersRequestedAt: now, papersNote: decision.note }
          : decision.event === "certify"
            ? { decidedAt: now, decidedById: user.id, certificateNumber: decision.certificateNumber }
            : { decidedAt: now, decidedById: user.id, refusalReason: decision.reason };
      const move = await transition(tx, REGISTRATION_WORKFLOW, registration, decision.event, {
        actor: "officer",
        audit: ctx,
        action: `registration.${decision.event}`,
        entityType: "registration",
        data,
        reason:
          decision.event === "request_papers" ? decision.note : decision.event === "refuse" ? decision.reason : null,
        ...(decision.event === "certify"
          ? { after: { state: "CERTIFIED", certificateNumber: decision.certificateNumber } }
          : {}),
      });
      const dealEvent = dealEventForRegistration(decision.event, deal.state);
      if (dealEvent) {
        await transition(tx, DEAL_WORKFLOW, entityOf(deal, await contractFacts(tx, deal), move.to), dealEvent, {
          actor: "officer",
          audit: ctx,
          action: "deal.registration_certified",
          entityType: "deal",
          after: {
            state: "IN_PERFORMANCE",
            certificateNumber: decision.event === "certify" ? decision.certificateNumber : null,
          },
        });
      }
      const names = await namesOf(tx, deal);
      for (const side of ["provider", "seeker"] as const) {
        if (decision.event === "request_papers") {
          await tell(tx, names, side, "deal.registration_papers", { note: decision.note });
        } else if (decision.event === "certify") {
          await tell(tx, names, side, "deal.registration_certified", { certificate: decision.certificateNumber });
        } else {
          await tell(tx, names, side, "deal.registration_refused", { reason: decision.reason });
        }
      }
      return { state: move.to };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("validation", "certificate_taken", {
        fieldErrors: { certificateNumber: ["certificate_taken"] },
      });
    }
    throw error;
  }
}

export interface RegistrationQueueItem {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly provider: string;
  readonly seeker: string;
  readonly state: RegistrationState;
  readonly mandatory: boolean;
  readonly fee: bigint;
  readonly filedAt: Date;
  readonly papersNote: string | null;
  readonly dossier: Record<string, unknown>;
  /** The file's documents: the signed contract scan and registration papers, latest versions first. */
  readonly files: readonly { id: string; filename: string; purpose: string; sha256: string; createdAt: Date }[];
  /** The deadline the Department works to now, how many working days are left and its colour. */
  readonly deadline: { kind: "papers" | "decision"; date: string; daysLeft: number; status: string } | null;
}

/**
 * The officers' queue `/admin/registrations` (issue #12 item 5): files waiting for the Department
 * (FILED) and files waiting for papers, oldest first, each with its deadline in working days.
 * Officers decide; the operator and auditors read it (`oversight:read`).
 */
export async function registrationQueue(user: Principal, now = new Date()): Promise<RegistrationQueueItem[]> {
  assertCan(user, "oversight:read");
  const rows = await db.registration.findMany({
    where: { state: { in: ["FILED", "MISSING_PAPERS"] }, dealId: { not: null } },
    orderBy: { filedAt: "asc" },
    take: 200,
  });
  const deals = await db.deal.findMany({
    where: { id: { in: rows.map((r) => r.dealId!) } },
    include: {
      offer: { select: { titleVi: true } },
      providerOrg: { select: { name: true } },
      seekerOrg: { select: { name: true } },
    },
  });
  const byId = new Map(deals.map((d) => [d.id, d]));
  const files = await db.attachment.findMany({
    where: { dealId: { in: rows.map((r) => r.dealId!) }, purpose: { in: ["SIGNED_CONTRACT", "REGISTRATION_PAPER"] } },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: { id: true, dealId: true, filename: true, purpose: true, sha256: true, createdAt: true, seriesId: true },
  });
  return rows.flatMap((r) => {
    const deal = byId.get(r.dealId!);
    if (!deal) return [];
    // The newest version of each of the deal's dossier documents.
    const seen = new Set<string>();
    const dossierFiles = files.flatMap((f) => {
      if (f.dealId !== deal.id || seen.has(f.seriesId ?? f.id)) return [];
      seen.add(f.seriesId ?? f.id);
      return [{ id: f.id, filename: f.filename, purpose: f.purpose ?? "", sha256: f.sha256, createdAt: f.createdAt }];
    });
    const deadlines = registrationDeadlines(r);
    // A file just received is due for a papers check first; once that day passed, the decision.
    const due =
      deadlines.papersRequestBy && now < deadlines.papersRequestBy.endsAt && !r.papersRequestedAt
        ? { kind: "papers" as const, deadline: deadlines.papersRequestBy }
        : deadlines.decisionBy
          ? { kind: "decision" as const, deadline: deadlines.decisionBy }
          : null;
    return [
      {
        id: r.id,
        reference: deal.reference,
        title: deal.offer?.titleVi ?? deal.reference,
        provider: deal.providerOrg.name,
        seeker: deal.seekerOrg.name,
        state: r.state,
        mandatory: r.mandatory,
        fee: r.fee,
        filedAt: r.filedAt,
        papersNote: r.papersNote,
        dossier: (r.dossier ?? {}) as Record<string, unknown>,
        files: dossierFiles,
        deadline: due
          ? {
              kind: due.kind,
              date: due.deadline.date,
              daysLeft: workingDaysLeft(due.deadline, now),
              status: deadlineStatus(due.deadline, now),
            }
          : null,
      },
    ];
  });
}

/** The registration of a deal as its page shows it (the viewer was authorized with the deal). */
export async function registrationOfDeal(dealId: string) {
  return db.registration.findFirst({ where: { dealId }, orderBy: { filedAt: "desc" } });
}

/**
 * The daily job: signed contracts whose registration is mandatory and not filed get a reminder on
 * days 60, 80 and 88 after signing (30, 10 and 2 days before the 90-day limit), each once.
 */
export async function sendRegistrationReminders(now = new Date()): Promise<{ reminded: number }> {
  const deals = await db.deal.findMany({
    where: { state: "SIGNED", registrationMandatory: true, signedAt: { not: null } },
    take: 1_000,
  });
  let reminded = 0;
  for (const deal of deals) {
    const due = dueReminders(deal.signedAt!, now, deal.registrationReminders);
    const day = due[0];
    if (day === undefined) continue;
    await workflowTransaction(async (tx) => {
      const { count } = await tx.deal.updateMany({
        where: { id: deal.id, version: deal.version, state: "SIGNED" },
        data: { registrationReminders: { push: day } },
      });
      if (count !== 1) return;
      const names = await namesOf(tx, deal);
      const deadline = filingDeadline(deal.signedAt!);
      for (const side of ["provider", "seeker"] as const) {
        await tell(tx, names, side, "deal.registration_reminder", { days: 90 - day, date: deadline.date });
      }
      await appendAudit(tx, systemContext(), {
        action: "deal.registration_reminder",
        entityType: "deal",
        entityId: deal.id,
        after: { day, filingDeadline: deadline.date },
      });
      reminded++;
    });
  }
  return { reminded };
}
