"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useRouter } from "@/lib/i18n/navigation";

const KNOWN_ERRORS = ["invalid_credentials", "rate_limited", "invalid_input"];

/** `callbackPath`: where to go once signed in (already checked by `safeCallbackPath`); the welcome page otherwise. */
export function LoginForm({
  defaultEmail = "",
  callbackPath = null,
}: {
  defaultEmail?: string;
  callbackPath?: string | null;
}) {
  const t = useTranslations("auth");
  const tSecurity = useTranslations("security");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const errors: typeof fieldErrors = {};
    if (!email) errors.email = t("errors.email_required");
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = t("errors.email_invalid");
    if (!password) errors.password = t("errors.password_required");
    setFieldErrors(errors);
    setError(null);
    if (errors.email || errors.password) return;

    setPending(true);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      const code = result?.error && KNOWN_ERRORS.includes(result.error) ? result.error : "unknown";
      // Many failures on this e-mail from anywhere: a short wait, not a lock-out (lib/auth/login.ts).
      setError(result?.error === "slow_down" ? tSecurity("signIn.slowDown") : t(`errors.${code}`));
      setPending(false);
      return;
    }
    router.replace(callbackPath ?? "/welcome");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? "login-error" : undefined}>
      {error && (
        <Alert tone="danger" id="login-error">
          {error}
        </Alert>
      )}
      <Field id="email" label={t("email")} error={fieldErrors.email} required>
        {(aria) => (
          <Input
            {...aria}
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={defaultEmail}
            maxLength={254}
          />
        )}
      </Field>
      <Field id="password" label={t("password")} error={fieldErrors.password} required>
        {(aria) => <Input {...aria} name="password" type="password" autoComplete="current-password" maxLength={256} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {t("loginSubmit")}
      </Button>
    </form>
  );
}
