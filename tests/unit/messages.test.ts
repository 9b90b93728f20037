import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { loadMessages, NAMESPACES } from "@/lib/i18n/messages";

const vi = await loadMessages("vi");
const en = await loadMessages("en");

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

describe("message catalogs", () => {
  it("list every namespace file there is", () => {
    for (const locale of ["vi", "en"]) {
      const files = fs
        .readdirSync(`messages/${locale}`)
        .map((f) => f.replace(/\.json$/, ""))
        .sort();
      expect(files).toEqual([...NAMESPACES].sort());
    }
  });

  it("have exactly the same keys in Vietnamese and English", () => {
    const v = new Set(keys(vi));
    const e = new Set(keys(en));
    expect([...v].filter((k) => !e.has(k))).toEqual([]);
    expect([...e].filter((k) => !v.has(k))).toEqual([]);
  });

  it("have no empty strings and Vietnamese in NFC", () => {
    expect(leaves(vi).filter((s) => s.trim() === "")).toEqual([]);
    expect(leaves(en).filter((s) => s.trim() === "")).toEqual([]);
    expect(leaves(vi).filter((s) => s !== s.normalize("NFC"))).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    const flat = (obj: unknown, prefix = ""): [string, string][] =>
      typeof obj === "string"
        ? [[prefix, obj]]
        : Object.entries(obj as object).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
    const enMap = new Map(flat(en));
    const mismatched = flat(vi).filter(
      ([k, s]) => JSON.stringify(placeholders(s)) !== JSON.stringify(placeholders(enMap.get(k) ?? "")),
    );
    expect(mismatched).toEqual([]);
  });
});
