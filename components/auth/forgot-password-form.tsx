"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import { useActionForm } from "./use-action-form";

/** `action` sends the reset link (the forgot-password route's server action, passed in by the page). */
export function ForgotPasswordForm({
  action,
}: {
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("auth");
  const { state, pending, onSubmit, fieldErrors } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t("forgot.sent")}</Alert>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="email" label={t("email")} error={fieldErrors.email} required>
        {(aria) => <Input {...aria} name="email" type="email" autoComplete="email" maxLength={254} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {t("forgot.submit")}
      </Button>
    </form>
  );
}
