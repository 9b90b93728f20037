import { z } from "zod";
import type { CatalogIssue } from "./schemas";

/** Helpers for the public read-only API (app/api/v1): JSON answers with one caching policy. */

const HEADERS = { "Cache-Control": "public, max-age=60" };

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: HEADERS });
}

export function invalidParameters(issues: CatalogIssue[]): Response {
  return apiJson({ error: "invalid_parameters", issues: issues.map(({ path, message }) => ({ path, message })) }, 400);
}

export function apiNotFound(): Response {
  return apiJson({ error: "not_found" }, 404);
}

const Uuid = z.uuid();

/** The id route parameter, or a 400 answer when it is not a UUID. */
export function parseId(id: string): { ok: true; id: string } | { ok: false; response: Response } {
  return Uuid.safeParse(id).success
    ? { ok: true, id: id.toLowerCase() }
    : { ok: false, response: invalidParameters([{ path: "id", code: "invalid", message: "id must be a UUID" }]) };
}
