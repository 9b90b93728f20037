"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { OrganizationPicker, type SearchOrganizations } from "@/components/organizations/organization-picker";

// The types a member of the public may choose (lib/auth/schemas.ts PUBLIC_ORG_TYPES; not imported
// here, which would ship the password dictionaries to the browser).
const ORG_TYPES = ["UNIVERSITY", "INSTITUTE", "ENTERPRISE", "INDIVIDUAL", "INTERMEDIARY"] as const;

interface Props {
  /** Registration through an e-mailed invitation: the organization is fixed, the address expected. */
  invite: { token: string; organization: string; email: string } | null;
  /** The register route's server actions, passed in by the page. */
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  searchOrganizations: SearchOrganizations;
  /**
   * The page the visitor was on before registering (checked by the page): the workspace offers a
   * way back to it once the account exists.
   */
  callbackPath?: string | null;
  /** The role chosen at first (a "list a technology" or "post a demand" link asks for its own). */
  defaultRole?: "PROVIDER" | "SEEKER";
}

export function RegisterForm({
  invite,
  action,
  searchOrganizations,
  callbackPath = null,
  defaultRole = "PROVIDER",
}: Props) {
  const t = useTranslations("auth");
  const to = useTranslations("orgTypes");
  const router = useRouter();
  const [state, setState] = useState<ActionResult>({ ok: true });
  const [pending, startTransition] = useTransition();
  // Registered and signing in or leaving: the button stays busy until the next page replaces this one.
  const [leaving, setLeaving] = useState(false);
  const [orgMode, setOrgMode] = useState<"create" | "join">("create");
  const errors = state.ok ? {} : state.fieldErrors;
  const formError = !state.ok ? state.formError : undefined;
  const err = (field: string) => errors[field];
  const errorCount = Object.keys(errors).length;

  return (
    <form
      noValidate
      className="space-y-5"
      // Submitting through a transition (not the form `action` prop) keeps every typed value on error.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const email = String(data.get("email") ?? "").trim();
        const password = String(data.get("password") ?? "");
        startTransition(async () => {
          const result = await action({ ok: true }, data);
          if (!result.ok) {
            startTransition(() => setState(result));
            return;
          }
          setLeaving(true);
          // No second login: sign in with what was just typed. The answer does not say whether the
          // address already had an account, so this works for a new account (or the owner's own
          // password); otherwise the sign-in page explains that an e-mail is on its way.
          const signedIn = await signIn("credentials", { email, password, redirect: false });
          if (signedIn?.ok && !signedIn.error) {
            router.replace(callbackPath ? { pathname: "/account", query: { callbackUrl: callbackPath } } : "/account");
            router.refresh();
            return;
          }
          router.replace({
            pathname: "/login",
            query: { registered: "1", email, ...(callbackPath ? { callbackUrl: callbackPath } : {}) },
          });
        });
      }}
    >
      {formError && <Alert tone="danger">{formError}</Alert>}
      {errorCount > 0 && (
        <Alert tone="danger" title={t("fixErrors", { count: errorCount })}>
          {t("fixErrorsHint")}
        </Alert>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("roleQuestion")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(["PROVIDER", "SEEKER"] as const).map((role) => (
            <label
              key={role}
              className="flex cursor-pointer gap-3 rounded-md border border-border p-3 has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input type="radio" name="role" value={role} defaultChecked={role === defaultRole} className="mt-1" />
              <span>
                <span className="block text-sm font-semibold">{t(`role_${role}`)}</span>
                <span className="block text-xs text-muted">{t(`role_${role}_hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {err("role") && <p className="text-sm text-danger-700">{err("role")}</p>}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label={t("name")} error={err("name")} required className="sm:col-span-2">
          {(aria) => <Input {...aria} name="name" autoComplete="name" maxLength={120} />}
        </Field>
        <Field id="email" label={t("email")} error={err("email")} required className="sm:col-span-2">
          {(aria) => (
            <Input
              {...aria}
              name="email"
              type="email"
              autoComplete="email"
              maxLength={254}
              defaultValue={invite?.email}
            />
          )}
        </Field>
        <Field id="password" label={t("password")} hint={t("passwordHint")} error={err("password")} required>
          {(aria) => <Input {...aria} name="password" type="password" autoComplete="new-password" maxLength={128} />}
        </Field>
        <Field id="confirmPassword" label={t("confirmPassword")} error={err("confirmPassword")} required>
          {(aria) => (
            <Input {...aria} name="confirmPassword" type="password" autoComplete="new-password" maxLength={128} />
          )}
        </Field>
      </div>

      <fieldset className="space-y-3 rounded-md border border-border p-4">
        <legend className="px-1 text-sm font-medium">{t("organization")}</legend>
        {invite ? (
          <>
            <input type="hidden" name="orgMode" value="invite" />
            <input type="hidden" name="inviteToken" value={invite.token} />
            <Alert tone="info">{t("inviteNote", { organization: invite.organization, email: invite.email })}</Alert>
            {err("inviteToken") && <p className="text-sm text-danger-700">{err("inviteToken")}</p>}
          </>
        ) : (
          <div className="flex flex-wrap gap-4">
            {(["create", "join"] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="orgMode"
                  value={mode}
                  checked={orgMode === mode}
                  onChange={() => setOrgMode(mode)}
                />
                {t(`orgMode_${mode}`)}
              </label>
            ))}
          </div>
        )}
        {invite ? null : orgMode === "join" ? (
          <div className="space-y-3">
            <OrganizationPicker search={searchOrganizations} error={err("organizationId")} />
            <Field id="joinMessage" label={t("joinMessage")} error={err("joinMessage")}>
              {(aria) => <Textarea {...aria} name="joinMessage" rows={2} maxLength={1000} />}
            </Field>
            <p className="text-xs text-muted">{t("joinNote")}</p>
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="organizationName" label={t("organizationName")} error={err("organizationName")} required>
              {(aria) => <Input {...aria} name="organizationName" maxLength={200} />}
            </Field>
            <Field id="organizationType" label={t("organizationType")} error={err("organizationType")} required>
              {(aria) => (
                <Select {...aria} name="organizationType" defaultValue="">
                  <option value="">{t("choose")}</option>
                  {ORG_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {to(type)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        )}
        <p className="text-xs text-muted">{t("verificationNote")}</p>
      </fieldset>

      <div>
        <Checkbox
          name="acceptTerms"
          label={t.rich("acceptTerms", {
            terms: (chunks) => (
              <Link href="/terms" target="_blank" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
            privacy: (chunks) => (
              <Link href="/privacy" target="_blank" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
          aria-invalid={Boolean(err("acceptTerms"))}
          aria-describedby={err("acceptTerms") ? "acceptTerms-error" : undefined}
        />
        {err("acceptTerms") && (
          <p id="acceptTerms-error" className="mt-1 text-sm text-danger-700">
            {err("acceptTerms")}
          </p>
        )}
      </div>

      <Button type="submit" pending={pending || leaving} className="w-full">
        {t("registerSubmit")}
      </Button>
    </form>
  );
}
