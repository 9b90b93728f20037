import "server-only";
import type { AuditAction } from "@/lib/audit/actions";
import type { AuditContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decide, type Machine } from "./machine";

/** A move the table allowed, as the store writes it. */
export interface Move<S extends string, A extends string, D> {
  readonly event: string;
  readonly from: S;
  readonly to: S;
  readonly actor: A;
  /** Columns written with the move, besides the state (which the store sets). */
  readonly data: D | undefined;
}

/**
 * How one machine reads and writes its rows: the engine knows no tables. `write` is a compare-and-set
 * — it changes the row only if it still is as `entity` was read (its version and its state) and
 * answers how many rows it changed, so a concurrent change is detected, never overwritten.
 */
export interface Store<S extends string, A extends string, T extends { id: string }, D, C = D> {
  /** The state column, named in the audit event's default before/after. */
  readonly field: string;
  stateOf(entity: T): S;
  write(tx: Tx, entity: T, move: Move<S, A, D>): Promise<number>;
  /** Inserts a new entity in `state` from `data`; machines with an `initial` state have one. */
  create?(tx: Tx, state: S, data: C): Promise<T>;
}

/** A machine with the store that keeps its entities (`D`: data written with a move, `C`: to create one). */
export interface Workflow<S extends string, E extends string, A extends string, T extends { id: string }, D, C = D> {
  readonly machine: Machine<S, E, A, T>;
  readonly store: Store<S, A, T, D, C>;
}

/** What a step records in the audit log, and who takes it. */
interface StepContext<A extends string> {
  /** The kind of actor taking the step, as the table names them ("owner", "operator", "system"...). */
  readonly actor: A;
  readonly audit: AuditContext;
  readonly action: AuditAction;
  readonly entityType: string;
  /** The audit event's `after`; defaults to `{ [state column]: state reached }`. */
  readonly after?: unknown;
  readonly reason?: string | null;
}

export interface TransitionContext<S extends string, A extends string, D> extends StepContext<A> {
  readonly data?: D;
  /** Defaults to `{ [state column]: from }`. */
  readonly before?: unknown;
  /** Guards that depend on time read this clock (jobs pass their own); now by default. */
  readonly now?: Date;
  /**
   * Work that belongs to the move, such as notifications: run after the write and before the audit
   * event, in the same transaction, so the audit chain's lock is taken last and held briefly.
   */
  readonly effects?: (move: Move<S, A, D>) => Promise<unknown>;
}

export interface StartContext<T, A extends string> extends StepContext<A> {
  readonly effects?: (entity: T) => Promise<unknown>;
}

/**
 * Moves `entity` by `event`, inside the caller's transaction: checks the table (the event starts
 * from the entity's state, the actor may trigger it, its guard passes) or throws
 * AppError("invalid_state", reason); writes through the store's compare-and-set or throws
 * AppError("conflict") when the row changed since it was read (the caller's transaction then rolls
 * back: nothing partial is kept); runs the effects; appends the audit event. Answers the move.
 */
export async function transition<S extends string, E extends string, A extends string, T extends { id: string }, D, C>(
  tx: Tx,
  workflow: Workflow<S, E, A, T, D, C>,
  entity: T,
  event: E,
  ctx: TransitionContext<S, A, D>,
): Promise<Move<S, A, D>> {
  const { machine, store } = workflow;
  const from = store.stateOf(entity);
  const decision = decide(machine, entity, from, event, { actor: ctx.actor, now: ctx.now ?? new Date() });
  if (!decision.ok) throw new AppError("invalid_state", decision.reason);
  const move: Move<S, A, D> = { event, from, to: decision.to, actor: ctx.actor, data: ctx.data };
  if ((await store.write(tx, entity, move)) !== 1) throw new AppError("conflict", "conflict");
  await ctx.effects?.(move);
  await appendAudit(tx, ctx.audit, {
    action: ctx.action,
    entityType: ctx.entityType,
    entityId: entity.id,
    before: ctx.before === undefined ? { [store.field]: from } : ctx.before,
    after: ctx.after === undefined ? { [store.field]: move.to } : ctx.after,
    reason: ctx.reason ?? null,
  });
  return move;
}

/**
 * Creates an entity in the machine's initial state, inside the caller's transaction, and audits it.
 * Throws AppError("invalid_state") when the machine has no initial state or `actor` may not create.
 */
export async function start<S extends string, E extends string, A extends string, T extends { id: string }, D, C>(
  tx: Tx,
  workflow: Workflow<S, E, A, T, D, C>,
  data: C,
  ctx: StartContext<T, A>,
): Promise<T> {
  const { machine, store } = workflow;
  if (!machine.initial || !machine.initial.by.includes(ctx.actor) || !store.create) {
    throw new AppError("invalid_state", "invalid_state");
  }
  const entity = await store.create(tx, machine.initial.state, data);
  await ctx.effects?.(entity);
  await appendAudit(tx, ctx.audit, {
    action: ctx.action,
    entityType: ctx.entityType,
    entityId: entity.id,
    after: ctx.after === undefined ? { [store.field]: machine.initial.state } : ctx.after,
    reason: ctx.reason ?? null,
  });
  return entity;
}

/**
 * One transaction for a workflow step (the same limits as `audited`): the move, its effects and its
 * audit event commit together or not at all.
 */
export function workflowTransaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
  return db.$transaction(work, { timeout: 20_000, maxWait: 10_000 });
}
