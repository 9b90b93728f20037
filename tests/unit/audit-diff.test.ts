import { describe, expect, it } from "vitest";
import { changeText, eventChanges } from "@/lib/audit/history";

describe("an event's readable diff", () => {
  it("keeps only the changed fields, old → new, in key order", () => {
    expect(
      eventChanges(
        { status: "DRAFT", title: "Lọc nước", trl: 5, tags: ["a", "b"] },
        { status: "SUBMITTED", title: "Lọc nước", trl: 6, tags: ["a", "b"] },
      ),
    ).toEqual([
      { key: "status", before: "DRAFT", after: "SUBMITTED" },
      { key: "trl", before: 5, after: 6 },
    ]);
  });

  it("shows added and removed fields with the missing side undefined", () => {
    expect(eventChanges({ a: 1, gone: "x" }, { a: 1, added: true })).toEqual([
      { key: "added", before: undefined, after: true },
      { key: "gone", before: "x", after: undefined },
    ]);
  });

  it("lists every field of a creation or a deletion", () => {
    expect(eventChanges(null, { state: "EOI_SENT", budget: 10n })).toEqual([
      { key: "budget", before: undefined, after: "10" },
      { key: "state", before: undefined, after: "EOI_SENT" },
    ]);
    expect(eventChanges({ id: "x" }, null)).toEqual([{ key: "id", before: "x", after: undefined }]);
    expect(eventChanges(null, null)).toEqual([]);
  });

  it("flattens nested objects into dotted paths and compares arrays as a whole", () => {
    expect(
      eventChanges(
        { terms: { price: 100, currency: "VND" }, milestones: [1, 2] },
        { terms: { price: 120, currency: "VND" }, milestones: [1, 2, 3] },
      ),
    ).toEqual([
      { key: "milestones", before: [1, 2], after: [1, 2, 3] },
      { key: "terms.price", before: 100, after: 120 },
    ]);
  });

  it("ignores key order inside values and treats scalars as one value", () => {
    expect(eventChanges({ x: { a: [{ b: 1, c: 2 }] } }, { x: { a: [{ c: 2, b: 1 }] } })).toEqual([]);
    expect(eventChanges("old", "new")).toEqual([{ key: "value", before: "old", after: "new" }]);
  });

  it("writes values as one line: strings as they are, the rest as JSON, nothing as null", () => {
    expect(changeText("Hà Nội")).toBe("Hà Nội");
    expect(changeText({ b: 1, a: [true] })).toBe('{"a":[true],"b":1}');
    expect(changeText(undefined)).toBeNull();
    expect(changeText(null)).toBeNull();
  });
});
