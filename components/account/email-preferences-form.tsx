"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { PreferenceGroup } from "@/lib/accounts/email-preferences";
import type { ActionResult } from "@/lib/errors";

/**
 * One box per notification type the user may receive, grouped; ticked = also sent by e-mail. The
 * essential ones are shown ticked and cannot be changed. `action` saves the ticked types.
 */
export function EmailPreferencesForm({
  groups,
  action,
}: {
  groups: PreferenceGroup[];
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("account.settings.email");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  return (
    <form onSubmit={onSubmit()} className="space-y-5">
      {formError && <Alert tone="danger">{formError}</Alert>}
      {state.ok && state.message && (
        <Alert tone="success">{t(state.message === "saved" ? "saved" : "unchanged")}</Alert>
      )}
      {groups.map((group) => (
        <fieldset key={group.key} className="space-y-2">
          <legend className="mb-1 text-sm font-semibold">{t(`groups.${group.key}`)}</legend>
          <ul className="grid gap-x-6 gap-y-2 md:grid-cols-2">
            {group.types.map((item) => (
              <li key={item.type}>
                <Checkbox
                  name="email"
                  value={item.type}
                  defaultChecked={item.email}
                  disabled={item.essential}
                  label={
                    <>
                      {t(`types.${item.type}`)}
                      {item.essential && <span className="text-muted"> ({t("essential")})</span>}
                    </>
                  }
                />
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <Button type="submit" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
