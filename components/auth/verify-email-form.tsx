"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { useActionForm } from "./use-action-form";

/** One button that posts the link's token back: opening the link alone (a mail scanner) changes nothing. */
export function VerifyEmailForm({
  token,
  action,
}: {
  token: string;
  action: (prev: ActionResult<{ email: string }>, data: FormData) => Promise<ActionResult<{ email: string }>>;
}) {
  const t = useTranslations("auth.verify");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  if (state.ok && state.data) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("done", { email: state.data.email })}</Alert>
        <Link href="/account" className="font-medium text-brand-700 underline">
          {t("toLogin")}
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
