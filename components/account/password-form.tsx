"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * Change of password. The server ends every session of the account, this one included, so once it
 * answers the form signs in again with the new password (no second login for the person who just
 * typed it); should that fail, the sign-in page brings them back here.
 */
export function PasswordForm({
  email,
  action,
}: {
  email: string;
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("account.settings.password");
  const tAuth = useTranslations("auth");
  const router = useRouter();
  const [state, setState] = useState<ActionResult>({ ok: true });
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  const errors = state.ok ? {} : state.fieldErrors;
  const formError = state.ok ? undefined : state.formError;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const password = String(data.get("password") ?? "");
        setDone(false);
        startTransition(async () => {
          const result = await action({ ok: true }, data);
          if (!result.ok) {
            startTransition(() => setState(result));
            return;
          }
          form.reset();
          const signedIn = await signIn("credentials", { email, password, redirect: false });
          if (!signedIn?.ok || signedIn.error) {
            router.replace({ pathname: "/login", query: { callbackUrl: "/account/settings" } });
            return;
          }
          startTransition(() => {
            setState({ ok: true });
            setDone(true);
            router.refresh();
          });
        });
      }}
    >
      {formError && <Alert tone="danger">{formError}</Alert>}
      {done && <Alert tone="success">{t("done")}</Alert>}
      {/* For password managers: which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="settings-current-password" label={t("current")} error={errors.currentPassword} required>
        {(aria) => (
          <Input {...aria} name="currentPassword" type="password" autoComplete="current-password" maxLength={256} />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="settings-new-password"
          label={t("new")}
          hint={tAuth("passwordHint")}
          error={errors.password}
          required
        >
          {(aria) => <Input {...aria} name="password" type="password" autoComplete="new-password" maxLength={128} />}
        </Field>
        <Field id="settings-confirm-password" label={t("confirm")} error={errors.confirmPassword} required>
          {(aria) => (
            <Input {...aria} name="confirmPassword" type="password" autoComplete="new-password" maxLength={128} />
          )}
        </Field>
      </div>
      <Button type="submit" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
