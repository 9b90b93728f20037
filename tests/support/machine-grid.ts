import { expect } from "vitest";
import { canTrigger, eventsOf, nextState, type Machine } from "@/lib/workflow/machine";

/**
 * Checks a machine against its table written out in a test: one row per event — the event, who may
 * trigger it, and for each state the state it leads to ("-": refused from that state). Every
 * state × event × actor is compared with the engine, so a change to the table — a new move, a lost
 * one, another actor — fails until the written expectation changes with it. `legend` maps short
 * column and cell names to states. Answers how many combinations it checked.
 */
export function checkMachine<S extends string, E extends string, A extends string, T>(
  machine: Machine<S, E, A, T>,
  text: string,
  states: readonly S[],
  actors: readonly A[],
  legend: Record<string, string> = {},
) {
  const name = (cell: string) => legend[cell] ?? cell;
  const [header, ...rows] = text
    .trim()
    .split("\n")
    .map((row) => row.split("|").map((cell) => cell.trim()));
  expect(header?.map(name), "the columns are the event, its actors and every state of the enum").toEqual([
    "event",
    "by",
    ...states,
  ]);
  expect(eventsOf(machine), "the same events, in the same order").toEqual(rows.map((row) => row[0]));
  let checked = 0;
  for (const [event, by, ...cells] of rows as [E, string, ...string[]][]) {
    expect(cells, event).toHaveLength(states.length);
    const allowedActors = by.split(",").map((a) => a.trim());
    states.forEach((state, i) => {
      const cell = cells[i] ?? "-";
      const to = cell === "-" ? null : name(cell);
      expect(nextState(machine, state, event), `${state} --${event}-->`).toBe(to);
      for (const actor of actors) {
        expect(canTrigger(machine, state, event, actor), `${actor}: ${state} --${event}-->`).toBe(
          to !== null && allowedActors.includes(actor),
        );
        checked += 1;
      }
    });
  }
  return checked;
}
