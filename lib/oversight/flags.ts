import "server-only";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/context";
import { assertCan, can, type Principal } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Flag, FlagState } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/mutations";
import { start, transition, workflowTransaction, type Workflow } from "@/lib/workflow/transition";
import { FLAG_ENTITY_TYPES, FLAG_MACHINE, type FlagActor, type FlagEntityType, type FlagEvent } from "./flag-machine";

/**
 * Supervision flags (issue #13 item 4): every change is one audited step of FLAG_MACHINE with an
 * optimistic version check; the operator is told of a new flag, the officer of an answer.
 */

type FlagData = {
  answer?: string | null;
  answeredById?: string;
  answeredAt?: Date;
  closedById?: string;
  closedAt?: Date;
};
type FlagCreate = { entityType: FlagEntityType; entityId: string; label: string; note: string; createdById: string };

export const FLAG_WORKFLOW: Workflow<FlagState, FlagEvent, FlagActor, Flag, FlagData, FlagCreate> = {
  machine: FLAG_MACHINE,
  store: {
    field: "state",
    stateOf: (flag) => flag.state,
    write: async (tx, flag, move) => {
      const { count } = await tx.flag.updateMany({
        where: { id: flag.id, version: flag.version, state: move.from },
        data: { ...move.data, state: move.to, version: { increment: 1 } },
      });
      return count;
    },
    create: (tx, state, data) => tx.flag.create({ data: { ...data, state } }),
  },
};

const text = (max: number) =>
  z
    .string({ error: "required" })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, "required").max(max, "too_long"));

export const FlagInputSchema = z.object({
  entityType: z.enum(FLAG_ENTITY_TYPES, { error: "invalid_input" }),
  entityId: z.uuid({ error: "invalid_input" }),
  note: text(4_000),
});
export const FlagAnswerSchema = z.object({ answer: text(4_000) });

/** The flagged record's name, or null when it does not exist (the flag is refused as not found). */
async function labelOf(tx: Tx, type: FlagEntityType, id: string): Promise<string | null> {
  switch (type) {
    case "offer":
      return (await tx.offer.findUnique({ where: { id }, select: { titleVi: true } }))?.titleVi ?? null;
    case "demand":
      return (await tx.demand.findUnique({ where: { id }, select: { titleVi: true } }))?.titleVi ?? null;
    case "deal":
      return (await tx.deal.findUnique({ where: { id }, select: { reference: true } }))?.reference ?? null;
    case "organization":
      return (await tx.organization.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
  }
}

/** Where staff open a flagged record read-only. */
export function flagLink(flag: Pick<Flag, "entityType" | "entityId" | "label">): string {
  switch (flag.entityType) {
    case "offer":
      return `/admin/moderation/offer/${flag.entityId}`;
    case "demand":
      return `/admin/moderation/demand/${flag.entityId}`;
    case "deal":
      return `/admin/deals/${flag.label}`;
    default:
      return `/admin/organizations?focus=${flag.entityId}`;
  }
}

/** An officer flags a record for review with a note; the operators are told. */
export async function raiseFlag(ctx: AuditContext, user: Principal, input: z.input<typeof FlagInputSchema>) {
  assertCan(user, "flag:raise");
  const parsed = FlagInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("validation", "invalid_input");
  const { entityType, entityId, note } = parsed.data;
  return workflowTransaction(async (tx) => {
    const label = await labelOf(tx, entityType, entityId);
    if (label === null) throw new AppError("not_found");
    const flag = await start(
      tx,
      FLAG_WORKFLOW,
      { entityType, entityId, label: label.slice(0, 300), note, createdById: user.id },
      {
        actor: "officer",
        audit: ctx,
        action: "flag.create",
        entityType: "flag",
        after: { state: "OPEN", entityType, entityId, note },
      },
    );
    await notify(tx, { roles: ["OPERATOR"], type: "flag.raised", params: { label }, link: "/admin/flags" });
    return { id: flag.id };
  });
}

/**
 * A step on a flag: the operator answers (an answer is required), the officer closes it or sends it
 * back. `version` is the one the user saw: a flag changed meanwhile answers "conflict".
 */
export async function takeFlagStep(
  ctx: AuditContext,
  user: Principal,
  id: string,
  version: number,
  step: { event: "answer"; answer: string } | { event: "reopen" | "close" },
) {
  const actor: FlagActor | null = can(user, "flag:answer") ? "operator" : can(user, "flag:raise") ? "officer" : null;
  if (!actor) throw new AppError("forbidden");
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found");
  let answer: string | null = null;
  if (step.event === "answer") {
    const parsed = FlagAnswerSchema.safeParse({ answer: step.answer });
    if (!parsed.success) throw new AppError("validation", "answer_required");
    answer = parsed.data.answer;
  }
  return workflowTransaction(async (tx) => {
    const flag = await tx.flag.findUnique({ where: { id } });
    if (!flag) throw new AppError("not_found");
    if (flag.version !== version) throw new AppError("conflict", "conflict");
    const now = new Date();
    const data: FlagData =
      step.event === "answer"
        ? { answer, answeredById: user.id, answeredAt: now }
        : step.event === "close"
          ? { closedById: user.id, closedAt: now }
          : {};
    await transition(tx, FLAG_WORKFLOW, flag, step.event, {
      actor,
      audit: ctx,
      action: step.event === "answer" ? "flag.answer" : step.event === "close" ? "flag.close" : "flag.reopen",
      entityType: "flag",
      data,
      after: { state: step.event === "answer" ? "ANSWERED" : step.event === "close" ? "CLOSED" : "OPEN", answer },
      effects: async () => {
        if (step.event === "answer") {
          await notify(tx, {
            userIds: [flag.createdById],
            type: "flag.answered",
            params: { label: flag.label },
            link: "/admin/flags",
          });
        }
      },
    });
  });
}

export const FLAGS_PAGE_SIZE = 30;

/** The flags staff see (`oversight:read`), open ones first, newest first; optionally of one record. */
export async function listFlags(
  user: Principal,
  options: { state?: FlagState | "active" | "all"; entityId?: string; page?: number } = {},
) {
  assertCan(user, "oversight:read");
  const where = {
    // "active": waiting for the operator or for the officer (open or answered), the default view.
    ...(options.state === "active"
      ? { state: { in: ["OPEN", "ANSWERED"] as FlagState[] } }
      : options.state && options.state !== "all"
        ? { state: options.state }
        : {}),
    ...(options.entityId ? { entityId: options.entityId } : {}),
  };
  const page = Math.max(1, options.page ?? 1);
  const [total, rows] = await Promise.all([
    db.flag.count({ where }),
    db.flag.findMany({
      where,
      orderBy: [{ state: "asc" }, { createdAt: "desc" }],
      skip: (page - 1) * FLAGS_PAGE_SIZE,
      take: FLAGS_PAGE_SIZE,
    }),
  ]);
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => [r.createdById, r.answeredById ?? r.createdById]))] } },
    select: { id: true, name: true },
  });
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / FLAGS_PAGE_SIZE)),
    items: rows.map((r) => ({
      ...r,
      link: flagLink(r),
      createdBy: name(r.createdById),
      answeredBy: name(r.answeredById),
    })),
  };
}

/** Open flags, for the admin home's queue. */
export async function openFlagCount(user: Principal): Promise<number> {
  assertCan(user, "oversight:read");
  return db.flag.count({ where: { state: "OPEN" } });
}
