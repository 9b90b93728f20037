"use client";

import { useActionState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

/**
 * The state of a form posted to a server action (lib/actions.ts), the way the exchange's forms
 * post: through a transition, so every typed value stays on an error; after an optional question
 * (`window.confirm`) for a step that binds the organization. `errors` are the localized field
 * errors of the last answer, `formError` its form-level message.
 */
export function useActionForm<T = undefined>(
  action: (prev: ActionResult<T>, data: FormData) => Promise<ActionResult<T>>,
) {
  const [state, dispatch] = useActionState<ActionResult<T>, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  const onSubmit = (question?: string) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (question && !window.confirm(question)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return {
    state,
    pending,
    onSubmit,
    errors: state.ok ? ({} as Record<string, string[]>) : state.fieldErrors,
    formError: state.ok ? undefined : state.formError,
  };
}
