import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * Password strength: a length floor plus the zxcvbn estimate (common-password and name
 * dictionaries, keyboard patterns, repeats, sequences, dates), fed with words an attacker would try
 * first against this site and this person. Imports nothing server-side, so schemas can use it.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn scores 0–4; 3 means "safely unguessable" (about 10^8 guesses) for an online attack. */
export const PASSWORD_MIN_SCORE = 3;

/** Words tied to the exchange itself, tried by anyone attacking its accounts. */
export const SITE_WORDS = [
  "techex",
  "sàn giao dịch",
  "san giao dich",
  "sangiaodich",
  "hanoi",
  "hà nội",
  "ha noi",
  "congnghe",
  "công nghệ",
];

let configured = false;
function configure() {
  if (configured) return;
  zxcvbnOptions.setOptions({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  configured = true;
}

/** Splits personal context (an e-mail, a full name, an organization name) into the words zxcvbn should know. */
export function contextWords(values: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>(SITE_WORDS);
  for (const value of values) {
    if (!value) continue;
    const text = value.normalize("NFC").toLowerCase();
    const local = text.includes("@") ? text.split("@")[0]! : text;
    words.add(local);
    for (const part of local.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
    // The same words without Vietnamese diacritics: people type both.
    const plain = local.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
    if (plain !== local) {
      words.add(plain);
      for (const part of plain.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
    }
  }
  return [...words];
}

/**
 * The problems of a candidate password as message keys (empty when it is acceptable):
 * "password_too_short", "too_long" or "password_weak".
 */
export function passwordProblems(password: string, context: readonly (string | null | undefined)[] = []): string[] {
  const value = password.normalize("NFC");
  if (value.length < PASSWORD_MIN_LENGTH) return ["password_too_short"];
  if (value.length > PASSWORD_MAX_LENGTH) return ["too_long"];
  configure();
  const words = contextWords(context);
  // zxcvbn's cost grows with length; its first 100 characters decide the estimate.
  if (zxcvbn(value.slice(0, 100), words).score < PASSWORD_MIN_SCORE) return ["password_weak"];
  // zxcvbn multiplies the guesses of every part, so two context words and a year still score 3
  // ("techex-techex", "nguyenvanthanh1990"). What remains without those words must be strong alone.
  const remainder = withoutWords(value, words);
  if (remainder !== plain(value) && zxcvbn(remainder.slice(0, 100)).score < PASSWORD_MIN_SCORE)
    return ["password_weak"];
  return [];
}

/** Lower case without Vietnamese diacritics. */
function plain(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gi, "d").toLowerCase();
}

/** The password with every context word (longest first, compared without diacritics) taken out. */
function withoutWords(value: string, words: readonly string[]): string {
  let rest = plain(value);
  const candidates = [...new Set(words.map(plain))].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
  for (const word of candidates) rest = rest.split(word).join("");
  return rest;
}
