"use client";

import { useTranslations } from "next-intl";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * One button posting a few hidden fields to a server action (deactivate, reactivate, move, delete,
 * send a reset link), after a confirmation when `confirm` is given; an optional one-line `note`
 * (a reason) goes with it. The outcome is worded from `<namespace>.done.<message>`, errors come
 * localized from the action. Shared by the users, screening and taxonomy pages.
 */
export function InlineAction({
  action,
  hidden,
  label,
  namespace,
  variant = "secondary",
  confirm,
  note,
  ariaLabel,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  namespace: string;
  variant?: ButtonVariant;
  confirm?: string;
  note?: { id: string; name: string; label: string };
  ariaLabel?: string;
}) {
  const t = useTranslations(namespace);
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  return (
    <form noValidate onSubmit={onSubmit(confirm)} className="space-y-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {note && (
        <Field id={note.id} label={note.label} error={errors[note.name]}>
          {(aria) => <Input {...aria} name={note.name} maxLength={500} autoComplete="off" />}
        </Field>
      )}
      <Button type="submit" size="sm" variant={variant} pending={pending} aria-label={ariaLabel}>
        {label}
      </Button>
      {state.ok && state.message && (
        <p role="status" className="text-sm font-medium text-success-800">
          {t(`done.${state.message}`)}
        </p>
      )}
      {formError && (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {formError}
        </p>
      )}
    </form>
  );
}
