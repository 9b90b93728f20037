"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** The answer and closing steps the workspace offers here (the NDA has its own panel). */
export type CommandEvent =
  "accept" | "decline" | "withdraw" | "cancel" | "start_performance" | "complete" | "terminate";

export interface DealCommandsProps {
  reference: string;
  /** The commands the deal table gives this party now, with the reason a blocked one waits (a message key). */
  commands: readonly { event: CommandEvent; blockedBy: string | null }[];
  action: Action;
}

const NEEDS_REASON: Record<CommandEvent, "required" | "optional" | null> = {
  accept: null,
  withdraw: null,
  start_performance: null,
  complete: null,
  decline: "required",
  cancel: "optional",
  terminate: "required",
};

/** Steps taken at once, without a question first. */
const NO_CONFIRMATION: ReadonlySet<CommandEvent> = new Set(["accept", "start_performance"]);

/**
 * The party's buttons. A step that ends the deal (decline, withdraw, cancel) asks for a
 * confirmation; decline opens a reason the other side reads, cancel an optional one.
 */
export function DealCommands({ reference, commands, action }: DealCommandsProps) {
  const t = useTranslations("deals.commands");
  const te = useTranslations("deals.errors");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState<CommandEvent | null>(null);

  if (commands.length === 0 && !(state.ok && state.message)) return null;
  const submit = (event: CommandEvent, form: HTMLFormElement) => {
    if (!NO_CONFIRMATION.has(event) && !window.confirm(t(`confirm.${event}`))) return;
    const data = new FormData(form);
    startTransition(() => dispatch(data));
  };
  const reasonError = state.ok ? undefined : state.fieldErrors.reason;

  return (
    <div className="space-y-3">
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      {state.ok && state.message && <Alert tone="success">{t(`done.${state.message}`)}</Alert>}
      <div className="flex flex-wrap gap-2">
        {commands.map(({ event, blockedBy }) =>
          NEEDS_REASON[event] ? (
            <Button
              key={event}
              type="button"
              variant={open === event ? "secondary" : event === "decline" ? "danger" : "secondary"}
              aria-expanded={open === event}
              aria-controls={`deal-${event}-form`}
              disabled={blockedBy !== null}
              onClick={() => setOpen(open === event ? null : event)}
            >
              {t(event)}
            </Button>
          ) : (
            <form
              key={event}
              onSubmit={(e) => {
                e.preventDefault();
                submit(event, e.currentTarget);
              }}
            >
              <input type="hidden" name="reference" value={reference} />
              <input type="hidden" name="event" value={event} />
              <Button
                type="submit"
                variant={
                  event === "accept" || event === "complete" || event === "start_performance" ? "primary" : "secondary"
                }
                pending={pending}
                disabled={blockedBy !== null}
              >
                {t(event)}
              </Button>
            </form>
          ),
        )}
      </div>
      {commands.some((c) => c.blockedBy) && (
        <ul className="space-y-1 text-sm text-muted">
          {commands.flatMap((c) => (c.blockedBy ? [<li key={c.event}>{te(c.blockedBy)}</li>] : []))}
        </ul>
      )}
      {open && NEEDS_REASON[open] && (
        <form
          id={`deal-${open}-form`}
          noValidate
          className="space-y-3 rounded-md border border-border p-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit(open, e.currentTarget);
          }}
        >
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="event" value={open} />
          <Field
            id={`deal-${open}-reason`}
            label={t(NEEDS_REASON[open] === "required" ? "reasonRequired" : "reasonOptional")}
            hint={t("reasonHint")}
            error={reasonError}
            required={NEEDS_REASON[open] === "required"}
          >
            {(aria) => <Textarea {...aria} name="reason" rows={3} maxLength={2_000} />}
          </Field>
          <Button type="submit" variant="danger" pending={pending}>
            {t(`submit.${open}`)}
          </Button>
        </form>
      )}
    </div>
  );
}
