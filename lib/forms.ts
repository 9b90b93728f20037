import type { z } from "zod";

/** The field name under which fieldErrorsOf files the issues of the whole form. */
export const FORM_KEY = "_form";

/** True for a real FormData (server actions can be called with anything: a number, a plain object). */
export function isFormData(value: unknown): value is FormData {
  return typeof FormData !== "undefined" && value instanceof FormData;
}

/**
 * FormData → plain object for zod: string fields as strings (trimmed later by the schema), fields
 * listed in `arrays` as string arrays (checkbox groups), files dropped. Anything that is not a
 * FormData gives an object with no fields, so the schema answers with its field errors.
 */
export function formToObject(formData: unknown, arrays: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isFormData(formData)) {
    for (const key of new Set(formData.keys())) {
      if (key.startsWith("$ACTION")) continue;
      const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
      out[key] = arrays.includes(key) ? values : values[0];
    }
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

/**
 * All issues of a failed parse, grouped by field: `{ email: ["email_invalid"] }`. Issues of the
 * whole object (a refinement without a path) are under `_form`. Messages are catalog keys.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? FORM_KEY);
    const list = (out[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}
