import { vnDateKey } from "@/lib/calendar/working-days";

/**
 * A deal's human reference, "GD-2026-7KQ3M9X" ("giao dịch", the year it started in Vietnam, six
 * random characters and a check character): short enough to read over the phone to an officer,
 * shown in the deal's URL, its e-mails and its contract.
 *
 * Random rather than a running number ("GD-2026-000123"): a sequence would tell every party how many
 * deals the exchange made and when, and needs a counter row that every new deal locks. 30 random
 * bits give about a billion codes a year; the column is unique, so the rare collision is retried.
 * The alphabet is Crockford's base 32 (no I, L, O, U: nothing to confuse with 1 and 0), and the
 * check character (Luhn mod 32 over year and code) catches any single mistyped character and every
 * swap of two neighbours but 0 and Z, so a mistyped reference is "not a reference" rather than
 * another deal.
 */
export const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_LENGTH = 6;
const N = REFERENCE_ALPHABET.length;

function luhnSum(chars: string, startFactor: 1 | 2): number {
  let factor = startFactor;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const product = factor * REFERENCE_ALPHABET.indexOf(chars.charAt(i));
    sum += Math.floor(product / N) + (product % N);
    factor = factor === 2 ? 1 : 2;
  }
  return sum;
}

function checkCharacter(payload: string): string {
  return REFERENCE_ALPHABET.charAt((N - (luhnSum(payload, 2) % N)) % N);
}

const cryptoBytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/**
 * A new reference for a deal started at `now` (the year is Vietnam's). `randomBytes` is for tests;
 * by default the platform's cryptographic generator (Web Crypto, in Node and in browsers).
 */
export function newDealReference(now: Date, randomBytes: (length: number) => Uint8Array = cryptoBytes): string {
  const year = vnDateKey(now).slice(0, 4);
  // 256 is a multiple of 32: the low five bits of a uniform byte are uniform.
  const code = Array.from(randomBytes(RANDOM_LENGTH).subarray(0, RANDOM_LENGTH), (b) =>
    REFERENCE_ALPHABET.charAt(b & 31),
  ).join("");
  if (code.length !== RANDOM_LENGTH) throw new RangeError("Not enough random bytes");
  return `GD-${year}-${code}${checkCharacter(year + code)}`;
}

/**
 * Reads a reference as typed: any case, spaces or missing hyphens, and O/I/L read as 0/1/1 as
 * Crockford's base 32 does. Answers the canonical form, or null for anything that is not a valid
 * reference (wrong shape, a letter outside the alphabet, a failed check character).
 */
export function parseDealReference(input: string): { reference: string; year: number } | null {
  const compact = input.normalize("NFKC").toUpperCase().replace(/\s+/g, "");
  const match = /^GD-?(\d{4})-?([0-9A-Z]{7})$/.exec(compact);
  if (!match?.[1] || !match[2]) return null;
  const year = match[1];
  const code = match[2].replace(/O/g, "0").replace(/[IL]/g, "1");
  if ([...code].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  if (luhnSum(year + code, 1) % N !== 0) return null;
  return { reference: `GD-${year}-${code}`, year: Number(year) };
}
