"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

/**
 * Wraps a listing form: submits through a transition (so nothing typed is lost on error), shows the
 * error summary or the saved notice, and hands the translated field errors to its children.
 */
export function FormShell({
  action,
  submitLabel,
  children,
}: {
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  submitLabel: string;
  children: (err: (field: string) => string[] | undefined) => React.ReactNode;
}) {
  const t = useTranslations("workspace");
  const [state, dispatch] = useActionState(action, { ok: true });
  const [pending, startTransition] = useTransition();
  const fieldErrors = state.ok ? {} : state.fieldErrors;
  const err = (field: string) => fieldErrors[field];
  const count = Object.keys(fieldErrors).length;
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {count > 0 && (
        <Alert tone="danger" title={t("fixErrors", { count })}>
          {t("fixErrorsHint")}
        </Alert>
      )}
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      {state.ok && state.message && <Alert tone="success">{t(`notices.${state.message}`)}</Alert>}
      {children(err)}
      <div className="flex justify-end border-t border-border pt-4">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
