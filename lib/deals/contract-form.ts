import { MILESTONE_FIELDS, SUPPORT_FIELDS } from "./contract";

/**
 * The contract form posts its rows as flat fields ("milestones.0.title", "supportObligations.1.until");
 * this turns them into the lists ContractContentSchema reads, in row order, leaving out rows the user
 * left entirely blank (an empty row is the form's spare line, not a milestone). Client-safe.
 */
const LISTS = { milestones: MILESTONE_FIELDS, supportObligations: SUPPORT_FIELDS } as const;

export function contractFormToContent(form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows: Record<string, Map<number, Record<string, unknown>>> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^(milestones|supportObligations)\.(\d{1,3})\.([A-Za-z]+)$/.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const [, list, index, field] = match as unknown as [string, keyof typeof LISTS, string, string];
    if (!(LISTS[list] as readonly string[]).includes(field)) continue;
    const byIndex = (rows[list] ??= new Map());
    const row = byIndex.get(Number(index)) ?? {};
    row[field] = value;
    byIndex.set(Number(index), row);
  }
  for (const list of Object.keys(LISTS)) {
    const byIndex = rows[list];
    if (!byIndex) continue;
    out[list] = [...byIndex.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, row]) => row)
      .filter((row) => Object.values(row).some((v) => typeof v === "string" && v.trim() !== ""));
  }
  return out;
}
