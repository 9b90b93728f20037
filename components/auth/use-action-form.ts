"use client";

import { useActionState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

/**
 * A form posting to a server action through a transition (not the `action` prop), so the typed
 * input stays in place when the action answers with errors. `fieldErrors` and `formError` arrive
 * already localized (lib/actions.ts): display them as they are.
 */
export function useActionForm<T = undefined>(
  action: (prev: ActionResult<T>, data: FormData) => Promise<ActionResult<T>>,
) {
  const [state, dispatch] = useActionState<ActionResult<T>, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  const fieldErrors = state.ok ? {} : state.fieldErrors;
  return { state, pending, onSubmit, fieldErrors, formError: state.ok ? undefined : state.formError };
}
