"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * A user's roles as checkboxes, party and staff roles in two groups (never both: the hint says
 * why). The last active administrator's ADMIN box is locked, and the server refuses it anyway.
 */
export function RolesForm({
  action,
  userId,
  current,
  partyRoles,
  staffRoles,
  lockAdmin,
}: {
  action: Action;
  userId: string;
  current: readonly string[];
  partyRoles: readonly string[];
  staffRoles: readonly string[];
  lockAdmin: boolean;
}) {
  const t = useTranslations("adminTools.users");
  const tr = useTranslations("roles");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  const errorId = `roles-${userId}-error`;
  const hintId = `roles-${userId}-hint`;
  const group = (legend: string, roles: readonly string[]) => (
    <fieldset className="space-y-1">
      <legend className="text-xs font-semibold tracking-wide text-muted uppercase">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {roles.map((role) => (
          <Checkbox
            key={role}
            name="roles"
            value={role}
            defaultChecked={current.includes(role)}
            disabled={lockAdmin && role === "ADMIN"}
            label={tr(role)}
            aria-invalid={errors.roles ? true : undefined}
          />
        ))}
        {/* A disabled box posts nothing: the locked ADMIN role is sent as a hidden value. */}
        {lockAdmin && roles.includes("ADMIN") && <input type="hidden" name="roles" value="ADMIN" />}
      </div>
    </fieldset>
  );
  return (
    <form
      noValidate
      onSubmit={onSubmit()}
      className="space-y-2"
      aria-describedby={errors.roles ? `${hintId} ${errorId}` : hintId}
    >
      <input type="hidden" name="userId" value={userId} />
      {group(t("manage.partyRoles"), partyRoles)}
      {group(t("manage.staffRoles"), staffRoles)}
      <p id={hintId} className="text-xs text-muted">
        {t("manage.rolesHint")} {lockAdmin && t("manage.lastAdmin")}
      </p>
      {errors.roles && (
        <p id={errorId} role="alert" className="text-sm font-medium text-danger-700">
          {errors.roles.join(" ")}
        </p>
      )}
      {formError && (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {formError}
        </p>
      )}
      {state.ok && state.message && (
        <p role="status" className="text-sm font-medium text-success-800">
          {t(`done.${state.message}`)}
        </p>
      )}
      <Button type="submit" size="sm" pending={pending}>
        {t("manage.save")}
      </Button>
    </form>
  );
}
