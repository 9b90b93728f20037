import "server-only";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id recommendation (19 MiB, 2 iterations, 1 lane).
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, unusable with isolatedModules) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string) {
  dummyHash ??= hashPassword("not-a-real-password-placeholder");
  return dummyHash.then((h) => verifyPassword(h, password));
}
