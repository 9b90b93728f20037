"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** Invites a staff member: name, e-mail, staff roles and the language of the e-mail. */
export function InviteStaffForm({ action, roles }: { action: Action; roles: readonly string[] }) {
  const t = useTranslations("adminTools.users");
  const tr = useTranslations("roles");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  return (
    <form noValidate onSubmit={onSubmit()} className="grid gap-4 md:grid-cols-2">
      {state.ok && state.message && (
        <Alert tone="success" className="md:col-span-2">
          {t(`done.${state.message}`)}
        </Alert>
      )}
      {formError && (
        <Alert tone="danger" className="md:col-span-2">
          {formError}
        </Alert>
      )}
      <Field id="invite-name" label={t("invite.name")} error={errors.name} required>
        {(aria) => <Input {...aria} name="name" maxLength={120} autoComplete="off" />}
      </Field>
      <Field id="invite-email" label={t("invite.email")} error={errors.email} required>
        {(aria) => <Input {...aria} name="email" type="email" maxLength={254} autoComplete="off" />}
      </Field>
      <fieldset
        className="space-y-2"
        aria-describedby={errors.roles ? "invite-roles-error" : "invite-roles-hint"}
        aria-invalid={errors.roles ? true : undefined}
      >
        <legend className="text-sm font-medium">
          {t("invite.roles")}
          <span aria-hidden="true" className="ms-0.5 text-danger-700">
            *
          </span>
        </legend>
        <div className="flex flex-wrap gap-4">
          {roles.map((role) => (
            <Checkbox key={role} name="roles" value={role} label={tr(role)} />
          ))}
        </div>
        <p id="invite-roles-hint" className="text-sm text-muted">
          {t("manage.rolesHint")}
        </p>
        {errors.roles && (
          <p id="invite-roles-error" className="text-sm font-medium text-danger-700">
            {errors.roles.join(" ")}
          </p>
        )}
      </fieldset>
      <Field id="invite-locale" label={t("invite.locale")} error={errors.locale}>
        {(aria) => (
          <Select {...aria} name="locale" defaultValue="vi">
            <option value="vi">{t("invite.locales.vi")}</option>
            <option value="en">{t("invite.locales.en")}</option>
          </Select>
        )}
      </Field>
      <div className="md:col-span-2">
        <Button type="submit" pending={pending}>
          {t("invite.submit")}
        </Button>
      </div>
    </form>
  );
}
