/**
 * Expected failures carry a code (stable, for tests and logs) and a message key from the catalogs
 * (`errors.<code>`), so the user sees a localized explanation and never a stack trace.
 */
export type AppErrorCode =
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "validation"
  | "conflict"
  | "rate_limited"
  | "invalid_state"
  | "too_large"
  | "unsupported_type";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("not_found");

const STATUS: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  validation: 400,
  conflict: 409,
  rate_limited: 429,
  invalid_state: 409,
  too_large: 413,
  unsupported_type: 415,
};

export function httpStatus(error: AppError) {
  return STATUS[error.code];
}

/** Result shape of every server action: all field errors at once, plus a form-level error. */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; fieldErrors: Record<string, string[]>; formError?: string; values?: Record<string, string> };
