/**
 * A tiny seeded PRNG (mulberry32) and helpers. The benchmark must produce the same text for the same
 * seed on every machine, so Math.random and crypto are never used for content.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent streams (organizations, offers, demands, queries) so one never shifts another. */
export function stream(seed: number, name: string): Rng {
  let h = 2166136261 ^ seed;
  for (const char of name) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return mulberry32(h);
}

export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const chance = (rng: Rng, p: number) => rng() < p;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(rng() * items.length)]!;
}

/** `k` distinct items, in the order drawn. */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

/** Picks from `[value, weight]` pairs. */
export function weighted<T>(rng: Rng, pairs: readonly (readonly [T, number])[]): T {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let x = rng() * total;
  for (const [value, w] of pairs) {
    x -= w;
    if (x < 0) return value;
  }
  return pairs[pairs.length - 1]![0];
}

/** A version-4-shaped UUID drawn from the stream (random-looking, so B-tree inserts spread as in production). */
export function uuid(rng: Rng): string {
  let hex = "";
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng() * 4294967296)
      .toString(16)
      .padStart(8, "0");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
