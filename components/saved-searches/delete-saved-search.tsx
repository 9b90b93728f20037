"use client";

import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

/** The delete button of one saved search, after a confirmation (the e-mails stop with it). */
export function DeleteSavedSearch({
  id,
  action,
  texts,
}: {
  id: string;
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  texts: { delete: string; label: string; confirm: string };
}) {
  const { pending, onSubmit, formError } = useActionForm(action);
  return (
    <form onSubmit={onSubmit(texts.confirm)} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" size="sm" variant="ghost" pending={pending} aria-label={texts.label}>
        {texts.delete}
      </Button>
      {formError && (
        <p role="alert" className="text-sm text-danger-700">
          {formError}
        </p>
      )}
    </form>
  );
}
