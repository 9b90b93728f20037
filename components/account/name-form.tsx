"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

/** The display name; `action` is the settings route's server action, passed in by the page. */
export function NameForm({
  name,
  action,
}: {
  name: string;
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("account.settings.profile");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  return (
    <form onSubmit={onSubmit()} noValidate className="space-y-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      {state.ok && state.message && (
        <Alert tone="success">{t(state.message === "saved" ? "saved" : "unchanged")}</Alert>
      )}
      <Field id="settings-name" label={t("name")} error={errors.name} required>
        {(aria) => <Input {...aria} name="name" autoComplete="name" maxLength={120} defaultValue={name} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
