"use client";

import { createContext, useContext, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

type Report = (message: string) => void;

const OutcomeContext = createContext<Report | null>(null);

/**
 * A status line above a list whose rows an action can remove or move (a deleted entry, a handled
 * search, an edit that takes a row out of the filter): the row's own component may be gone when the
 * answer arrives, so the outcome is shown here, in a region that stays mounted across revalidations.
 */
export function OutcomeRegion({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState("");
  return (
    <OutcomeContext value={setMessage}>
      <p role="status" className="min-h-5 text-sm font-medium text-success-800">
        {message}
      </p>
      {children}
    </OutcomeContext>
  );
}

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * Like useActionForm (components/ui/use-action-form.ts), but a success is also reported to the
 * enclosing OutcomeRegion, worded by `describe(message)`: the report is made from the action's own
 * continuation, not from this component's state, so it arrives even when the revalidated page no
 * longer renders this component.
 */
export function useReportedAction(action: Action, describe: (message: string) => string) {
  const report = useContext(OutcomeContext);
  const [state, setState] = useState<ActionResult>({ ok: true });
  const [pending, startTransition] = useTransition();
  const onSubmit = (question?: string) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (question && !window.confirm(question)) return;
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(state, data);
      setState(result);
      if (result.ok && result.message) report?.(describe(result.message));
      else report?.("");
    });
  };
  return {
    state,
    pending,
    onSubmit,
    errors: state.ok ? ({} as Record<string, string[]>) : state.fieldErrors,
    formError: state.ok ? undefined : state.formError,
  };
}
