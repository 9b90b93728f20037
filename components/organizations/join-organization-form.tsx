"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/auth/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import { OrganizationPicker, type SearchOrganizations } from "./organization-picker";

/** A signed-in user without an organization finds theirs by name and asks its administrator to let them in. */
export function JoinOrganizationForm({
  action,
  searchOrganizations,
}: {
  /** Sends the membership request (server action, passed in by the page). */
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  searchOrganizations: SearchOrganizations;
}) {
  const t = useTranslations("membership");
  const { state, pending, onSubmit, fieldErrors, formError } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t(`notices.${state.message}`)}</Alert>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <OrganizationPicker search={searchOrganizations} error={fieldErrors.organizationId} />
      <Field id="message" label={t("joinMessage")} error={fieldErrors.message}>
        {(aria) => <Textarea {...aria} name="message" rows={2} maxLength={1000} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t("joinSubmit")}
      </Button>
    </form>
  );
}
