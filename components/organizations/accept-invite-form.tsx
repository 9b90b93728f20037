"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/auth/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";

/** `action` accepts the invitation (the invite route's server action, passed in by the page). */
export function AcceptInviteForm({
  token,
  action,
}: {
  token: string;
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("auth.invite");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  if (state.ok && state.message) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("accepted")}</Alert>
        <Link href="/account/organization" className="font-medium text-brand-700 underline">
          {t("toWorkspace")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending}>
        {t("accept")}
      </Button>
    </form>
  );
}
