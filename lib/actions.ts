import "server-only";
import { getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/context";
import { auditContext, getCurrentUser, requestMeta, requireUser, type CurrentUser } from "@/lib/auth/session";
import { can, type Action } from "@/lib/authz";
import { AppError, type ActionFailure, type ActionResult } from "@/lib/errors";
import { FORM_KEY, fieldErrorsOf, formToObject, isFormData } from "@/lib/forms";

/**
 * The one way a server action is built. Server actions are public endpoints (any client can call
 * them with anything), so every action made here, in this order:
 *  1. checks its arguments: bound ones (a listing's kind and id) with their schemas, and that the
 *     form is a FormData;
 *  2. parses the form with its zod schema;
 *  3. loads the signed-in user (`run` gets a non-null user unless the action is public);
 *  4. checks the permission with `can` (row-level scope stays in lib) and builds the audit context;
 *  5. runs the work, letting Next's redirect / notFound signals through;
 *  6. turns every failure into an `ActionFailure` here and only here, localized on the server:
 *     zod issues become field errors, an AppError a form error (or field errors, from
 *     `details.fieldErrors`), anything else is logged as one JSON line with the request id and
 *     answered "unknown". An action never ends in a 500.
 *
 * Localization: a failure's key is looked up in `<namespace>.errors`, then in the common `errors`
 * (fields: in `<namespace>.errors`, then `validation`), so a feature words only what it says
 * differently. See `localizer`.
 */

type Schemas = readonly z.ZodType[];
/** What a caller passes for each argument schema (before parsing). */
type Inputs<B extends Schemas> = { -readonly [K in keyof B]: z.input<B[K]> };
/** What `run` receives for each argument schema (after parsing). */
type Outputs<B extends Schemas> = { -readonly [K in keyof B]: z.output<B[K]> };

/**
 * "required" (the default): a signed-out caller is answered `unauthenticated`. "sign-in": sent to
 * the sign-in page instead (plain forms that show no result). "public": no user is loaded.
 */
export type AuthMode = "required" | "sign-in" | "public";
type UserFor<M extends AuthMode> = M extends "public" ? null : CurrentUser;

/** One action, or several of which any one grants (the first granted is the audit role's action). */
export type Permission = Action | readonly Action[];

/** What `run` works with: the parsed form and arguments, the user, and the audit context. */
export interface RunContext<I, B extends Schemas, M extends AuthMode> {
  input: I;
  args: Outputs<B>;
  user: UserFor<M>;
  audit: AuditContext;
}

/** What `run` answers on success: the outcome's code (the component words it) and returned data. */
export interface Done<T> {
  message?: string;
  data?: T;
}

export interface FormSpec<S extends z.ZodType> {
  schema: S;
  /** Fields posted as lists (checkbox groups). */
  arrays?: readonly string[];
  /** Fields the user cannot correct (hidden inputs): a problem there is a form error, not a field error. */
  hidden?: readonly string[];
}

interface BaseSpec<B extends Schemas, M extends AuthMode> {
  /** Names the action in the error log. */
  name: string;
  /** Message namespace whose `errors.<key>` words this action's failures, e.g. "workspace" or "auth.reset". */
  namespace: string;
  auth?: M;
  /** Schemas of the leading arguments (bound with `.bind` by the page, or passed by the caller). */
  args?: B;
  permission?: Permission | ((args: Outputs<B>) => Permission);
  /** AppError keys from lib that belong to a field: `{ organization_not_found: "organizationId" }`. */
  errorFields?: Readonly<Record<string, string>>;
}

export interface FormActionSpec<S extends z.ZodType, B extends Schemas, M extends AuthMode, T> extends BaseSpec<B, M> {
  form: FormSpec<S> | ((args: Outputs<B>) => FormSpec<S>);
  run: (ctx: RunContext<z.output<S>, B, M>) => Promise<Done<T> | void>;
}

export interface CallActionSpec<B extends Schemas, M extends AuthMode, T> extends BaseSpec<B, M> {
  run: (ctx: RunContext<undefined, B, M>) => Promise<Done<T> | void>;
}

/** A catalog lookup: the request's `getTranslations()` on the server, any translator in tests. */
export interface Translate {
  (key: string): string;
  has(key: string): boolean;
}

/** What the wrapper takes from the request it runs in; tests pass their own (`actionBuilders`). */
export interface ActionEnv {
  currentUser(): Promise<CurrentUser | null>;
  auditContext(user: CurrentUser | null, action?: Action): Promise<AuditContext>;
  translator(): Promise<Translate>;
  requestId(): Promise<string | null>;
  /** Ends the action with a redirect to the sign-in page (throws Next's redirect signal). */
  signIn(): Promise<never>;
  log(line: string): void;
}

// The typed specs above, with the types that only matter to the action's author erased. Method
// signatures (the `bivariant` trick of React's own types) let a typed spec be passed as one of
// these without a cast; `execute` hands each callback exactly what its typed form expects.
type Bivariant<A, R> = { bivariant(arg: A): R }["bivariant"];
interface ErasedContext {
  input: unknown;
  args: unknown[];
  user: CurrentUser | null;
  audit: AuditContext;
}
interface ErasedSpec<T> {
  name: string;
  namespace: string;
  auth?: AuthMode;
  args?: Schemas;
  permission?: Permission | Bivariant<unknown[], Permission>;
  errorFields?: Readonly<Record<string, string>>;
  form?: FormSpec<z.ZodType> | Bivariant<unknown[], FormSpec<z.ZodType>>;
  run: Bivariant<ErasedContext, Promise<Done<T> | void>>;
}

const KEY = /^[a-z][a-z0-9_]*$/;
const FieldCodesSchema = z.record(z.string(), z.array(z.string()));

/** A failure before localization: its key, an optional form-level key, and the field keys. */
interface Problem {
  code: string;
  form?: { key: string; fallback: string };
  fields: Record<string, string[]>;
}

const refusal = (key: string): Problem => ({ code: key, form: { key, fallback: key }, fields: {} });

/** Zod issues: visible fields get field errors; hidden fields and the whole form, one form error. */
function zodProblem(error: z.ZodError, hidden: readonly string[] = []): Problem {
  const fields: Record<string, string[]> = {};
  let formKey: string | undefined;
  for (const [field, messages] of Object.entries(fieldErrorsOf(error))) {
    const keys = messages.map((m) => (KEY.test(m) ? m : "invalid_input"));
    if (field === FORM_KEY || hidden.includes(field)) formKey ??= keys[0];
    else fields[field] = [...new Set(keys)];
  }
  return formKey
    ? { code: formKey, form: { key: formKey, fallback: "invalid_input" }, fields }
    : { code: "validation", fields };
}

/** An expected failure from lib: field errors when it names fields, a form error otherwise. */
function appErrorProblem(error: AppError, errorFields: Readonly<Record<string, string>> = {}): Problem {
  const key = KEY.test(error.message) ? error.message : error.code;
  const details = FieldCodesSchema.safeParse(error.details?.fieldErrors);
  const fields: Record<string, string[]> = details.success ? { ...details.data } : {};
  const field = errorFields[key];
  if (field) fields[field] = [...(fields[field] ?? []), key];
  return Object.keys(fields).length > 0
    ? { code: key, fields }
    : { code: key, form: { key, fallback: error.code }, fields };
}

/**
 * The one localization convention. A form error's key is looked up in the action's namespace, then
 * by the AppError's general code there, then the same two in the common `errors`, then "unknown".
 * A field error's key: the namespace, `validation`, `errors`, then `validation.invalid_input`.
 */
export function localizer(t: Translate, namespace: string) {
  const first = (keys: string[], fallback: string) => {
    const found = keys.find((key) => t.has(key));
    return found ? t(found) : fallback;
  };
  const ns = `${namespace}.errors`;
  return {
    form: (key: string, code: string) =>
      first(
        [`${ns}.${key}`, `${ns}.${code}`, `errors.${key}`, `errors.${code}`, `${ns}.unknown`, "errors.unknown"],
        key,
      ),
    field: (key: string) =>
      first([`${ns}.${key}`, `validation.${key}`, `errors.${key}`, "validation.invalid_input"], key),
  };
}

async function localize(env: ActionEnv, namespace: string, problem: Problem): Promise<ActionFailure> {
  // A catalog that cannot load must not turn the answer into a 500: the keys are shown instead.
  const t = await env.translator().catch(() => null);
  const words = t ? localizer(t, namespace) : { form: (key: string) => key, field: (key: string) => key };
  const fieldErrors = Object.fromEntries(
    Object.entries(problem.fields).map(([field, keys]) => [field, keys.map(words.field)]),
  );
  return {
    ok: false,
    code: problem.code,
    ...(problem.form && { formError: words.form(problem.form.key, problem.form.fallback) }),
    fieldErrors,
    fieldCodes: problem.fields,
  };
}

/**
 * One JSON line for an unexpected failure inside a server action, in the shape of
 * lib/observability/request-error.ts (with the stack: the action answered, so nothing else logs it).
 * The request id is the one the audit events of the same request carry.
 */
export function actionErrorLine(action: string, requestId: string | null, error: unknown): string {
  const err = error instanceof Error ? error : null;
  return JSON.stringify({
    level: "error",
    at: new Date().toISOString(),
    requestId,
    routeType: "action",
    action,
    error: { name: err?.name ?? typeof error, message: err?.message ?? String(error), stack: err?.stack },
  });
}

function parseArgs(schemas: Schemas, values: readonly unknown[]): unknown[] | null {
  const out: unknown[] = [];
  for (const [i, schema] of schemas.entries()) {
    const parsed = schema.safeParse(values[i]);
    if (!parsed.success) return null;
    out.push(parsed.data);
  }
  return out;
}

/** The first of `permission`'s actions that one of the user's roles grants, or null. */
function granted(user: CurrentUser | null, permission: Permission): Action | null {
  const actions: readonly Action[] = typeof permission === "string" ? [permission] : permission;
  return actions.find((action) => can(user, action)) ?? null;
}

async function execute<T>(
  env: ActionEnv,
  spec: ErasedSpec<T>,
  rawArgs: readonly unknown[],
  form: { data: unknown } | null,
): Promise<ActionResult<T>> {
  const fail = (problem: Problem) => localize(env, spec.namespace, problem);
  try {
    const args = parseArgs(spec.args ?? [], rawArgs);
    if (!args) return await fail(refusal("invalid_input"));

    let input: unknown = undefined;
    if (form && spec.form) {
      if (!isFormData(form.data)) return await fail(refusal("invalid_input"));
      const { schema, arrays, hidden } = typeof spec.form === "function" ? spec.form(args) : spec.form;
      const parsed = schema.safeParse(formToObject(form.data, arrays));
      if (!parsed.success) return await fail(zodProblem(parsed.error, hidden));
      input = parsed.data;
    }

    const user = spec.auth === "public" ? null : await env.currentUser();
    if (!user && spec.auth !== "public") {
      if (spec.auth === "sign-in") await env.signIn();
      return await fail(refusal("unauthenticated"));
    }

    let acting: Action | undefined;
    if (spec.permission) {
      const permission = typeof spec.permission === "function" ? spec.permission(args) : spec.permission;
      const action = granted(user, permission);
      if (!action) return await fail(refusal("forbidden"));
      acting = action;
    }
    const audit = await env.auditContext(user, acting);

    const done = await spec.run({ input, args, user, audit });
    return { ok: true, ...done };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof z.ZodError) return fail(zodProblem(error));
    if (error instanceof AppError) return fail(appErrorProblem(error, spec.errorFields));
    const requestId = await env.requestId().catch(() => null);
    env.log(actionErrorLine(spec.name, requestId, error));
    return fail(refusal("unknown"));
  }
}

