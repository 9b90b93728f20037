import { expect } from "vitest";

/**
 * What the tests of the public read-only API (app/api/v1) share: how a route handler is called
 * outside Next.js, how an answer is read, and what must never appear in one.
 */

export const API_BASE = "http://localhost/api/v1";

/** The second argument of a dynamic route's handler for `[id]`. */
export const routeContext = (id: string) => ({ params: Promise.resolve({ id }) });

/** Keys that would carry personal or internal data: none may appear anywhere in a public answer. */
export const PERSONAL_KEYS = [
  "createdById",
  "createdBy",
  "email",
  "phone",
  "passwordHash",
  "userId",
  "user",
  "uploadedById",
  "uploadedBy",
  "moderationNote",
  "screeningNote",
  "pendingRevision",
  "storageKey",
  "sha256",
  "taxCode",
];

/** Every key of every object in `value`, however deep. */
export function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

/** The JSON body of a public answer, after checking it is JSON with the given caching policy. */
export async function readJson(response: Response, cache = "public, max-age=60") {
  expect(response.headers.get("cache-control")).toBe(cache);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  return response.json();
}

/** Fails when `body` has a personal key (plus `extraKeys`) or contains any of the `secrets` as text. */
export function expectNoPersonalData(body: unknown, secrets: string[], extraKeys: string[] = []): void {
  const forbidden = new Set([...PERSONAL_KEYS, ...extraKeys]);
  expect(keysOf(body).filter((k) => forbidden.has(k))).toEqual([]);
  const text = JSON.stringify(body);
  for (const secret of secrets) expect(text).not.toContain(secret);
}
