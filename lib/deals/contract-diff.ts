import { canonicalJson, jsonValue as jsonSafe, type JsonValue } from "@/lib/json";
import {
  ART23_ITEMS,
  MILESTONE_FIELDS,
  SUPPORT_FIELDS,
  type Art23Key,
  type ContractContent,
  type ContractField,
} from "./contract";

/** One changed field between two versions; `null` stands for "not given". */
export interface ContractChange {
  /** The Art. 23 item the field belongs to (its heading in the diff). */
  readonly no: number;
  readonly item: Art23Key;
  /** The field, or for a list a path into it: "milestones.1.amount" is the 2nd milestone's amount. */
  readonly field: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

/** Lists of records compared record by record, field by field (the rest is compared as whole values). */
const LIST_FIELDS: Partial<Record<ContractField, readonly string[]>> = {
  milestones: MILESTONE_FIELDS,
  supportObligations: SUPPORT_FIELDS,
};

const same = (a: JsonValue, b: JsonValue) => canonicalJson(a) === canonicalJson(b);
const safe = (value: unknown): JsonValue => jsonSafe(value) ?? null;

function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    : [];
}

/**
 * What changed from version `a` to version `b`, in the order of Art. 23 and of the fields within
 * each item: "a readable diff between any two versions" (issue #12). Values are JSON-safe (amounts
 * as decimal strings, dates as "YYYY-MM-DD") for the page to format; long clauses are compared as
 * whole values. Milestones and support obligations are compared by position: a milestone inserted
 * in the middle shows as changes to the ones after it, which is also how the printed contract reads.
 */
export function diffContracts(a: ContractContent, b: ContractContent): ContractChange[] {
  const changes: ContractChange[] = [];
  for (const { no, key: item, fields } of ART23_ITEMS) {
    for (const field of fields) {
      const subfields = LIST_FIELDS[field];
      if (subfields === undefined) {
        const before = safe(a[field]);
        const after = safe(b[field]);
        if (!same(before, after)) changes.push({ no, item, field, before, after });
        continue;
      }
      const left = recordsOf(a[field]);
      const right = recordsOf(b[field]);
      for (let i = 0; i < Math.max(left.length, right.length); i++) {
        for (const sub of subfields) {
          const before = safe(left[i]?.[sub]);
          const after = safe(right[i]?.[sub]);
          if (!same(before, after)) changes.push({ no, item, field: `${field}.${i}.${sub}`, before, after });
        }
      }
    }
  }
  return changes;
}
