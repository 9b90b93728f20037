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
