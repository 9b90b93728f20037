"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** A party invites an intermediary organization from the directory into the deal. */
export function InviteParticipantForm({
  choices,
  action,
}: {
  choices: readonly { id: string; name: string }[];
  action: Action;
}) {
  const t = useTranslations("deals.participants");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  return (
    <form noValidate className="space-y-3" onSubmit={onSubmit()}>
      {state.ok && state.message && <Alert tone="success">{t(`done.${state.message}`)}</Alert>}
      {formError && <Alert tone="danger">{formError}</Alert>}
      {choices.length === 0 ? (
        <p className="text-sm text-muted">{t("noChoices")}</p>
      ) : (
        <>
          <Field id="deal-participant" label={t("choose")} error={errors.organizationId} required>
            {(aria) => (
              <Select {...aria} name="organizationId" defaultValue="">
                <option value="" disabled>
                  {t("placeholder")}
                </option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" variant="secondary" pending={pending}>
            {t("invite")}
          </Button>
        </>
      )}
    </form>
  );
}

/** Removes one invited organization, after a confirmation. */
export function RemoveParticipantButton({ name, action }: { name: string; action: Action }) {
  const t = useTranslations("deals.participants");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  if (state.ok && state.message) return <span className="text-sm text-muted">{t(`done.${state.message}`)}</span>;
  return (
    <form onSubmit={onSubmit(t("confirmRemove", { name }))} className="inline">
      {formError && <span className="text-sm text-danger-700">{formError}</span>}
      <Button type="submit" size="sm" variant="ghost" pending={pending}>
        {t("remove")}
      </Button>
    </form>
  );
}
