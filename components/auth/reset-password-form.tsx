"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { useActionForm } from "./use-action-form";

/** `action` sets the new password (the reset-password route's server action, passed in by the page). */
export function ResetPasswordForm({
  token,
  action,
}: {
  token: string;
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("auth");
  const { state, pending, onSubmit, fieldErrors, formError } = useActionForm(action);
  if (state.ok && state.message) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("reset.done")}</Alert>
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t("loginLink")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && (
        <Alert tone="danger">
          {formError}{" "}
          <Link href="/forgot-password" className="underline">
            {t("reset.again")}
          </Link>
        </Alert>
      )}
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        label={t("reset.newPassword")}
        hint={t("passwordHint")}
        error={fieldErrors.password}
        required
      >
        {(aria) => <Input {...aria} name="password" type="password" autoComplete="new-password" maxLength={128} />}
      </Field>
      <Field id="confirmPassword" label={t("confirmPassword")} error={fieldErrors.confirmPassword} required>
        {(aria) => (
          <Input {...aria} name="confirmPassword" type="password" autoComplete="new-password" maxLength={128} />
        )}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {t("reset.submit")}
      </Button>
    </form>
  );
}
