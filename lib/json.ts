/**
 * JSON as the exchange stores and hashes it, free of node:crypto so that browser code (the contract
 * form) and the audit chain (lib/audit/chain.ts) share one definition of "a value's text": keys
 * sorted at every level, undefined dropped, BigInt as a decimal string, Date as an ISO string.
 */

/** JSON with object keys sorted at every level: the same value always serializes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Makes a value safe to store as JSON and to hash: BigInt becomes a string, Date an ISO string,
 * undefined is dropped. The stored jsonb and the hashed text then agree exactly.
 */
export function toJsonSafe(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item) ?? null);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const safe = toJsonSafe(item);
      if (safe !== undefined) out[key] = safe;
    }
    return out;
  }
  return value;
}

/** A value as stored in a jsonb column and hashed: no BigInt, no Date, no undefined. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** BigInt → decimal string, Date → ISO string, undefined dropped (null inside arrays). */
export function jsonValue(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => jsonValue(item) ?? null);
  if (typeof value === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const safe = jsonValue(item);
      if (safe !== undefined) out[key] = safe;
    }
    return out;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new TypeError(`Not a JSON value: ${typeof value}`);
}