/** The action builders, over the request helpers of `env` (tests pass their own). */
export function actionBuilders(env: ActionEnv) {
  return {
    /**
     * An action posted by a form through `useActionState`: called as `(...args, prev, formData)`,
     * `args` being bound by the page (`.bind(null, kind)`).
     */
    formAction<S extends z.ZodType, const B extends Schemas = [], M extends AuthMode = "required", T = undefined>(
      spec: FormActionSpec<S, B, M, T>,
    ) {
      const erased: ErasedSpec<T> = spec;
      const arity = spec.args?.length ?? 0;
      return (...call: [...Inputs<B>, prev: ActionResult<T>, formData: FormData]): Promise<ActionResult<T>> =>
        execute(env, erased, call.slice(0, arity), { data: call[arity + 1] });
    },

    /** An action a component calls with arguments (a button, a search box); extra arguments are ignored. */
    callAction<const B extends Schemas = [], M extends AuthMode = "required", T = undefined>(
      spec: CallActionSpec<B, M, T>,
    ) {
      const erased: ErasedSpec<T> = spec;
      const arity = spec.args?.length ?? 0;
      return (...call: Inputs<B>): Promise<ActionResult<T>> => execute(env, erased, call.slice(0, arity), null);
    },

    /**
     * A plain `<form action>` that shows no result (it works before the page's JavaScript has
     * loaded); failures are still mapped, and logged when unexpected.
     */
    plainFormAction<S extends z.ZodType, M extends AuthMode = "required">(spec: FormActionSpec<S, [], M, undefined>) {
      const erased: ErasedSpec<undefined> = spec;
      return async (formData: FormData): Promise<void> => {
        await execute(env, erased, [], { data: formData });
      };
    },
  };
}

const serverEnv: ActionEnv = {
  currentUser: () => getCurrentUser(),
  auditContext: (user, action) => auditContext(user, action),
  translator: () => getTranslations(),
  requestId: async () => (await requestMeta()).requestId,
  signIn: async () => {
    // requireUser sends a signed-out caller to the sign-in page (it throws Next's redirect signal).
    await requireUser();
    throw new AppError("unauthenticated");
  },
  log: (line) => console.error(line),
};

export const { formAction, callAction, plainFormAction } = actionBuilders(serverEnv);
