"use client";

import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { useReportedAction } from "./outcome";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * One button posting hidden fields (activate, deactivate, delete, dismiss), after a confirmation when
 * `confirm` is given. Its success is worded by `done` and shown in the list's OutcomeRegion (the row
 * may be gone by then); a refusal is shown here.
 */
export function RowAction({
  action,
  hidden,
  label,
  done,
  variant = "secondary",
  confirm,
  ariaLabel,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  /** The success message, already worded (the page knows the row's name). */
  done: Record<string, string>;
  variant?: ButtonVariant;
  confirm?: string;
  ariaLabel?: string;
}) {
  const { pending, onSubmit, formError } = useReportedAction(action, (message) => done[message] ?? "");
  return (
    <form noValidate onSubmit={onSubmit(confirm)} className="space-y-1">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="sm" variant={variant} pending={pending} aria-label={ariaLabel}>
        {label}
      </Button>
      {formError && (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {formError}
        </p>
      )}
    </form>
  );
}
