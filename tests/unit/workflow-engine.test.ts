import { describe, expect, it } from "vitest";
import { canTrigger, decide, defineMachine, eventsFor, eventsOf, nextState } from "@/lib/workflow/machine";

/** The engine itself (lib/workflow/machine.ts), on a small machine of its own. */
type Door = "OPEN" | "CLOSED" | "LOCKED";
type DoorEvent = "close" | "open" | "lock" | "unlock" | "paint";
type DoorActor = "guest" | "keeper";
interface DoorFacts {
  hasKey: boolean;
}

const DOOR = defineMachine<Door, DoorEvent, DoorActor, DoorFacts>({
  name: "door",
  initial: { state: "CLOSED", by: ["keeper"] },
  transitions: {
    close: { from: ["OPEN"], to: "CLOSED", by: ["guest", "keeper"] },
    open: { from: ["CLOSED"], to: "OPEN", by: ["guest", "keeper"] },
    lock: { from: ["CLOSED"], to: "LOCKED", by: ["keeper"], guard: (door) => (door.hasKey ? null : "no_key") },
    unlock: {
      from: ["LOCKED"],
      to: "CLOSED",
      by: ["keeper"],
      // A guard reads the clock it is given, so jobs and tests decide what "now" is.
      guard: (_door, { now }) => (now.getUTCHours() >= 6 ? null : "too_early"),
    },
    paint: { from: ["OPEN", "CLOSED", "LOCKED"], to: "same", by: ["keeper"] },
  },
});

const NOON = new Date("2026-11-24T12:00:00Z");
const key = { hasKey: true };

describe("the workflow engine", () => {
  it("reads the table: next state, who may trigger, and what to offer, in table order", () => {
    expect(nextState(DOOR, "OPEN", "close")).toBe("CLOSED");
    expect(nextState(DOOR, "OPEN", "lock")).toBeNull();
    expect(nextState(DOOR, "LOCKED", "paint")).toBe("LOCKED"); // "same" is the state it starts from
    expect(canTrigger(DOOR, "CLOSED", "lock", "keeper")).toBe(true);
    expect(canTrigger(DOOR, "CLOSED", "lock", "guest")).toBe(false);
    expect(canTrigger(DOOR, "OPEN", "lock", "keeper")).toBe(false);
    expect(eventsFor(DOOR, "CLOSED", "keeper")).toEqual(["open", "lock", "paint"]);
    expect(eventsFor(DOOR, "CLOSED", "guest")).toEqual(["open"]);
    expect(eventsFor(DOOR, "LOCKED", "guest")).toEqual([]);
    expect(eventsOf(DOOR)).toEqual(["close", "open", "lock", "unlock", "paint"]);
  });

  it("decides a move completely: table, actor, then the guard with the entity and the clock", () => {
    const ctx = { actor: "keeper" as const, now: NOON };
    expect(decide(DOOR, key, "CLOSED", "lock", ctx)).toEqual({ ok: true, from: "CLOSED", to: "LOCKED" });
    expect(decide(DOOR, { hasKey: false }, "CLOSED", "lock", ctx)).toEqual({ ok: false, reason: "no_key" });
    expect(decide(DOOR, key, "CLOSED", "lock", { ...ctx, actor: "guest" })).toEqual({
      ok: false,
      reason: "invalid_state",
    });
    expect(decide(DOOR, key, "OPEN", "lock", ctx)).toEqual({ ok: false, reason: "invalid_state" });
    expect(decide(DOOR, key, "LOCKED", "unlock", ctx)).toMatchObject({ ok: true, to: "CLOSED" });
    expect(decide(DOOR, key, "LOCKED", "unlock", { ...ctx, now: new Date("2026-11-24T03:00:00Z") })).toEqual({
      ok: false,
      reason: "too_early",
    });
  });

  it("never runs a guard for a move the table refuses", () => {
    let called = 0;
    const watched = defineMachine<Door, "lock", DoorActor, DoorFacts>({
      name: "watched",
      transitions: {
        lock: {
          from: ["CLOSED"],
          to: "LOCKED",
          by: ["keeper"],
          guard: () => {
            called += 1;
            return null;
          },
        },
      },
    });
    decide(watched, key, "OPEN", "lock", { actor: "keeper", now: NOON });
    decide(watched, key, "CLOSED", "lock", { actor: "guest", now: NOON });
    expect(called).toBe(0);
    decide(watched, key, "CLOSED", "lock", { actor: "keeper", now: NOON });
    expect(called).toBe(1);
  });

  it("refuses an unknown event, including names every object inherits", () => {
    // Event names can reach the engine unchecked (a form field, a cast): they are refused, not crashed on.
    for (const name of ["nope", "constructor", "toString", "__proto__", "hasOwnProperty", ""]) {
      const event = name as DoorEvent;
      expect(nextState(DOOR, "OPEN", event), name).toBeNull();
      expect(canTrigger(DOOR, "OPEN", event, "keeper"), name).toBe(false);
      expect(decide(DOOR, key, "OPEN", event, { actor: "keeper", now: NOON }), name).toEqual({
        ok: false,
        reason: "invalid_state",
      });
    }
  });

  it("refuses a state or an actor the table does not know", () => {
    expect(nextState(DOOR, "AJAR" as Door, "close")).toBeNull();
    expect(canTrigger(DOOR, "OPEN", "close", "burglar" as DoorActor)).toBe(false);
  });

  it("freezes a machine: its table cannot be changed at run time", () => {
    const rows = DOOR.transitions as Record<string, unknown>;
    expect(() => {
      rows.fly = { from: ["OPEN"], to: "LOCKED", by: ["guest"] };
    }).toThrow(TypeError);
    expect(() => (DOOR.transitions.lock.by as DoorActor[]).push("guest")).toThrow(TypeError);
    expect(() => (DOOR.transitions.open.from as Door[]).push("LOCKED")).toThrow(TypeError);
    expect(() => {
      (DOOR.transitions.close as { to: Door }).to = "LOCKED";
    }).toThrow(TypeError);
    expect(canTrigger(DOOR, "CLOSED", "lock", "guest")).toBe(false);
  });

  it("does not compile an unknown event, state or actor", () => {
    defineMachine<Door, "open", DoorActor>({
      name: "typed",
      transitions: {
        // @ts-expect-error "AJAR" is not a state
        open: { from: ["AJAR"], to: "OPEN", by: ["guest"] },
      },
    });
    defineMachine<Door, "open", DoorActor>({
      name: "typed",
      // @ts-expect-error "fly" is not an event of this machine
      transitions: { open: { from: ["CLOSED"], to: "OPEN", by: ["guest"] }, fly: { from: [], to: "OPEN", by: [] } },
    });
    defineMachine<Door, "open", DoorActor>({
      name: "typed",
      // @ts-expect-error "burglar" is not an actor
      transitions: { open: { from: ["CLOSED"], to: "OPEN", by: ["burglar"] } },
    });
    const open = { from: ["CLOSED"], to: "OPEN", by: ["guest"] } as const;
    // @ts-expect-error every event needs a row
    defineMachine<Door, "open" | "close", DoorActor>({ name: "typed", transitions: { open } });
    // @ts-expect-error "fly" is not an event
    nextState(DOOR, "OPEN", "fly");
    expect(true).toBe(true);
  });
});
