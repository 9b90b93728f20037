import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Action } from "@/lib/authz";

/**
 * Issue 13: "the auditor cannot change anything anywhere". Every server action declares the
 * permission it runs under (lib/actions.ts checks it before anything runs); none of those the
 * auditor holds may change data — the only one is the chain verification, which records its own
 * checkpoint. The files are read from disk, so a new action is checked too. (The lib functions
 * assert the same permissions again: their integration tests try them as the auditor.)
 */
const root = path.resolve(import.meta.dirname, "../..");

function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : serverActionFiles(full);
    return /\.tsx?$/.test(entry.name) && fs.readFileSync(full, "utf8").startsWith('"use server"') ? [full] : [];
  });
}

/** The auditor's permissions that still write something, each with the reason it is allowed. */
const AUDITOR_WRITES: Partial<Record<Action, string>> = {
  "audit:verify": "records the verified head as a checkpoint and the verification as an audit event",
};

describe("the auditor is read-only", () => {
  const files = serverActionFiles(path.join(root, "app"));
  const declared = files.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    return [...source.matchAll(/permission:\s*(\[[^\]]*\]|"[^"]+")/g)].flatMap((m) =>
      [...m[1]!.matchAll(/"([^"]+)"/g)].map((p) => ({ file: path.relative(root, file), permission: p[1]! })),
    );
  });

  it("finds the server actions and their permissions", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(declared.length).toBeGreaterThanOrEqual(40);
    for (const { permission, file } of declared) expect(Object.keys(PERMISSIONS), file).toContain(permission);
  });

  it("grants the auditor no action that changes data", () => {
    const auditor = { id: "a", roles: ["AUDITOR" as const], organizationId: null };
    const granted = declared.filter(({ permission }) => can(auditor, permission as Action));
    expect(granted.map((g) => g.permission).filter((p) => !(p in AUDITOR_WRITES))).toEqual([]);
  });
});
