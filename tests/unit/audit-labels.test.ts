import { describe, expect, it } from "vitest";
import en from "@/messages/en/auditLog.json";
import vi from "@/messages/vi/auditLog.json";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { CHAIN_PROBLEMS } from "@/lib/audit/queries";

/** The message at a dotted path, as next-intl resolves it (nested objects). */
function at(catalog: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalog);
}

describe("the audit log's words", () => {
  it("label every catalogued action in Vietnamese and English", () => {
    const missing = (catalog: unknown) =>
      AUDIT_ACTIONS.filter((action) => {
        const label = at(catalog, `actions.${action}`);
        return typeof label !== "string" || label.trim() === "";
      });
    expect(missing(vi)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });

  it("label nothing that is not catalogued (a renamed action would leave a stale label)", () => {
    const labelled = (catalog: { actions: Record<string, Record<string, string>> }) =>
      Object.entries(catalog.actions).flatMap(([subject, verbs]) => Object.keys(verbs).map((v) => `${subject}.${v}`));
    expect(labelled(vi).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(labelled(en).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("give two different actions two different Vietnamese labels", () => {
    const labels = AUDIT_ACTIONS.map((action) => at(vi, `actions.${action}`));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("explain every problem a verification can report", () => {
    for (const problem of CHAIN_PROBLEMS) {
      expect(typeof at(vi, `verify.problems.${problem}`)).toBe("string");
      expect(typeof at(en, `verify.problems.${problem}`)).toBe("string");
    }
  });
});
