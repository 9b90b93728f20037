/**
 * Workflow machines (DOMAIN §5): each workflow is one transition table — for every event, the states
 * it may start from, the state it leads to, who may trigger it and an optional guard on the entity.
 * A move that is not in its table cannot happen: `transition()` (./transition.ts, server-only) checks
 * the table before it writes, and the UI asks the same table which buttons to show.
 *
 * Pure and client-safe on purpose (no database, no "server-only"): components import tables to
 * decide what to offer, and unit tests enumerate them.
 */

/** What a guard knows besides the entity: who moves it, and when (jobs pass their own clock). */
export interface GuardContext<A extends string> {
  readonly actor: A;
  readonly now: Date;
}

/** One row of a transition table. */
export interface Rule<S extends string, A extends string, T> {
  readonly from: readonly S[];
  /** The state after the event; "same" for events that change the entity but not its state. */
  readonly to: S | "same";
  readonly by: readonly A[];
  /** Why this entity may not take the event now (a message key), or null when it may. */
  readonly guard?: (entity: T, ctx: GuardContext<A>) => string | null;
}

/**
 * A machine over states `S`, events `E` and actors `A`; `T` is what its guards read. `initial` says
 * which state a new entity starts in and who may create one (see `start()` in ./transition.ts).
 */
export interface Machine<S extends string, E extends string, A extends string, T = unknown> {
  readonly name: string;
  readonly initial?: { readonly state: S; readonly by: readonly A[] };
  readonly transitions: { readonly [K in E]: Rule<S, A, T> };
}

/**
 * Declares a machine. Give the type parameters explicitly (`defineMachine<Status, Event, Actor, Row>`):
 * every event must then have a row, and an unknown event, state or actor does not compile. The
 * table is frozen, rows and lists included: nothing can add a move to it at run time.
 */
export function defineMachine<S extends string, E extends string, A extends string, T = unknown>(
  machine: Machine<S, E, A, T>,
): Machine<S, E, A, T> {
  for (const rule of Object.values<Rule<S, A, T>>(machine.transitions)) {
    Object.freeze(rule.from);
    Object.freeze(rule.by);
    Object.freeze(rule);
  }
  Object.freeze(machine.transitions);
  if (machine.initial) Object.freeze(machine.initial.by);
  Object.freeze(machine.initial);
  return Object.freeze(machine);
}

/** The events of a machine, in table order. */
export function eventsOf<S extends string, E extends string, A extends string, T>(machine: Machine<S, E, A, T>): E[] {
  return Object.keys(machine.transitions) as E[];
}

/**
 * The table's row for `event`, or null. Own keys only: an event name that reaches here unchecked
 * (a form field, a cast) such as "constructor" or "toString" is not an event.
 */
export function ruleOf<S extends string, E extends string, A extends string, T>(
  machine: Machine<S, E, A, T>,
  event: E,
): Rule<S, A, T> | null {
  return Object.hasOwn(machine.transitions, event) ? machine.transitions[event] : null;
}

/** The state after `event` from `state`, or null when the table has no such move (actor and guard aside). */
export function nextState<S extends string, E extends string, A extends string, T>(
  machine: Machine<S, E, A, T>,
  state: S,
  event: E,
): S | null {
  const rule = ruleOf(machine, event);
  if (!rule || !rule.from.includes(state)) return null;
  return rule.to === "same" ? state : rule.to;
}

/** True when `actor` may trigger `event` from `state` by the table (the guard, which needs the entity, aside). */
export function canTrigger<S extends string, E extends string, A extends string, T>(
  machine: Machine<S, E, A, T>,
  state: S,
  event: E,
  actor: A,
): boolean {
  const rule = ruleOf(machine, event);
  return rule !== null && rule.from.includes(state) && rule.by.includes(actor);
}

/** The events `actor` may trigger from `state`, in table order: what the UI may offer. */
export function eventsFor<S extends string, E extends string, A extends string, T>(
  machine: Machine<S, E, A, T>,
  state: S,
  actor: A,
): E[] {
  return eventsOf(machine).filter((event) => canTrigger(machine, state, event, actor));
}

/** The table's answer for one entity: the move, or why it is refused (a message key). */
export type Decision<S extends string> = { ok: true; from: S; to: S } | { ok: false; reason: string };

/**
 * Checks a move completely: the event exists and starts from `state`, `actor` may trigger it, and
 * its guard passes for `entity`. Refusals by the table answer "invalid_state"; a guard names its own.
 */
export function decide<S extends string, E extends string, A extends string, T>(
  machine: Machine<S, E, A, T>,
  entity: T,
  state: S,
  event: E,
  ctx: GuardContext<A>,
): Decision<S> {
  const rule = ruleOf(machine, event);
  if (!rule || !rule.from.includes(state) || !rule.by.includes(ctx.actor))
    return { ok: false, reason: "invalid_state" };
  const refused = rule.guard?.(entity, ctx) ?? null;
  if (refused !== null) return { ok: false, reason: refused };
  return { ok: true, from: state, to: rule.to === "same" ? state : rule.to };
}
