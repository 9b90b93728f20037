import { describe, expect, it } from "vitest";
import { newDealReference, parseDealReference, REFERENCE_ALPHABET } from "@/lib/deals/reference";

const bytes =
  (...values: number[]) =>
  () =>
    Uint8Array.from(values);

describe("deal references", () => {
  it("are GD, the year in Vietnam, six random characters and a check character", () => {
    // 00:30 on 1 January 2026 in Hanoi is still 2025 in UTC.
    const reference = newDealReference(new Date("2025-12-31T17:30:00Z"), bytes(0, 1, 2, 3, 4, 31));
    expect(reference).toMatch(/^GD-2026-01234Z[0-9A-HJKMNP-TV-Z]$/);
    expect(parseDealReference(reference)).toEqual({ reference, year: 2026 });
    // Only the low five bits of each byte are used: 32 + 5 is 5.
    expect(newDealReference(new Date("2026-06-01T00:00:00Z"), bytes(32, 33, 34, 35, 36, 37)).slice(8, 14)).toBe(
      "012345",
    );
  });

  it("are random by default, and always read back", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const references = Array.from({ length: 500 }, () => newDealReference(now));
    for (const reference of references) expect(parseDealReference(reference)?.reference, reference).toBe(reference);
    expect(new Set(references).size).toBeGreaterThan(490);
  });

  it("read as typed: any case, spaces, no hyphens, O for 0 and I or L for 1", () => {
    const reference = newDealReference(new Date("2026-06-01T00:00:00Z"), bytes(0, 1, 1, 0, 8, 9));
    expect(reference.slice(0, 14)).toBe("GD-2026-011089");
    const typed = ` gd 2026 ${reference.slice(8).toLowerCase().replace(/0/g, "o").replace(/1/, "l").replace(/1/, "i")} `;
    expect(parseDealReference(typed)?.reference).toBe(reference);
    expect(parseDealReference(reference.replace(/-/g, ""))?.reference).toBe(reference);
  });

  it("refuse anything else", () => {
    for (const bad of [
      "",
      "GD-2026",
      "GD-2026-0123456",
      "GX-2026-0123456",
      "GD-26-0123456",
      "GD-2026-01234U7",
      "../etc",
    ]) {
      expect(parseDealReference(bad), bad).toBeNull();
    }
  });

  it("catch every mistyped character and every swap of neighbours but 0 and Z", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    for (let n = 0; n < 40; n++) {
      const reference = newDealReference(now);
      const chars = reference.replace(/-/g, "").slice(2).split(""); // year, code, check
      const asReference = (c: string[]) => `GD-${c.slice(0, 4).join("")}-${c.slice(4).join("")}`;
      chars.forEach((original, i) => {
        for (const other of REFERENCE_ALPHABET) {
          if (other === original || (i < 4 && !/\d/.test(other))) continue;
          const typo = [...chars];
          typo[i] = other;
          expect(parseDealReference(asReference(typo)), `${reference} → ${asReference(typo)}`).toBeNull();
        }
        const next = chars[i + 1];
        if (next === undefined || next === original || (i < 4 && i + 1 >= 4)) return;
        const swapped = [...chars];
        swapped[i] = next;
        swapped[i + 1] = original;
        const zeroZ = [original, next].sort().join("") === "0Z";
        expect(parseDealReference(asReference(swapped)) === null, `${reference}: swap ${i}`).toBe(!zeroZ);
      });
    }
  });
});
