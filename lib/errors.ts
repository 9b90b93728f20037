/**
 * Expected failures carry a code (stable, for tests and logs) and a message key from the catalogs
 * (the message; the code when none is given), so the user sees a localized explanation and never a
 * stack trace. Server actions word them in one place: lib/actions.ts.
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

/** A server action that worked: `message` names the outcome (the component words it), `data` carries what it returns. */
export interface ActionSuccess<T> {
  ok: true;
  message?: string;
  data?: T;
}

/**
 * A server action that did not work, already in the user's language (lib/actions.ts localizes it on
 * the server), so components only display strings. The stable codes stay beside the texts: tests
 * and the occasional component branch on `code`, never on wording.
 */
export interface ActionFailure {
  ok: false;
  /** The most specific key of the failure: "unauthenticated", "validation", "email_unverified", "unknown"... */
  code: string;
  /** A problem with the whole form, localized; absent when only fields are at fault. */
  formError?: string;
  /** Every problem of every field at once, localized. */
  fieldErrors: Record<string, string[]>;
  /** The keys behind `fieldErrors`, same shape (`{ reason: ["too_long"] }`). */
  fieldCodes: Record<string, string[]>;
}

/** Result of every server action built with lib/actions.ts. */
export type ActionResult<T = undefined> = ActionSuccess<T> | ActionFailure;
