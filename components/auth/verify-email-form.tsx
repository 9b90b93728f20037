"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { useActionForm } from "./use-action-form";

/**
 * One button that posts the link's token back: opening the link alone (a mail scanner) changes
 * nothing. Once confirmed, a signed-in user goes on to their workspace (its checklist shows the step
 * done); anyone else to the sign-in page.
 */
export function VerifyEmailForm({
  token,
  action,
  signedIn = false,
}: {
  token: string;
  action: (prev: ActionResult<{ email: string }>, data: FormData) => Promise<ActionResult<{ email: string }>>;
  signedIn?: boolean;
}) {
  const t = useTranslations("auth.verify");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  if (state.ok && state.data) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("done", { email: state.data.email })}</Alert>
        <Link href={signedIn ? "/welcome" : "/login"} className="font-medium text-brand-700 underline">
          {signedIn ? t("toWorkspace") : t("toLogin")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <p>{t("lead")}</p>
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
