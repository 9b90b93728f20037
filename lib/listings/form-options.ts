import "server-only";
import { db } from "@/lib/db";
import { LOCATIONS } from "@/lib/geo/locations";
import { pick } from "@/lib/i18n/pick";

/** Sectors grouped under their field, for the listing forms. */
export async function sectorOptions(locale: string) {
  const nodes = await db.taxonomyNode.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const fields = new Map(nodes.filter((n) => n.level === 1).map((n) => [n.code, n]));
  return nodes
    .filter((n) => n.level === 2)
    .map((n) => {
      const field = fields.get(n.parentCode ?? "");
      return {
        value: n.code,
        label: `${n.code} · ${pick(locale, n.nameVi, n.nameEn)}`,
        group: field ? `${field.code}. ${pick(locale, field.nameVi, field.nameEn)}` : undefined,
      };
    });
}

export function locationOptions(locale: string) {
  return LOCATIONS.map((l) => ({
    value: l.code,
    label: pick(locale, l.nameVi, l.nameEn),
    group:
      l.kind === "hanoi"
        ? locale === "en"
          ? "Hanoi"
          : "Hà Nội"
        : locale === "en"
          ? "Other provinces"
          : "Tỉnh, thành phố khác",
  }));
}

/** A stored listing as the strings and arrays its form fields hold. */
export function formValues(
  row: Record<string, unknown>,
): Partial<Record<string, string>> & Record<string, string[] | string | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null || value === undefined) continue;
    if (key === "keywords" && Array.isArray(value)) out[key] = value.join(", ");
    else if (Array.isArray(value)) out[key] = value.map(String);
    else if (value instanceof Date) out[key] = value.toISOString().slice(0, 10);
    else if (typeof value === "object") continue;
    else out[key] = String(value);
  }
  return out as Partial<Record<string, string>> & Record<string, string[] | string | undefined>;
}
